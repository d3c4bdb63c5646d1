import { validateReflectionAnswers } from "../scoring/reflection-survey.js";
import type { MoveType, Scenario } from "../scenario/schema.js";
import { resolveRecipients } from "./audience.js";
import { checkIdSet, checkOptionalText, checkPackage, checkText, MAX_TEXT } from "./checks.js";
import { currentPhase, own, sideOf, type NegotiationContext } from "./context.js";
import type { MoveEventOf } from "./events.js";
import { entryAt } from "./log.js";
import { problem, type Problem } from "./messages.js";
import { checkOffer } from "./offers.js";

type Move<T extends MoveType> = MoveEventOf<T>;
type Check<T extends MoveType> = (scenario: Scenario, ctx: NegotiationContext, event: Move<T>) => Problem | null;

function first(...checks: (() => Problem | null)[]): Problem | null {
  for (const check of checks) {
    const found = check();
    if (found) return found;
  }
  return null;
}

/** Recipients as a check: a Problem, or null when `to` resolves. */
function recipients(scenario: Scenario, ctx: NegotiationContext, event: { by: string; to?: unknown }): Problem | null {
  const resolved = resolveRecipients(scenario, ctx, event.by, event.to);
  return Array.isArray(resolved) ? null : resolved;
}

function objectiveIds(scenario: Scenario, side: string | undefined): string[] {
  return scenario.objectives.filter((o) => o.side === side).map((o) => o.id);
}

/** Whether a seat must set its objectives before it may be ready in this phase. */
export function needsObjectives(scenario: Scenario, ctx: NegotiationContext, seat: string): boolean {
  const side = sideOf(scenario, seat);
  const catalogueLargeEnough = objectiveIds(scenario, side).length >= scenario.objectivesPerSide;
  return currentPhase(scenario, ctx)?.kind === "preparation" && catalogueLargeEnough && own(ctx.objectives, seat) === undefined;
}

const checkReady: Check<"phase.ready"> = (scenario, ctx, e) => {
  if (ctx.ready.includes(e.by)) return problem("already-done", "You are already marked ready; waiting for the others.");
  if (needsObjectives(scenario, ctx, e.by)) {
    return problem("requirements-not-met", `Set your ${scenario.objectivesPerSide} objectives before you mark yourself ready.`);
  }
  return null;
};

const checkObjectives: Check<"objectives.set"> = (scenario, _ctx, e) =>
  checkIdSet(e.objectives, objectiveIds(scenario, sideOf(scenario, e.by)), scenario.objectivesPerSide, "objectives of your own side");

const checkGuess: Check<"guess.set"> = (scenario, _ctx, e) => {
  const other = sideOf(scenario, e.by) === "sales" ? "procurement" : "sales";
  return checkIdSet(e.objectives, objectiveIds(scenario, other), scenario.objectivesPerSide, "objectives of the other side");
};

const checkAnswer: Check<"question.answer"> = (_scenario, ctx, e) => {
  const question = entryAt(ctx, e.question);
  if (question?.type !== "question.ask") return problem("unknown-reference", "There is no such question to answer.");
  const addressed = question.by !== e.by && Array.isArray(question.audience) && question.audience.includes(e.by);
  if (!addressed) return problem("not-allowed", "That question was not asked of you.");
  return checkText(e.text, "answer");
};

const checkDisclosure: Check<"fact.disclose"> = (scenario, ctx, e) => {
  const facts = scenario.seats.find((s) => s.id === e.by)?.brief.privateFacts ?? [];
  if (!facts.some((f) => f.id === e.fact)) return problem("unknown-reference", `"${String(e.fact)}" is not one of the private facts in your brief.`);
  if ((own(ctx.disclosed, e.by) ?? []).includes(e.fact)) return problem("already-done", "You have already shared that fact.");
  return recipients(scenario, ctx, e);
};

const checkArgument: Check<"value.argue"> = (scenario, ctx, e) => {
  const lever = scenario.valueLevers.find((l) => l.id === e.lever);
  if (!lever?.knownTo.includes(e.by)) return problem("unknown-reference", `"${String(e.lever)}" is not a value lever from your brief.`);
  return first(
    () => checkText(e.claim, "claim"),
    () => (e.figure === undefined || (typeof e.figure === "number" && Number.isFinite(e.figure)) ? null : problem("invalid-input", "A figure must be a number.")),
    () => recipients(scenario, ctx, e),
  );
};

function checkRisk(scenario: Scenario, ctx: NegotiationContext, e: Move<"risk.raise"> | Move<"risk.address">): Problem | null {
  if (!scenario.risks.some((r) => r.id === e.risk)) return problem("unknown-reference", `"${String(e.risk)}" is not a risk of this scenario.`);
  return first(
    () => checkText(e.note, "note on the risk"),
    () => recipients(scenario, ctx, e),
  );
}

const checkContact: Check<"stakeholder.contact"> = (scenario, _ctx, e) => {
  if (!scenario.stakeholder) return problem("unknown-reference", "This scenario has no business stakeholder to contact.");
  return checkText(e.text, "message to the stakeholder");
};

const checkProposal: Check<"offer.propose"> = (scenario, ctx, e) =>
  first(
    () => (typeof e.to === "string" ? recipients(scenario, ctx, { ...e, to: [e.to] }) : problem("invalid-recipient", "Address the offer to one seat across the table.")),
    () => checkPackage(scenario, e.package),
    () => checkOptionalText(e.note, "note"),
    () => (e.final === undefined || typeof e.final === "boolean" ? null : problem("invalid-input", "Mark an offer final or not.")),
  );

const checkBid: Check<"bid.submit"> = (scenario, ctx, e) => {
  if (currentPhase(scenario, ctx)?.kind !== "sealed-bid") return problem("wrong-phase", "Sealed bids are submitted in a sealed-bid round.");
  return first(
    () => checkPackage(scenario, e.package),
    () => checkOptionalText(e.note, "note"),
  );
};

const checkAward: Check<"award.make"> = (scenario, ctx, e) => {
  const supplier = scenario.seats.find((s) => s.id === e.to && s.side === "sales");
  if (!supplier || !ctx.present.includes(supplier.id)) return problem("invalid-recipient", "Award the contract to a supplier at the table.");
  if (ctx.withdrawn.includes(supplier.id)) return problem("invalid-recipient", `${supplier.organisation} has withdrawn from the tender.`);
  if (own(ctx.lastBids, supplier.id) === undefined) return problem("requirements-not-met", `${supplier.organisation} has not submitted a bid you could award.`);
  return null;
};

const checkReflection: Check<"reflection.submit"> = (_scenario, ctx, e) => {
  if (ctx.reflections.includes(e.by)) return problem("already-done", "You have already submitted your reflection.");
  const checked = validateReflectionAnswers(e.answers);
  return checked.ok ? null : problem("invalid-input", `Please complete the reflection: ${checked.problems.slice(0, 3).join("; ")}.`);
};

const CHECKS: { [T in MoveType]: Check<T> } = {
  "phase.ready": checkReady,
  "objectives.set": checkObjectives,
  "plan.set": (_s, _c, e) => checkText(e.text, "plan"),
  "guess.set": checkGuess,
  "chat.send": (s, c, e) => checkText(e.text, "message") ?? recipients(s, c, e),
  "question.ask": (s, c, e) => checkText(e.text, "question") ?? recipients(s, c, e),
  "question.answer": checkAnswer,
  "fact.disclose": checkDisclosure,
  "value.argue": checkArgument,
  "risk.raise": checkRisk,
  "risk.address": checkRisk,
  "stakeholder.contact": checkContact,
  "rfq.issue": (_s, c, e) => (c.rfqIssued ? problem("already-done", "The RFQ has already been issued.") : checkOptionalText(e.note, "note")),
  "offer.propose": checkProposal,
  "offer.accept": (_s, c, e) => checkOffer(c, e.by, e.offer, "accept"),
  "offer.reject": (_s, c, e) => checkOffer(c, e.by, e.offer, "reject") ?? checkText(e.reason, "reason"),
  "bid.submit": checkBid,
  "award.make": checkAward,
  walkaway: (_s, _c, e) => checkText(e.reason, "reason for walking away"),
  "reflection.submit": checkReflection,
};

/** The rules of one move after the common prechecks: references, texts, packages, once-only moves. */
export function checkMove<T extends MoveType>(scenario: Scenario, ctx: NegotiationContext, event: Move<T>): Problem | null {
  // For a generic T, TypeScript resolves the mapped table at `event.type: T` to Check<T>, which takes this very event.
  const check: Check<T> = CHECKS[event.type];
  return check(scenario, ctx, event);
}
