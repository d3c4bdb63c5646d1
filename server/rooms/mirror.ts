import { ArraySchema } from "@colyseus/schema";
import type { NegotiationContext } from "../../shared/negotiation/context.js";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { privateBrief, publicScenario } from "../../shared/negotiation/visibility.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { PROTOCOL_VERSION } from "../../shared/protocol.js";
import { EntryState, NegotiationState, PrivateViewState, SeatState } from "./negotiation-state.js";

/** The observer's (facilitator's) private view lives under this key; no seat id can take it (ids are lower-case). */
export const OBSERVER_VIEW = "#observer";

/** A fresh synced state for a scenario: public seats, and one private view per seat plus the observer's. */
export function initialState(id: string, scenario: Scenario): NegotiationState {
  const state = new NegotiationState();
  state.protocol = PROTOCOL_VERSION;
  state.negotiationId = id;
  state.scenario = JSON.stringify(publicScenario(scenario));
  for (const seat of scenario.seats) {
    state.seats.set(seat.id, Object.assign(new SeatState(), { id: seat.id, side: seat.side, title: seat.title, organisation: seat.organisation, optional: seat.optional }));
    state.seatViews.set(seat.id, Object.assign(new PrivateViewState(), { viewer: seat.id, brief: JSON.stringify(privateBrief(scenario, seat.id)) }));
  }
  state.seatViews.set(OBSERVER_VIEW, Object.assign(new PrivateViewState(), { viewer: OBSERVER_VIEW }));
  return state;
}

function toEntryState(e: LogEntry): EntryState {
  return Object.assign(new EntryState(), { seq: e.seq, at: e.at, by: e.by, type: e.type, phase: e.phase, payload: JSON.stringify(e.payload), audience: JSON.stringify(e.audience) });
}

/**
 * Routes new log entries by audience: public ones to the shared log, the
 * rest only to the private views of the seats they are addressed to (and the
 * observer's). This is where "hidden" means "never sent".
 */
export function mirrorEntries(state: NegotiationState, entries: readonly LogEntry[]): void {
  for (const e of entries) {
    if (e.audience === "all") {
      state.log.push(toEntryState(e));
      continue;
    }
    for (const seat of e.audience) state.seatViews.get(seat)?.log.push(toEntryState(e));
    state.seatViews.get(OBSERVER_VIEW)?.log.push(toEntryState(e));
  }
}

/** Copies what the context says about phase, time and seats into the synced state. */
export function mirrorContext(state: NegotiationState, ctx: NegotiationContext, finished: boolean): void {
  state.phase = ctx.phase;
  state.phaseStartedAt = ctx.phaseStartedAt ?? 0;
  state.phaseEndsAt = ctx.phaseEndsAt ?? 0;
  state.paused = ctx.pausedAt !== null;
  state.status = finished ? "finished" : ctx.phase === "lobby" ? "lobby" : "running";
  state.ending = ctx.ending ? JSON.stringify(ctx.ending) : "";
  state.seats.forEach((seat, id) => {
    seat.occupant = Object.hasOwn(ctx.seats, id) ? ctx.seats[id]! : "";
    seat.ready = ctx.ready.includes(id);
    seat.withdrawn = ctx.withdrawn.includes(id);
    seat.objectivesSet = Object.hasOwn(ctx.objectives, id);
    seat.reflected = ctx.reflections.includes(id);
    const view = state.seatViews.get(id);
    if (!view) return;
    syncArray(view.objectives, ctx.objectives[id] ?? []);
    syncArray(view.guesses, ctx.guesses[id] ?? []);
    view.plan = ctx.plans[id] ?? "";
  });
}

function syncArray(target: ArraySchema<string>, values: readonly string[]): void {
  if (target.length === values.length && values.every((v, i) => target[i] === v)) return;
  target.clear();
  target.push(...values);
}
