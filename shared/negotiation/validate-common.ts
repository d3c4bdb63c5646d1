import { movesFor } from "../scenario/phase-rules.js";
import type { MoveType, Scenario } from "../scenario/schema.js";
import { currentPhase, type NegotiationContext } from "./context.js";
import { FACILITATOR, SYSTEM, type NegotiationEvent } from "./events.js";
import { problem, wrongPhaseMessage, wrongRoleMessage, type Problem } from "./messages.js";

/** Moves that still make sense once the talks have ended. */
const AFTER_END: readonly MoveType[] = ["reflection.submit", "phase.ready"];

/** The event's time, or the context's when the event has none (e.g. XState's own events). */
export function timeOf(ctx: NegotiationContext, event: { at?: unknown }): number {
  return typeof event.at === "number" && Number.isFinite(event.at) ? Math.max(ctx.now, event.at) : ctx.now;
}

/** True when the running phase's deadline has passed at the event's time. */
export function isPastDeadline(ctx: NegotiationContext, event: { at?: unknown }): boolean {
  return ctx.phaseEndsAt !== null && ctx.pausedAt === null && timeOf(ctx, event) >= ctx.phaseEndsAt;
}

function phaseEnded(scenario: Scenario, ctx: NegotiationContext): Problem {
  const title = currentPhase(scenario, ctx)?.title ?? "current";
  return problem("wrong-phase", `The ${title} phase ended before this arrived; check the new phase and try again.`);
}

/**
 * The checks every seat move passes before its own rules, in a fixed order:
 * identity, the end of the talks, withdrawal, pause, deadline, then whether
 * the phase opens this move to the seat's side.
 */
export function precheckMove(scenario: Scenario, ctx: NegotiationContext, event: NegotiationEvent & { type: MoveType }): Problem | null {
  const seat = scenario.seats.find((s) => s.id === event.by);
  if (!seat) return problem("not-a-seat", `"${event.by}" is not a seat at this table; only seated players make moves.`);
  if (ctx.phase === "lobby") return problem("wrong-phase", "The negotiation has not started yet; wait in the lobby until the session starts.");
  if (!ctx.present.includes(seat.id)) return problem("not-a-seat", `The ${seat.title} seat is not taking part in this negotiation.`);
  const phase = currentPhase(scenario, ctx);
  if (!phase || (ctx.ending !== null && !AFTER_END.includes(event.type))) {
    const next = phase?.kind === "reflection" ? "; submit your reflection survey" : "";
    return problem("negotiation-over", `The negotiation has ended${next}.`);
  }
  if (ctx.withdrawn.includes(seat.id) && event.type !== "reflection.submit") {
    return problem("withdrawn", "You have withdrawn from this tender; you can follow along and reflect at the end.");
  }
  if (ctx.pausedAt !== null) return problem("paused", "The facilitator has paused the session; wait until it resumes.");
  if (isPastDeadline(ctx, event)) return phaseEnded(scenario, ctx);
  if (movesFor(phase, seat.side).includes(event.type)) return null;
  const otherSide = seat.side === "sales" ? "procurement" : "sales";
  if (movesFor(phase, otherSide).includes(event.type)) return problem("wrong-role", wrongRoleMessage(phase, seat.side, event.type));
  return problem("wrong-phase", wrongPhaseMessage(scenario, phase, seat.side, event.type));
}

/** The facilitator, or the server itself (e.g. pausing the clock over an outage); never a seat. */
export function isFacilitator(by: string): boolean {
  return by === FACILITATOR || by === SYSTEM;
}

/**
 * The checks a facilitator control passes: sent by the facilitator, a
 * session that has started, and not arriving after the deadline.
 */
export function precheckFacilitator(scenario: Scenario, ctx: NegotiationContext, event: NegotiationEvent, what: string): Problem | null {
  if (!isFacilitator(event.by)) return problem("not-allowed", `Only the facilitator can ${what}.`);
  if (ctx.phase === "lobby") return problem("wrong-phase", `Start the session before you ${what}.`);
  if (isPastDeadline(ctx, event)) return phaseEnded(scenario, ctx);
  return null;
}
