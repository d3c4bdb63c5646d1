import type { Scenario, Side } from "../scenario/schema.js";
import type { RevealedCounterpart, SeatDebriefView } from "../scoring/reveal.js";
import type { NegotiationDebrief, NegotiationOutcome, SeatResult } from "../scoring/types.js";
import type { LogEntry, LogEntryType } from "./events.js";
import { privateBrief, publicScenario, type PrivateBrief, type PublicScenario, type TeachingNotes } from "./scenario-view.js";

export { privateBrief, privateMarkers, publicScenario, teachingNoteMarkers, type BriefLever, type PrivateBrief, type PublicScenario, type TeachingNotes } from "./scenario-view.js";

/**
 * Who may see what. This module is the only place that decides it, for every
 * viewer (a seat, the trainer, an anonymous caller), every log entry, every
 * private state field, every debrief part and every HTTP answer, before and
 * after the reveal. The room, its mirror and the HTTP routes ask it and
 * decide nothing themselves; nothing private is sent to be hidden by the UI.
 *
 * The rules, in words (docs/security.md has the table):
 * - Before the reveal a seat sees the entries addressed to it; the trainer
 *   sees everything; an anonymous caller sees no entry at all.
 * - After the reveal (the debrief) a seat also sees what passed among its
 *   counterparts alone (a bypass of procurement, their objectives), and
 *   their briefs — never a rival bidder's moves, and never anyone's
 *   personal entries: survey answers (with the comment for the trainer) and
 *   the preparation plan stay their author's and the trainer's.
 * - The scenario's teaching notes are the trainer's alone, before and after
 *   the debrief: never a seat's (not even revealed), never a stranger's.
 * - A seat never sees the ids of rival bidders in an entry's audience, nor
 *   rivals' opened bids; how many bids are in during a sealed round is the
 *   buyer side's and the trainer's to know (`knowsBidCount`), never a bidder's.
 * - Each viewer's transcript is numbered 1..n on its own (transcript.ts), so
 *   sequence numbers reveal nothing about entries it cannot see.
 */
export type Viewer = { kind: "seat"; seat: string } | { kind: "trainer" } | { kind: "anonymous" };

export type SeatViewer = Extract<Viewer, { kind: "seat" }>;
export type TrainerViewer = Extract<Viewer, { kind: "trainer" }>;
export const TRAINER: TrainerViewer = { kind: "trainer" };
export const ANONYMOUS: Viewer = { kind: "anonymous" };
export function seatViewer(seat: string): SeatViewer {
  return { kind: "seat", seat };
}

/** What the rules depend on: the scenario, and whether the debrief has revealed the briefs. */
export interface Stage {
  scenario: Scenario;
  revealed: boolean;
}

/** Entries personal to their author, even after the reveal. */
const PERSONAL: ReadonlySet<LogEntryType> = new Set<LogEntryType>(["reflection.submit", "plan.set"]);

function sideOf(scenario: Scenario, seat: string): Side | undefined {
  return scenario.seats.find((s) => s.id === seat)?.side;
}

/** The seats across the table from `seat`: its counterparts (for a bidder, the buyer; for the buyer, every bidder). */
export function acrossFrom(scenario: Scenario, seat: string): string[] {
  const side = sideOf(scenario, seat);
  return side ? scenario.seats.filter((s) => s.side !== side).map((s) => s.id) : [];
}

/** The other seats of `seat`'s own side: in a tender, a bidder's rivals. */
function rivalsOf(scenario: Scenario, seat: string): string[] {
  const side = sideOf(scenario, seat);
  return scenario.seats.filter((s) => s.side === side && s.id !== seat).map((s) => s.id);
}

/** May this viewer see this log entry at this stage? */
export function canSee(stage: Stage, entry: LogEntry, viewer: Viewer): boolean {
  if (viewer.kind === "trainer") return true;
  if (viewer.kind === "anonymous") return false;
  const me = viewer.seat;
  if (PERSONAL.has(entry.type) && entry.by !== me) return false;
  if (entry.audience === "all" || entry.audience.includes(me)) return true;
  if (!stage.revealed) return false;
  const across = acrossFrom(stage.scenario, me);
  return entry.audience.length > 0 && entry.audience.every((s) => across.includes(s));
}

/**
 * The entry as this viewer receives it (the viewer must be allowed to see it):
 * rival bidders are taken out of its audience and recipients, and only the
 * viewer's own bid is left in an opened round.
 */
export function projectEntry(stage: Stage, entry: LogEntry, viewer: Viewer): LogEntry {
  if (viewer.kind !== "seat") return entry;
  const rivals = rivalsOf(stage.scenario, viewer.seat);
  if (rivals.length === 0) return entry;
  const keep = (id: unknown) => typeof id !== "string" || !rivals.includes(id);
  let payload = entry.payload;
  if (Array.isArray(payload.to)) payload = { ...payload, to: payload.to.filter(keep) };
  if (entry.type === "round.closed" && Array.isArray(payload.bids)) {
    payload = { ...payload, bids: payload.bids.filter((b: unknown) => keep(typeof b === "object" && b !== null && "seat" in b ? b.seat : undefined)) };
  }
  const audience = entry.audience === "all" ? "all" : entry.audience.filter(keep);
  return { ...entry, payload, audience };
}

/** Seats whose private brief, chosen objectives and guesses the viewer may read. */
export function readableSeats(stage: Stage, viewer: Viewer): string[] {
  if (viewer.kind === "trainer") return stage.scenario.seats.map((s) => s.id);
  if (viewer.kind === "anonymous") return [];
  return stage.revealed ? [viewer.seat, ...acrossFrom(stage.scenario, viewer.seat)] : [viewer.seat];
}

/** Seats whose preparation plan the viewer may read: its own only (the trainer: all). */
export function readablePlans(stage: Stage, viewer: Viewer): string[] {
  if (viewer.kind === "trainer") return stage.scenario.seats.map((s) => s.id);
  return viewer.kind === "seat" ? [viewer.seat] : [];
}

/** The briefs the viewer may read, by seat. */
export function readableBriefs(stage: Stage, viewer: Viewer): Record<string, PrivateBrief> {
  const out: Record<string, PrivateBrief> = {};
  for (const seat of readableSeats(stage, viewer)) {
    const brief = privateBrief(stage.scenario, seat);
    if (brief) out[seat] = brief;
  }
  return out;
}

/**
 * The scenario's teaching notes (expected results, the trap, discussion
 * questions, what to show the room), or null: the trainer reads them before
 * and after the debrief; a seat never does, the reveal changes nothing, and
 * neither does an anonymous caller. The cohort's trainer asks as TRAINER.
 */
export function readableTeachingNotes(stage: Stage, viewer: Viewer): TeachingNotes | null {
  if (viewer.kind !== "trainer") return null;
  return stage.scenario.teachingNotes ?? null;
}

/** Whether the viewer may know that `seat` withdrew from a tender: the seat itself, the buyer side and the trainer (as the walk-away entry's audience). */
export function knowsWithdrawal(stage: Stage, viewer: Viewer, seat: string): boolean {
  if (viewer.kind === "trainer") return true;
  if (viewer.kind === "anonymous") return false;
  return viewer.seat === seat || acrossFrom(stage.scenario, seat).includes(viewer.seat);
}

/**
 * Whether the viewer learns how many bids are in for the current sealed
 * round before it closes: the buyer side (who opens the bids) and the
 * trainer. A bidder never does, before or after the debrief: a live count
 * tells it how many rivals are still in and when they move. The count is
 * all anyone learns here — never whose bids they are, nor what they say.
 */
export function knowsBidCount(stage: Stage, viewer: Viewer): boolean {
  if (viewer.kind === "trainer") return true;
  if (viewer.kind === "anonymous") return false;
  return sideOf(stage.scenario, viewer.seat) === "procurement";
}

/** Translates a global log seq into the viewer's numbering, or null when the viewer cannot see that entry. */
export type Relabel = (seq: number) => number | null;

/**
 * The debrief as one seat receives it: its own full debrief, the pairs it
 * took part in, its counterparts' results (only where measured in a deal
 * with this seat) and objectives, and the key moments it can see — every
 * reference renumbered into its transcript. Other seats' scores, coaching
 * and survey answers never appear.
 */
export function seatDebrief(stage: Stage, d: NegotiationDebrief, seat: string, relabel: Relabel): SeatDebriefView {
  const own = d.seats[seat] ?? null;
  const counterparts: RevealedCounterpart[] = (own?.counterparts ?? []).flatMap((id) => {
    const other = d.seats[id];
    if (!other) return [];
    const withMe = other.outcome.counterpart === seat;
    return [{ seat: id, side: other.side, title: other.title, ownPoints: withMe ? other.outcome.ownPoints.value : null, batna: other.outcome.batna.value, objectives: other.alignment.own }];
  });
  return relabelled(
    {
      scenarioId: d.scenarioId,
      scenarioVersion: d.scenarioVersion,
      kind: d.kind,
      outcome: outcomeFor(stage, d.outcome, seat, own?.outcome.result),
      pairs: d.pairs.filter((p) => p.procurementSeat === seat || p.salesSeat === seat),
      keyMoments: d.keyMoments,
      own,
      counterparts,
    },
    relabel,
  );
}

/** The trainer's debrief: every seat's, complete, in the trainer's (global) numbering. */
export function trainerDebrief(d: NegotiationDebrief): Record<string, SeatDebriefView> {
  const out: Record<string, SeatDebriefView> = {};
  for (const [seat, own] of Object.entries(d.seats)) {
    const counterparts = own.counterparts.flatMap((id) => {
      const other = d.seats[id];
      return other ? [{ seat: id, side: other.side, title: other.title, ownPoints: other.outcome.ownPoints.value, batna: other.outcome.batna.value, objectives: other.alignment.own }] : [];
    });
    const pairs = d.pairs.filter((p) => p.procurementSeat === seat || p.salesSeat === seat);
    out[seat] = { scenarioId: d.scenarioId, scenarioVersion: d.scenarioVersion, kind: d.kind, outcome: d.outcome, pairs, keyMoments: d.keyMoments, own, counterparts };
  }
  return out;
}

/** A bidder who did not win reads that the contract went elsewhere, not to whom or on what terms. */
function outcomeFor(stage: Stage, outcome: NegotiationOutcome, seat: string, result: SeatResult | undefined): NegotiationOutcome {
  if (!outcome.agreement || outcome.agreement.parties.includes(seat)) return outcome;
  const tender = stage.scenario.seats.filter((s) => s.side === "sales").length > 1;
  const explanation =
    result === "second-source"
      ? "The buyer split the award: another supplier won the main contract, and you are the second source. The winner's terms stay between them."
      : tender
        ? "The buyer awarded the contract to another supplier; its terms stay between them."
        : "The talks ended in a deal between other seats.";
  return { deal: false, reason: outcome.reason, agreement: null, endedSeq: null, explanation };
}

/** Keys of the debrief that hold log seqs: metric evidence, moments, offers, the agreement's source and the end. */
const SEQ_KEYS = new Set(["seq", "endedSeq", "source", "bid"]);

/**
 * A copy of a debrief part with every log reference renumbered for the
 * viewer; evidence it cannot see is dropped, and so is a moment or an offer
 * point whose entry it cannot see.
 */
function relabelled<T>(value: T, relabel: Relabel): T {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- walk copies the value's own shape: only seq numbers change, and array items whose entry is hidden are dropped
  return walk(value, relabel) as T;
}

function walk(value: unknown, relabel: Relabel): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => walk(v, relabel)).filter((v) => !(typeof v === "object" && v !== null && "seq" in v && v.seq === null));
  }
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "events" && Array.isArray(v)) out[key] = v.flatMap((n) => (typeof n === "number" ? (relabel(n) ?? []) : []));
    else if (SEQ_KEYS.has(key) && typeof v === "number") out[key] = relabel(v);
    else out[key] = walk(v, relabel);
  }
  return out;
}

/** The join screen of a negotiation, as a stranger with its code may read it: the public scenario summary and which seats are free. */
export interface JoinInfo {
  id: string;
  status: "lobby" | "running" | "finished";
  scenario: Pick<PublicScenario, "id" | "title" | "kind" | "summary">;
  seats: (PublicScenario["seats"][number] & { taken: boolean })[];
}

export function joinInfo(scenario: Scenario, id: string, status: JoinInfo["status"], takenSeats: readonly string[]): JoinInfo {
  const p = publicScenario(scenario);
  return {
    id,
    status,
    scenario: { id: p.id, title: p.title, kind: p.kind, summary: p.summary },
    seats: p.seats.map((seat) => ({ ...seat, taken: takenSeats.includes(seat.id) })),
  };
}

/** A finished negotiation as one viewer may fetch it again later (the debrief archive). */
export interface Archive {
  viewer: string;
  seat: string | null;
  debrief: SeatDebriefView | Record<string, SeatDebriefView>;
  scenario: PublicScenario;
  briefs: Record<string, PrivateBrief>;
  log: LogEntry[];
  seatNames: Record<string, string>;
  /** The trainer's archive: the scenario's teaching notes (null for a seat, and for a scenario without notes). */
  teachingNotes: TeachingNotes | null;
}

/**
 * The archive for a seat or the trainer, built from the same rules as the
 * live room: the revealed transcript in the viewer's numbering, the briefs it
 * may read and its own debrief (the trainer: all of them).
 */
export function archiveFor(stage: Stage, viewer: SeatViewer | TrainerViewer, d: NegotiationDebrief, transcript: { entries: LogEntry[]; relabel: Relabel }, seatNames: Record<string, string>): Archive {
  return {
    viewer: viewer.kind === "seat" ? viewer.seat : "#trainer",
    seat: viewer.kind === "seat" ? viewer.seat : null,
    debrief: viewer.kind === "seat" ? seatDebrief(stage, d, viewer.seat, transcript.relabel) : trainerDebrief(d),
    scenario: publicScenario(stage.scenario),
    briefs: readableBriefs(stage, viewer),
    log: transcript.entries,
    seatNames,
    teachingNotes: readableTeachingNotes(stage, viewer),
  };
}
