import { MOVE_TYPES, type MoveType, type Scenario } from "../scenario/schema.js";
import type { NegotiationContext } from "./context.js";
import type { ControlEvent, MoveEvent, NegotiationEvent } from "./events.js";
import { problem, type Problem } from "./messages.js";
import { precheckMove } from "./validate-common.js";
import { validateControl } from "./validate-control.js";
import { checkMove } from "./validate-move.js";

/** Every lobby, facilitator and clock event type. */
export const CONTROL_TYPES = [
  "seat.claim",
  "seat.release",
  "session.start",
  "phase.advance",
  "phase.extend",
  "session.pause",
  "session.resume",
  "session.end",
  "market.event",
  "time.tick",
] as const satisfies readonly ControlEvent["type"][];

const MOVES: ReadonlySet<string> = new Set<string>(MOVE_TYPES);
const CONTROLS: ReadonlySet<string> = new Set<string>(CONTROL_TYPES);

/** True for a seat move (as opposed to a control). */
export function isMoveEvent(event: { type: string }): event is MoveEvent {
  return MOVES.has(event.type);
}

/** True for the negotiation's own events (not XState's internal ones), stamped with a sender and a time. */
export function isNegotiationEvent(event: { type: string; by?: unknown; at?: unknown }): event is NegotiationEvent {
  return (MOVES.has(event.type) || CONTROLS.has(event.type)) && typeof event.by === "string" && typeof event.at === "number";
}

/**
 * Why an event cannot be applied to the negotiation as it stands, or null
 * when it can. The machine's guards and its rejections both come from here,
 * so `snapshot.can(event)` and the rejection a player sees always agree.
 */
export function validateEvent(scenario: Scenario, ctx: NegotiationContext, event: NegotiationEvent): Problem | null {
  if (ctx.phase === "debrief") return problem("negotiation-over", "The session is over; the debrief is open.");
  if (isMoveEvent(event)) return precheckMove(scenario, ctx, event as MoveEvent & { type: MoveType }) ?? checkMove(scenario, ctx, event);
  if (CONTROLS.has(event.type)) return validateControl(scenario, ctx, event as ControlEvent);
  return problem("invalid-input", `"${String((event as { type: unknown }).type)}" is not a move this simulator knows.`);
}
