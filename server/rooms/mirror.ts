import type { NegotiationContext } from "../../shared/negotiation/context.js";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { Transcript } from "../../shared/negotiation/transcript.js";
import {
  knowsBidCount, knowsWithdrawal, publicScenario, readableBriefs, readablePlans, readableSeats, readableTeachingNotes, seatDebrief, seatViewer, TRAINER, trainerDebrief,
  type Stage, type Viewer,
} from "../../shared/negotiation/visibility.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import type { SeatDebriefView } from "../../shared/scoring/reveal.js";
import type { NegotiationDebrief } from "../../shared/scoring/types.js";
import { PROTOCOL_VERSION } from "../../shared/protocol.js";
import { EntryState, NegotiationState, SeatState, ViewState } from "./negotiation-state.js";

/** The trainer's view lives under this key; no seat id can take it (ids are lower-case words). */
export const TRAINER_VIEW = "#trainer";

export function viewKey(viewer: Viewer): string {
  return viewer.kind === "seat" ? viewer.seat : TRAINER_VIEW;
}

function toEntryState(e: LogEntry): EntryState {
  return Object.assign(new EntryState(), { seq: e.seq, at: e.at, by: e.by, type: e.type, phase: e.phase, payload: JSON.stringify(e.payload), audience: JSON.stringify(e.audience) });
}

type ViewerDebrief = SeatDebriefView | Record<string, SeatDebriefView>;

interface ViewSlot {
  viewer: Viewer;
  state: ViewState;
  transcript: Transcript;
  /** The viewer's debrief once revealed (its JSON is in `state.debrief`). */
  debrief: ViewerDebrief | null;
}

/**
 * Mirrors a negotiation into the synced state, one view per viewer (each
 * seat, the trainer), every field filled through the visibility rules. It
 * holds each viewer's transcript, so the room can translate the entry
 * numbers a client sends and answer with the entries as that client sees
 * them. The room decides nothing about visibility itself.
 */
export class Mirror {
  readonly state = new NegotiationState();
  private stage: Stage;
  private readonly slots = new Map<string, ViewSlot>();

  constructor(id: string, private readonly scenario: Scenario) {
    this.stage = { scenario, revealed: false };
    const s = this.state;
    s.protocol = PROTOCOL_VERSION;
    s.negotiationId = id;
    s.scenario = JSON.stringify(publicScenario(scenario));
    for (const seat of scenario.seats) {
      s.seats.set(seat.id, Object.assign(new SeatState(), { id: seat.id, side: seat.side, title: seat.title, organisation: seat.organisation, optional: seat.optional }));
    }
    for (const viewer of [...scenario.seats.map((x) => seatViewer(x.id)), TRAINER]) {
      const key = viewKey(viewer);
      const view = Object.assign(new ViewState(), { viewer: key });
      s.views.set(key, view);
      this.slots.set(key, { viewer, state: view, transcript: new Transcript(this.stage, viewer), debrief: null });
      setBriefs(view, this.stage, viewer);
      setTeachingNotes(view, this.stage, viewer);
    }
  }

  /** The view a client of this viewer receives. */
  view(viewer: Viewer): ViewState {
    return this.slot(viewer).state;
  }

  /** The viewer's transcript (its numbering), for translating moves and replies. */
  transcript(viewer: Viewer): Transcript {
    return this.slot(viewer).transcript;
  }

  /** The viewer's own debrief, once the negotiation has ended; null before. */
  debrief(viewer: Viewer): ViewerDebrief | null {
    return this.slot(viewer).debrief;
  }

  get revealed(): boolean {
    return this.stage.revealed;
  }

  /** New log entries, each viewer's share renumbered for it. */
  addEntries(entries: readonly LogEntry[]): void {
    for (const slot of this.slots.values()) {
      for (const e of slot.transcript.add(entries)) slot.state.log.push(toEntryState(e));
    }
  }

  /** Copies what the context says about phase, time and seats into the public state and each view's private fields. */
  updateContext(ctx: NegotiationContext, finished: boolean): void {
    const s = this.state;
    s.phase = ctx.phase;
    s.phaseStartedAt = ctx.phaseStartedAt ?? 0;
    s.phaseEndsAt = ctx.phaseEndsAt ?? 0;
    s.paused = ctx.pausedAt !== null;
    s.status = finished ? "finished" : ctx.phase === "lobby" ? "lobby" : "running";
    s.ending = ctx.ending ? JSON.stringify(ctx.ending) : "";
    s.seats.forEach((seat, id) => {
      seat.occupant = Object.hasOwn(ctx.seats, id) ? (ctx.seats[id] ?? "") : "";
      seat.ready = ctx.ready.includes(id);
      seat.objectivesSet = Object.hasOwn(ctx.objectives, id);
      seat.reflected = ctx.reflections.includes(id);
    });
    for (const { viewer, state: view } of this.slots.values()) {
      const readable = readableSeats(this.stage, viewer);
      setJson(view, "objectives", pick(ctx.objectives, readable));
      setJson(view, "guesses", pick(ctx.guesses, readable));
      setJson(view, "plans", pick(ctx.plans, readablePlans(this.stage, viewer)));
      syncArray(view.withdrawn, ctx.withdrawn.filter((seat) => knowsWithdrawal(this.stage, viewer, seat)));
      if (knowsBidCount(this.stage, viewer)) setBidCount(view, bidCount(this.scenario, ctx));
    }
  }

  /**
   * The debrief reveal: every view is rebuilt once under the revealed rules —
   * a fresh transcript, the briefs it may now read, its own debrief.
   */
  reveal(log: readonly LogEntry[], debrief: NegotiationDebrief, ctx: NegotiationContext): void {
    this.stage = { scenario: this.scenario, revealed: true };
    for (const slot of this.slots.values()) {
      slot.transcript = new Transcript(this.stage, slot.viewer);
      const entries = slot.transcript.add(log);
      slot.state.log.clear();
      slot.state.log.push(...entries.map(toEntryState));
      slot.state.revealed = true;
      setBriefs(slot.state, this.stage, slot.viewer);
      setTeachingNotes(slot.state, this.stage, slot.viewer);
      slot.debrief = slot.viewer.kind === "seat" ? seatDebrief(this.stage, debrief, slot.viewer.seat, slot.transcript.relabel) : trainerDebrief(debrief);
      slot.state.debrief = JSON.stringify(slot.debrief);
    }
    this.updateContext(ctx, true);
  }

  /** Shows a seat's display name and connection to everyone (the seat list is public by design). */
  setConnection(seat: string, connection: "connected" | "reconnecting" | "absent", displayName?: string): void {
    const s = this.state.seats.get(seat);
    if (!s) return;
    s.connection = connection;
    if (displayName !== undefined) s.displayName = displayName;
  }

  private slot(viewer: Viewer): ViewSlot {
    const slot = this.slots.get(viewKey(viewer));
    if (!slot) throw new Error(`no view for ${viewKey(viewer)}`);
    return slot;
  }
}

function setBriefs(view: ViewState, stage: Stage, viewer: Viewer): void {
  for (const [seat, brief] of Object.entries(readableBriefs(stage, viewer))) {
    const json = JSON.stringify(brief);
    if (view.briefs.get(seat) !== json) view.briefs.set(seat, json);
  }
}

/** The trainer's view carries the teaching notes; a seat's field is never written, so not even its length reaches a seat. */
function setTeachingNotes(view: ViewState, stage: Stage, viewer: Viewer): void {
  const notes = readableTeachingNotes(stage, viewer);
  if (!notes) return;
  const json = JSON.stringify(notes);
  if (view.teachingNotes !== json) view.teachingNotes = json;
}

/** How many bidders still in the tender have a bid in for the current sealed round; null outside one. */
function bidCount(scenario: Scenario, ctx: NegotiationContext): { round: string; bidsIn: number } | null {
  if (scenario.phases.find((p) => p.id === ctx.phase)?.kind !== "sealed-bid") return null;
  return { round: ctx.phase, bidsIn: Object.keys(ctx.roundBids).filter((seat) => !ctx.withdrawn.includes(seat)).length };
}

function setBidCount(view: ViewState, count: { round: string; bidsIn: number } | null): void {
  const json = count ? JSON.stringify(count) : "";
  if ((view.bidCount ?? "") !== json) view.bidCount = json;
}

function pick<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of keys) {
    const v = Object.hasOwn(record, k) ? record[k] : undefined;
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function setJson(view: ViewState, field: "objectives" | "guesses" | "plans", value: unknown): void {
  const json = JSON.stringify(value);
  if (view[field] !== json) view[field] = json;
}

function syncArray(target: { length: number; clear(): void; push(...v: string[]): number; [i: number]: string | undefined }, values: readonly string[]): void {
  if (target.length === values.length && values.every((v, i) => target[i] === v)) return;
  target.clear();
  target.push(...values);
}
