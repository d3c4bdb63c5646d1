import type { Scenario } from "../scenario/schema.js";
import { checkText } from "./checks.js";
import { currentPhase, own, sideOf, type NegotiationContext } from "./context.js";
import { FACILITATOR, SYSTEM, type ControlEvent } from "./events.js";
import { problem, type Problem } from "./messages.js";
import { isFacilitator, isPastDeadline, precheckFacilitator } from "./validate-common.js";

type Control<T extends ControlEvent["type"]> = Extract<ControlEvent, { type: T }>;

/** The longest single extension, in minutes: a day, like the longest phase. */
const MAX_EXTENSION = 24 * 60;

function checkSeatEvent(scenario: Scenario, ctx: NegotiationContext, event: Control<"seat.claim" | "seat.release">): Problem | null {
  if (ctx.phase !== "lobby") return problem("wrong-phase", "Seats are taken in the lobby; this session has already started.");
  if (!scenario.seats.some((s) => s.id === event.seat)) return problem("unknown-reference", `There is no seat "${event.seat}" in this scenario.`);
  if (event.by !== event.seat && event.by !== FACILITATOR && event.by !== SYSTEM) {
    return problem("not-allowed", "You can only take or leave a seat for yourself; the facilitator assigns the others.");
  }
  return null;
}

function checkClaim(scenario: Scenario, ctx: NegotiationContext, event: Control<"seat.claim">): Problem | null {
  const basic = checkSeatEvent(scenario, ctx, event);
  if (basic) return basic;
  if (event.occupant !== "human" && event.occupant !== "bot") return problem("invalid-input", 'A seat is taken by a "human" or a "bot".');
  if (own(ctx.seats, event.seat) !== undefined) return problem("seat-taken", `The ${titleOf(scenario, event.seat)} seat is already taken; pick a free one.`);
  return null;
}

function checkRelease(scenario: Scenario, ctx: NegotiationContext, event: Control<"seat.release">): Problem | null {
  const basic = checkSeatEvent(scenario, ctx, event);
  if (basic) return basic;
  if (own(ctx.seats, event.seat) === undefined) return problem("already-done", `The ${titleOf(scenario, event.seat)} seat is already free.`);
  return null;
}

function checkStart(scenario: Scenario, ctx: NegotiationContext, event: Control<"session.start">): Problem | null {
  if (ctx.phase !== "lobby") return problem("wrong-phase", "The session has already started.");
  if (!isFacilitator(event.by) && own(ctx.seats, event.by) === undefined) {
    return problem("not-allowed", "Only the facilitator or a seated player can start the session.");
  }
  const missing = scenario.seats.filter((s) => !s.optional && own(ctx.seats, s.id) === undefined);
  if (missing.length > 0) {
    return problem("requirements-not-met", `Waiting for someone to take: ${missing.map((s) => `${s.title} (${s.organisation})`).join(", ")}.`);
  }
  const sides = new Set(Object.keys(ctx.seats).map((id) => sideOf(scenario, id)));
  if (!sides.has("procurement") || !sides.has("sales")) return problem("requirements-not-met", "Both sides of the table need at least one seat taken.");
  return null;
}

function checkAdvance(scenario: Scenario, ctx: NegotiationContext, event: Control<"phase.advance">): Problem | null {
  const phase = currentPhase(scenario, ctx);
  if (isFacilitator(event.by) || !phase) return precheckFacilitator(scenario, ctx, event, "move the session on");
  const procurementMayClose = phase.advance === "procurement" && sideOf(scenario, event.by) === "procurement" && ctx.present.includes(event.by);
  if (!procurementMayClose) {
    const who = phase.advance === "procurement" ? "procurement or the facilitator" : "the facilitator";
    return problem("not-allowed", `Only ${who} can close the ${phase.title} phase; mark yourself ready instead.`);
  }
  if (ctx.ending !== null) return problem("negotiation-over", "The negotiation has ended.");
  if (ctx.pausedAt !== null) return problem("paused", "The facilitator has paused the session; wait until it resumes.");
  if (isPastDeadline(ctx, event)) return problem("wrong-phase", `The ${phase.title} phase has already ended.`);
  return null;
}

function checkExtend(scenario: Scenario, ctx: NegotiationContext, event: Control<"phase.extend">): Problem | null {
  const basic = precheckFacilitator(scenario, ctx, event, "extend the phase");
  if (basic) return basic;
  const ok = typeof event.minutes === "number" && Number.isFinite(event.minutes) && event.minutes > 0 && event.minutes <= MAX_EXTENSION;
  return ok ? null : problem("invalid-input", `Extend by a number of minutes between 0 and ${MAX_EXTENSION}.`);
}

function checkPause(scenario: Scenario, ctx: NegotiationContext, event: Control<"session.pause">): Problem | null {
  if (ctx.pausedAt !== null && isFacilitator(event.by)) return problem("already-done", "The session is already paused.");
  return precheckFacilitator(scenario, ctx, event, "pause the session");
}

function checkResume(scenario: Scenario, ctx: NegotiationContext, event: Control<"session.resume">): Problem | null {
  const basic = precheckFacilitator(scenario, ctx, event, "resume the session");
  if (basic) return basic;
  return ctx.pausedAt === null ? problem("already-done", "The session is already running.") : null;
}

function checkEnd(scenario: Scenario, ctx: NegotiationContext, event: Control<"session.end">): Problem | null {
  if (!isFacilitator(event.by)) return problem("not-allowed", "Only the facilitator can end the session.");
  if (ctx.phase !== "lobby" && isPastDeadline(ctx, event)) return precheckFacilitator(scenario, ctx, event, "end the session");
  return checkText(event.reason, "reason for ending the session");
}

function checkMarketEvent(scenario: Scenario, ctx: NegotiationContext, event: Control<"market.event">): Problem | null {
  const basic = precheckFacilitator(scenario, ctx, event, "announce market news");
  if (basic) return basic;
  if (ctx.ending !== null) return problem("negotiation-over", "The talks have ended; news no longer changes them.");
  if (!scenario.marketEvents.some((m) => m.id === event.event)) return problem("unknown-reference", `This scenario has no market event "${event.event}".`);
  const announced = ctx.log.some((e) => e.type === "market.event" && e.payload.event === event.event);
  return announced ? problem("already-done", "That news has already been announced at this table.") : null;
}

function titleOf(scenario: Scenario, seat: string): string {
  return scenario.seats.find((s) => s.id === seat)?.title ?? seat;
}

/** Why a lobby, facilitator or clock event cannot be applied now, or null when it can. */
export function validateControl(scenario: Scenario, ctx: NegotiationContext, event: ControlEvent): Problem | null {
  switch (event.type) {
    case "seat.claim":
      return checkClaim(scenario, ctx, event);
    case "seat.release":
      return checkRelease(scenario, ctx, event);
    case "session.start":
      return checkStart(scenario, ctx, event);
    case "phase.advance":
      return checkAdvance(scenario, ctx, event);
    case "phase.extend":
      return checkExtend(scenario, ctx, event);
    case "session.pause":
      return checkPause(scenario, ctx, event);
    case "session.resume":
      return checkResume(scenario, ctx, event);
    case "session.end":
      return checkEnd(scenario, ctx, event);
    case "market.event":
      return checkMarketEvent(scenario, ctx, event);
    case "time.tick":
      return null;
  }
}
