import type { MoveType, Package, Scenario } from "../scenario/schema.js";
import { audienceOf, resolveRecipients } from "./audience.js";
import { activeOfSide, currentPhase, isTender, own, procurementSeats, sideOf, type NegotiationContext } from "./context.js";
import type { Agreement, MoveEvent, SystemPayloads } from "./events.js";
import { appendEntries, entryAt, type EntryDraft } from "./log.js";
import { offerPackages, openAfterProposal, openWithout, openWithoutSeat } from "./offers.js";
import { endTalks } from "./phases.js";

type Move<T extends MoveType> = Extract<MoveEvent, { type: T }>;

/** The move's own fields: what the log keeps besides seq, time, sender and phase. */
function payloadOf(event: MoveEvent, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { type: _type, by: _by, at: _at, ref: _ref, ...rest } = event;
  return { ...rest, ...overrides };
}

function draft(event: MoveEvent, audience: EntryDraft["audience"], overrides?: Record<string, unknown>): EntryDraft {
  return { by: event.by, type: event.type, payload: payloadOf(event, overrides), audience };
}

function log(ctx: NegotiationContext, ...drafts: EntryDraft[]): NegotiationContext {
  return { ...ctx, log: appendEntries(ctx, ...drafts) };
}

function recipientsOf(scenario: Scenario, ctx: NegotiationContext, event: MoveEvent & { to?: unknown }): string[] {
  const resolved = resolveRecipients(scenario, ctx, event.by, event.to);
  return Array.isArray(resolved) ? resolved : [];
}

/** Moves only the sender sees before the debrief. */
const PRIVATE: ReadonlySet<MoveType> = new Set(["objectives.set", "guess.set", "plan.set", "stakeholder.contact", "reflection.submit", "bid.submit"]);

/** Talk moves whose `to` is optional and resolves to every counterpart. */
const TALK: ReadonlySet<MoveType> = new Set(["chat.send", "question.ask", "fact.disclose", "value.argue", "risk.raise", "risk.address"]);

/**
 * What a reader of the entry needs but only the sender's brief holds: the
 * text of a disclosed fact, the lever argued, the stakeholder's reply. The
 * log stays readable on its own (transcript, export) without leaking the
 * rest of the brief.
 */
function disclosedDetail(scenario: Scenario, event: MoveEvent): Record<string, unknown> {
  if (event.type === "fact.disclose") {
    const fact = scenario.seats.find((s) => s.id === event.by)?.brief.privateFacts.find((f) => f.id === event.fact);
    return fact ? { text: fact.text, leverageCost: fact.leverageCost } : {};
  }
  if (event.type === "value.argue") {
    const lever = scenario.valueLevers.find((l) => l.id === event.lever);
    return lever ? { leverTitle: lever.title, category: lever.category, ...(lever.figure ? { unit: lever.figure.unit } : {}) } : {};
  }
  if (event.type === "stakeholder.contact" && scenario.stakeholder) return { response: scenario.stakeholder.response };
  return {};
}

/** Log a move with no effect beyond the transcript; talk moves reach the sender and the resolved recipients. */
export function recordMove(scenario: Scenario, ctx: NegotiationContext, event: MoveEvent): NegotiationContext {
  const detail = disclosedDetail(scenario, event);
  if (PRIVATE.has(event.type)) return log(ctx, draft(event, [event.by], detail));
  if (!TALK.has(event.type)) return log(ctx, draft(event, "all", detail));
  const to = recipientsOf(scenario, ctx, event);
  return log(ctx, draft(event, audienceOf(event.by, to), { to, ...detail }));
}

/** Log a disclosure and remember the fact as shared, so it is shared only once. */
export function recordDisclosure(scenario: Scenario, ctx: NegotiationContext, event: Move<"fact.disclose">): NegotiationContext {
  const disclosed = { ...ctx.disclosed, [event.by]: [...(own(ctx.disclosed, event.by) ?? []), event.fact] };
  return recordMove(scenario, { ...ctx, disclosed }, event);
}

/** Clarifications in an RFQ reach every bidder; other answers reach whoever saw the question. */
export function recordAnswer(scenario: Scenario, ctx: NegotiationContext, event: Move<"question.answer">): NegotiationContext {
  const question = entryAt(ctx, event.question);
  const clarification = currentPhase(scenario, ctx)?.kind === "rfq";
  const audience = clarification ? "all" : (question?.audience ?? [event.by]);
  // An RFQ clarification reaches every bidder with the topic of its question (an issue, risk… of the scenario), never
  // the rival's own words or name: a bidder never reads another bidder's messages (docs/security.md).
  const about = question?.payload["about"];
  return log(ctx, draft(event, audience, clarification && about !== undefined ? { about } : undefined));
}

/** Mark the seat ready to leave the phase; everyone sees who is ready. */
export function markReady(ctx: NegotiationContext, event: Move<"phase.ready">): NegotiationContext {
  return log({ ...ctx, ready: [...ctx.ready, event.by] }, draft(event, "all"));
}

/** Store the seat's own objectives or its guess of the other side's, privately. */
export function setObjectives(scenario: Scenario, ctx: NegotiationContext, event: Move<"objectives.set" | "guess.set">): NegotiationContext {
  const key = event.type === "objectives.set" ? "objectives" : "guesses";
  return recordMove(scenario, { ...ctx, [key]: { ...ctx[key], [event.by]: [...event.objectives] } }, event);
}

/** Keep the seat's preparation plan (the latest one counts), privately. */
export function setPlan(scenario: Scenario, ctx: NegotiationContext, event: Move<"plan.set">): NegotiationContext {
  return recordMove(scenario, { ...ctx, plans: { ...ctx.plans, [event.by]: event.text } }, event);
}

/** Issue the RFQ to every seat. */
export function issueRfq(ctx: NegotiationContext, event: Move<"rfq.issue">): NegotiationContext {
  return log({ ...ctx, rfqIssued: true }, draft(event, "all"));
}

/**
 * Log a proposal to one counterpart; it supersedes earlier open offers
 * between the two. A MESO's entry carries its `alternatives` beside the
 * package, in the order the counterpart's `choice` counts them.
 */
export function recordProposal(ctx: NegotiationContext, event: Move<"offer.propose">): NegotiationContext {
  const seq = ctx.log.length + 1;
  const alternatives = event.alternatives?.map((p) => ({ ...p }));
  const entry = draft(event, [event.by, event.to], alternatives ? { alternatives } : {});
  return log({ ...ctx, openOffers: openAfterProposal(ctx, seq, event.by, event.to) }, entry);
}

/**
 * A reference the move's guard checked is missing when the move is applied:
 * guard and action disagree, a bug in the machine. Fail loudly rather than
 * log a move about nothing.
 */
function uncheckedReference(what: string): never {
  throw new Error(`${what}, though the guard accepted the move that names it`);
}

/** The proposal an accept or reject names; the guard (checkOffer) let the move through only for one in the log. */
function proposalAt(ctx: NegotiationContext, seq: number): { seq: number; by: string; packages: Package[] } {
  const entry = entryAt(ctx, seq);
  if (entry?.type !== "offer.propose") return uncheckedReference(`Entry ${seq} is not a proposal`);
  // The packages were checked when the proposal was made (checkPackage, checkAlternatives) and the log keeps them as sent.
  const packages = offerPackages(entry.payload);
  if (packages.length === 0) return uncheckedReference(`Proposal ${seq} has no package`);
  return { seq: entry.seq, by: entry.by, packages };
}

/** Parties of a deal in the order Agreement wants: [procurement seat, sales seat]. */
function parties(scenario: Scenario, a: string, b: string): [string, string] {
  return sideOf(scenario, a) === "procurement" ? [a, b] : [b, a];
}

/**
 * Accept an offer: the agreement, the accept entry and the end of the talks.
 * For a MESO the package agreed is the one chosen (the guard, checkChoice,
 * kept `choice` in range), so the entry's and the agreement's `package` are
 * what was agreed and every scoring of the agreement reads it unchanged; the
 * entry keeps `choice` for a MESO only.
 */
export function recordAcceptance(scenario: Scenario, ctx: NegotiationContext, event: Move<"offer.accept">): NegotiationContext {
  const offer = proposalAt(ctx, event.offer);
  const choice = event.choice ?? 0;
  const chosen = offer.packages[choice] ?? uncheckedReference(`Proposal ${offer.seq} has no package ${choice}`);
  const pair = parties(scenario, offer.by, event.by);
  const accepted: SystemPayloads["offer.accept"] = { offer: offer.seq, package: { ...chosen }, parties: pair };
  const { choice: _choice, ...rest } = payloadOf(event, { ...accepted });
  const payload = offer.packages.length > 1 ? { ...rest, choice } : rest;
  const next = log({ ...ctx, openOffers: openWithout(ctx, offer.seq) }, { by: event.by, type: event.type, payload, audience: [event.by, offer.by] });
  const agreement: Agreement = { parties: pair, package: { ...chosen }, source: offer.seq };
  return endTalks(next, { outcome: "deal", reason: "accepted" }, agreement);
}

/** Reject an offer with a reason; it is no longer open. */
export function recordOfferRejection(ctx: NegotiationContext, event: Move<"offer.reject">): NegotiationContext {
  const offer = proposalAt(ctx, event.offer);
  return log({ ...ctx, openOffers: openWithout(ctx, offer.seq) }, draft(event, [event.by, offer.by]));
}

/** Store a sealed bid, replacing the bidder's earlier bid in this round; only the bidder sees the entry. */
export function recordBid(ctx: NegotiationContext, event: Move<"bid.submit">): NegotiationContext {
  const bid = { seq: ctx.log.length + 1, package: { ...event.package }, phase: ctx.phase };
  const next = { ...ctx, roundBids: { ...ctx.roundBids, [event.by]: bid }, lastBids: { ...ctx.lastBids, [event.by]: bid } };
  return log(next, draft(event, [event.by]));
}

/** Award the contract on the supplier's latest bid: the agreement and the end of the talks. */
export function recordAward(scenario: Scenario, ctx: NegotiationContext, event: Move<"award.make">): NegotiationContext {
  const bid = own(ctx.lastBids, event.to) ?? uncheckedReference(`${event.to} has no bid to award`);
  const awarded: SystemPayloads["award.make"] = { to: event.to, bid: bid.seq, package: bid.package };
  const agreement: Agreement = { parties: parties(scenario, event.by, event.to), package: bid.package, source: bid.seq };
  // Losing bidders learn the tender was awarded (the phase ends), not the winner's terms.
  const next = log(ctx, draft(event, [...agreement.parties], { ...awarded }));
  return endTalks(next, { outcome: "deal", reason: "awarded" }, agreement);
}

/**
 * Walking away ends a two-party negotiation, and a tender when procurement
 * does it. A supplier walking out of a tender only withdraws; the tender ends
 * when no supplier is left.
 */
export function recordWalkaway(scenario: Scenario, ctx: NegotiationContext, event: Move<"walkaway">): NegotiationContext {
  const supplierLeavesTender = isTender(scenario) && sideOf(scenario, event.by) === "sales";
  if (!supplierLeavesTender) return endTalks(log(ctx, draft(event, "all")), { outcome: "no-deal", reason: "walkaway" });
  const withdrawn: NegotiationContext = { ...ctx, withdrawn: [...ctx.withdrawn, event.by], openOffers: openWithoutSeat(ctx, event.by) };
  const next = log(withdrawn, draft(event, [event.by, ...procurementSeats(scenario, ctx)]));
  if (activeOfSide(scenario, next, "sales").length > 0) return next;
  return endTalks(next, { outcome: "no-deal", reason: "all-withdrew" });
}

/** Store a seat's reflection survey, privately. */
export function recordReflection(scenario: Scenario, ctx: NegotiationContext, event: Move<"reflection.submit">): NegotiationContext {
  return recordMove(scenario, { ...ctx, reflections: [...ctx.reflections, event.by] }, event);
}
