import { reflectionItemsFor, validateReflectionAnswers } from "../scoring/reflection-survey.js";
import type { IssueOutcome, MoveType, Risk, Scenario } from "../scenario/schema.js";
import { resolveRecipients } from "./audience.js";
import { checkIdSet, checkOptionalText, checkPackage, checkText, MAX_TEXT, orList } from "./checks.js";
import { currentPhase, own, sideOf, type NegotiationContext } from "./context.js";
import type { MoveEventOf } from "./events.js";
import { entryAt } from "./log.js";
import { problem, type Problem } from "./messages.js";
import { checkAlternatives, checkChoice, checkOffer } from "./offers.js";

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

/** `about` of a question: an issue, risk or objective of the scenario, or a value lever the asker knows. */
function checkTopic(scenario: Scenario, seat: string, about: unknown): Problem | null {
  if (about === undefined) return null;
  const topic = about as { kind?: unknown; id?: unknown } | null;
  const kind = typeof topic === "object" && topic !== null ? topic.kind : undefined;
  const id = typeof topic === "object" && topic !== null ? topic.id : undefined;
  if (typeof id !== "string" || (kind !== "issue" && kind !== "lever" && kind !== "risk" && kind !== "objective")) {
    return problem("invalid-input", "Say what the question is about: one issue, value lever, risk or objective of this scenario, or leave it out.");
  }
  if (kind === "issue") {
    if (scenario.issues.some((i) => i.id === id)) return null;
    return problem("unknown-reference", `"${id}" is not an issue of this scenario; ask about ${orList(scenario.issues.map((i) => i.name))}.`);
  }
  if (kind === "risk") {
    if (scenario.risks.some((r) => r.id === id)) return null;
    const risks = scenario.risks.map((r) => `“${r.title}”`);
    return problem("unknown-reference", risks.length === 0 ? "This scenario lists no risks to ask about." : `"${id}" is not a risk of this scenario; ask about ${orList(risks)}.`);
  }
  if (kind === "objective") {
    if (scenario.objectives.some((o) => o.id === id)) return null;
    return problem("unknown-reference", `"${id}" is not an objective of this scenario; ask about one from the objectives either side picks from.`);
  }
  // A lever: only one the asker knows. The message lists the asker's own levers and never says whether another seat knows this one.
  const known = scenario.valueLevers.filter((l) => l.knownTo.includes(seat));
  if (known.some((l) => l.id === id)) return null;
  return problem(
    "unknown-reference",
    known.length === 0
      ? `"${id}" is not a value lever from your brief; your brief lists none, so ask about an issue, a risk or an objective.`
      : `"${id}" is not a value lever from your brief; ask about ${orList(known.map((l) => `“${l.title}”`))}.`,
  );
}

/** "Main-supplier volume share: 40 %, 60 % or 80 %" for each deal term that addresses the risk. */
function describeTerms(scenario: Scenario, terms: readonly IssueOutcome[]): string {
  return terms
    .map((t) => {
      const issue = scenario.issues.find((i) => i.id === t.issue);
      const labels = t.options.map((o) => issue?.options.find((x) => x.id === o)?.label ?? o);
      return `${issue?.name ?? t.issue}: ${orList(labels)}`;
    })
    .join("; ");
}

/** `term` of a risk.address: one of the risk's `mitigatedBy` terms (its issue and one of the options listed). */
function checkTerm(scenario: Scenario, risk: Risk, term: unknown): Problem | null {
  if (term === undefined) return null;
  const t = typeof term === "object" && term !== null ? (term as { issue?: unknown; option?: unknown }) : {};
  const [issueId, optionId] = [t.issue, t.option];
  if (typeof issueId !== "string" || typeof optionId !== "string") {
    return problem("invalid-input", "Name the deal term as an issue and one of its options, or leave the term out.");
  }
  if (risk.mitigatedBy.some((m) => m.issue === issueId && m.options.includes(optionId))) return null;
  if (risk.mitigatedBy.length === 0) {
    const offer = risk.mitigations.length > 0 ? "offer one of its concrete mitigations instead" : "leave the term out";
    return problem("unknown-reference", `No deal term addresses “${risk.title}”; ${offer}.`);
  }
  const issue = scenario.issues.find((i) => i.id === issueId);
  const option = issue?.options.find((o) => o.id === optionId);
  const named = issue && option ? `“${issue.name}: ${option.label}”` : `"${issueId}: ${optionId}"`;
  return problem("unknown-reference", `${named} does not address “${risk.title}”; the terms that do: ${describeTerms(scenario, risk.mitigatedBy)}.`);
}

/** `mitigation` of a risk.address: one of the risk's concrete `mitigations`. */
function checkMitigation(risk: Risk, mitigation: unknown): Problem | null {
  if (mitigation === undefined) return null;
  if (typeof mitigation !== "string") return problem("invalid-input", "Name the mitigation by its id, or leave it out.");
  if (risk.mitigations.some((m) => m.id === mitigation)) return null;
  if (risk.mitigations.length === 0) {
    const offer = risk.mitigatedBy.length > 0 ? "name a deal term that addresses it instead" : "leave the mitigation out";
    return problem("unknown-reference", `“${risk.title}” lists no concrete mitigations; ${offer}.`);
  }
  return problem("unknown-reference", `"${mitigation}" is not a mitigation of “${risk.title}”; pick ${orList(risk.mitigations.map((m) => `“${m.text}”`))}.`);
}

function checkRisk(scenario: Scenario, ctx: NegotiationContext, e: Move<"risk.raise"> | Move<"risk.address">): Problem | null {
  const risk = scenario.risks.find((r) => r.id === e.risk);
  if (!risk) return problem("unknown-reference", `"${String(e.risk)}" is not a risk of this scenario.`);
  return first(
    () => checkText(e.note, "note on the risk"),
    () => (e.type === "risk.address" ? checkTerm(scenario, risk, e.term) : null),
    () => (e.type === "risk.address" ? checkMitigation(risk, e.mitigation) : null),
    () => recipients(scenario, ctx, e),
  );
}

const checkContact: Check<"stakeholder.contact"> = (scenario, _ctx, e) => {
  if (!scenario.stakeholder) return problem("unknown-reference", "This scenario has no business stakeholder to contact.");
  return checkText(e.text, "message to the stakeholder");
};

/** A proposal: one counterpart, a complete package and, for a MESO, one or two equivalent alternatives (offers.ts). */
const checkProposal: Check<"offer.propose"> = (scenario, ctx, e) =>
  first(
    () => (typeof e.to === "string" ? recipients(scenario, ctx, { ...e, to: [e.to] }) : problem("invalid-recipient", "Address the offer to one seat across the table.")),
    () => checkPackage(scenario, e.package),
    () => {
      const proposer = scenario.seats.find((s) => s.id === e.by);
      return proposer ? checkAlternatives(scenario, proposer, e.package, e.alternatives) : null;
    },
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

const checkReflection: Check<"reflection.submit"> = (scenario, ctx, e) => {
  if (ctx.reflections.includes(e.by)) return problem("already-done", "You have already submitted your reflection.");
  // The survey depends on the seat: a buyer with several counterparts rates each of them.
  const checked = validateReflectionAnswers(e.answers, reflectionItemsFor(scenario, e.by, ctx.present));
  return checked.ok ? null : problem("invalid-input", `Please complete the reflection: ${checked.problems.slice(0, 3).join("; ")}.`);
};

const CHECKS: { [T in MoveType]: Check<T> } = {
  "phase.ready": checkReady,
  "objectives.set": checkObjectives,
  "plan.set": (_s, _c, e) => checkText(e.text, "plan"),
  "guess.set": checkGuess,
  "chat.send": (s, c, e) => checkText(e.text, "message") ?? recipients(s, c, e),
  "question.ask": (s, c, e) => checkText(e.text, "question") ?? checkTopic(s, e.by, e.about) ?? recipients(s, c, e),
  "question.answer": checkAnswer,
  "fact.disclose": checkDisclosure,
  "value.argue": checkArgument,
  "risk.raise": checkRisk,
  "risk.address": checkRisk,
  "stakeholder.contact": checkContact,
  "rfq.issue": (_s, c, e) => (c.rfqIssued ? problem("already-done", "The RFQ has already been issued.") : checkOptionalText(e.note, "note")),
  "offer.propose": checkProposal,
  "offer.accept": (_s, c, e) => checkOffer(c, e.by, e.offer, "accept") ?? checkChoice(c, e.offer, e.choice),
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
