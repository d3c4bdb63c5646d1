import type { Scenario } from "../scenario/schema.js";
import { currentPhase, type NegotiationContext } from "./context.js";
import type { ControlEvent } from "./events.js";
import { appendEntries } from "./log.js";
import { endTalks } from "./phases.js";

type Control<T extends ControlEvent["type"]> = Extract<ControlEvent, { type: T }>;

/** Log a session control for every seat to see; its payload is the event's own fields. */
export function recordControl(ctx: NegotiationContext, event: ControlEvent): NegotiationContext {
  const { type, by, at: _at, ref: _ref, ...payload } = event;
  return { ...ctx, log: appendEntries(ctx, { by, type, payload, audience: "all" }) };
}

/** Seat a human or a bot. */
export function claimSeat(ctx: NegotiationContext, event: Control<"seat.claim">): NegotiationContext {
  return recordControl({ ...ctx, seats: { ...ctx.seats, [event.seat]: event.occupant } }, event);
}

/** Free a seat in the lobby. */
export function releaseSeat(ctx: NegotiationContext, event: Control<"seat.release">): NegotiationContext {
  const { [event.seat]: _gone, ...seats } = ctx.seats;
  return recordControl({ ...ctx, seats }, event);
}

/** The seats claimed now take part for the whole negotiation; the first phase starts at this moment. */
export function startSession(scenario: Scenario, ctx: NegotiationContext, event: Control<"session.start">): NegotiationContext {
  const present = scenario.seats.filter((s) => Object.hasOwn(ctx.seats, s.id)).map((s) => s.id);
  return recordControl({ ...ctx, present, phaseEndsAt: ctx.now }, event);
}

/** Push the running phase's deadline back by the given minutes (scaled like the phases). */
export function extendPhase(ctx: NegotiationContext, event: Control<"phase.extend">): NegotiationContext {
  const ms = event.minutes * 60_000 * ctx.timeScale;
  return recordControl({ ...ctx, phaseEndsAt: (ctx.phaseEndsAt ?? ctx.now) + ms }, event);
}

/** Announce a market event to every seat: its headline and text go into the public log, where scoring and exports see them. */
export function announceMarketEvent(scenario: Scenario, ctx: NegotiationContext, event: Control<"market.event">): NegotiationContext {
  const news = scenario.marketEvents.find((m) => m.id === event.event);
  if (!news) return ctx; // the guard has checked it
  return { ...ctx, log: appendEntries(ctx, { by: event.by, type: "market.event", payload: { event: news.id, title: news.title, text: news.text }, audience: "all" }) };
}

/** Freeze the phase clock. */
export function pauseSession(ctx: NegotiationContext, event: Control<"session.pause">): NegotiationContext {
  return recordControl({ ...ctx, pausedAt: ctx.now }, event);
}

/** Resuming pushes the deadline back by the time spent paused. */
export function resumeSession(ctx: NegotiationContext, event: Control<"session.resume">): NegotiationContext {
  const paused = ctx.now - (ctx.pausedAt ?? ctx.now);
  return recordControl({ ...ctx, pausedAt: null, phaseEndsAt: (ctx.phaseEndsAt ?? ctx.now) + paused }, event);
}

/** Ending the session before reflection ends the talks; in reflection it only closes the survey. */
export function endSession(scenario: Scenario, ctx: NegotiationContext, event: Control<"session.end">): NegotiationContext {
  const logged = recordControl(ctx, event);
  if (currentPhase(scenario, ctx)?.kind === "reflection") return logged;
  return endTalks(logged, { outcome: "no-deal", reason: "ended-by-facilitator" });
}
