import type { Scenario } from "../scenario/schema.js";
import { phaseDuration, type Ending, type NegotiationContext } from "./context.js";
import { SYSTEM, type Agreement, type SystemPayloads } from "./events.js";
import { appendEntries, type EntryDraft } from "./log.js";
import { closeRoundEntries } from "./rounds.js";

/** The `negotiation.ended` entry for an ending. */
export function endedEntry(ending: Ending, agreement: Agreement | null, at?: number): EntryDraft {
  const payload: SystemPayloads["negotiation.ended"] = { ...ending, agreement };
  // With an agreement only its parties read the terms (in a tender, the losers see the phase end, not the winning bid).
  const audience = agreement ? [...agreement.parties] : "all";
  return { by: SYSTEM, type: "negotiation.ended", payload: { ...payload }, audience, ...(at === undefined ? {} : { at }) };
}

/** The context with the talks ended (once): the ending, the agreement if any and the entry. */
export function endTalks(ctx: NegotiationContext, ending: Ending, agreement: Agreement | null = null, at?: number): NegotiationContext {
  if (ctx.ending !== null) return ctx;
  return { ...ctx, ending, agreement, log: appendEntries(ctx, endedEntry(ending, agreement, at)) };
}

/**
 * Enter a scenario phase. It starts where the previous one ended
 * (`phaseEndsAt`, set by whatever closed it), so a cascade of missed deadlines
 * lays the phases end to end exactly. Readiness, the sealed-bid round and any
 * pause belong to one phase and start afresh.
 */
export function startPhase(scenario: Scenario, ctx: NegotiationContext, index: number): NegotiationContext {
  const phase = scenario.phases[index];
  if (!phase) throw new Error(`No phase at index ${index}`);
  const startedAt = ctx.phaseEndsAt ?? ctx.now;
  const endsAt = startedAt + phaseDuration(phase, ctx);
  const next: NegotiationContext = { ...ctx, phase: phase.id, phaseStartedAt: startedAt, phaseEndsAt: endsAt, pausedAt: null, ready: [], roundBids: {} };
  const started: SystemPayloads["phase.started"] = { phase: phase.id, endsAt };
  return { ...next, log: appendEntries(next, { by: SYSTEM, type: "phase.started", payload: { ...started }, audience: "all", at: startedAt }) };
}

/** Close the running phase now (early): the next phase starts at this moment. */
export function endPhaseNow(ctx: NegotiationContext): NegotiationContext {
  return { ...ctx, phaseEndsAt: ctx.now };
}

/** Open the bids of the sealed-bid round that is ending and rank them. */
export function closeRound(scenario: Scenario, ctx: NegotiationContext): NegotiationContext {
  return { ...ctx, log: appendEntries(ctx, ...closeRoundEntries(scenario, ctx)) };
}

/** Leaving the last deal-making phase without an agreement: no deal, the time ran out. */
export function endByTimeout(ctx: NegotiationContext): NegotiationContext {
  return endTalks(ctx, { outcome: "no-deal", reason: "timeout" }, null, ctx.phaseEndsAt ?? ctx.now);
}

/** Enter the debrief: the talks are over for good and no clock runs. */
export function openDebrief(ctx: NegotiationContext): NegotiationContext {
  const at = ctx.phaseEndsAt ?? ctx.now;
  const ended = endTalks(ctx, { outcome: "no-deal", reason: "timeout" }, null, at);
  const next: NegotiationContext = { ...ended, phase: "debrief", phaseStartedAt: at, phaseEndsAt: null, pausedAt: null, ready: [] };
  const started: SystemPayloads["phase.started"] = { phase: "debrief", endsAt: null };
  return { ...next, log: appendEntries(next, { by: SYSTEM, type: "phase.started", payload: { ...started }, audience: "all", at }) };
}
