import type { LogEntry, LogEntryType } from "../../../shared/negotiation/events.js";
import type { PrivateBrief, PublicScenario, TeachingNotes } from "../../../shared/negotiation/visibility.js";
import type { SeatDebriefView } from "../../../shared/scoring/reveal.js";
import type { BidCount, NegotiationSnapshot, PrivateViewSnapshot, SeatSnapshot } from "../store/store.js";

/**
 * The synced state as `toJSON()` gives it: plain objects, payloads still JSON strings.
 * The Schema fields are plain strings; the server's mirror writes `type` and `status` from the typed values they are declared as here.
 */
interface RawEntry { seq: number; at: number; by: string; type: LogEntryType; phase: string; payload: string; audience: string }
type RawSeat = Omit<SeatSnapshot, "withdrawn">;
/** The one view the server sends this client: its own, under its seat id or "#trainer". */
export interface RawView {
  viewer: string;
  revealed: boolean;
  log: RawEntry[];
  briefs: Record<string, string>;
  objectives: string;
  guesses: string;
  plans: string;
  withdrawn: string[];
  debrief: string;
  /** The trainer's view only: JSON of the scenario's teaching notes (absent or "" in a seat's view). */
  teachingNotes?: string;
  /** The buyer side's and the trainer's view only: JSON { round, bidsIn } during a sealed round, else "" (a bidder's: absent). */
  bidCount?: string;
}
export interface RawState {
  protocol: number;
  negotiationId: string;
  scenario: string;
  status: NegotiationSnapshot["status"];
  phase: string;
  phaseStartedAt: number;
  phaseEndsAt: number;
  paused: boolean;
  ending: string;
  /** JSON { text, at } of the trainer's latest message to every table of a session; "" before (older servers: absent). */
  banner?: string;
  seats: Record<string, RawSeat>;
  views: Record<string, RawView>;
}

export const TRAINER_VIEW = "#trainer";

const parsedStrings = new Map<string, unknown>();
/**
 * JSON.parse with a cache: the scenario and briefs arrive as the same long strings on every patch, and equal input keeps the same object.
 * The caller names the type the server wrote the string from: nothing checks it here, as no server→client schema exists yet.
 */
function parseOnce<T>(text: string | undefined): T | null {
  if (!text) return null;
  if (!parsedStrings.has(text)) parsedStrings.set(text, JSON.parse(text));
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the server's own JSON of a shared/ type; see above
  return parsedStrings.get(text) as T;
}

const entries = new Map<string, LogEntry>();
/** Entries are keyed by viewer and reveal too: the log is renumbered once when the negotiation ends. */
function toEntry(raw: RawEntry, scope: string): LogEntry {
  const key = `${scope}|${raw.seq}`;
  let e = entries.get(key);
  if (!e) {
    e = { seq: raw.seq, at: raw.at, by: raw.by, type: raw.type, phase: raw.phase, payload: JSON.parse(raw.payload), audience: JSON.parse(raw.audience) };
    entries.set(key, e);
  }
  return e;
}

/** The view this client received (there is exactly one); `expected` picks it should there ever be more. */
function ownView(raw: RawState, expected: string | null): RawView | null {
  if (expected && raw.views[expected]) return raw.views[expected];
  return Object.values(raw.views ?? {})[0] ?? null;
}

/** The per-seat private views the components read, from the one viewer's briefs, choices and debrief. */
function seatViews(view: RawView, seatIds: readonly string[]): Record<string, PrivateViewSnapshot> {
  const objectives = parseOnce<Record<string, string[]>>(view.objectives) ?? {};
  const guesses = parseOnce<Record<string, string[]>>(view.guesses) ?? {};
  const plans = parseOnce<Record<string, string>>(view.plans) ?? {};
  // A seat's debrief is its own view; the trainer's is every seat's, by seat id.
  const seatIsViewer = seatIds.includes(view.viewer);
  const ownDebrief = seatIsViewer ? parseOnce<SeatDebriefView>(view.debrief) : null;
  const everyDebrief = seatIsViewer ? null : parseOnce<Record<string, SeatDebriefView>>(view.debrief);
  const debriefOf = (seat: string): SeatDebriefView | null =>
    seat === view.viewer ? ownDebrief : (everyDebrief?.[seat] ?? null);
  const views: Record<string, PrivateViewSnapshot> = {};
  for (const seat of seatIds) {
    const brief = parseOnce<PrivateBrief>(view.briefs?.[seat]);
    const own = seat === view.viewer;
    if (!brief && !own && !(seat in objectives) && !debriefOf(seat)) continue;
    views[seat] = { brief, objectives: objectives[seat] ?? [], guesses: guesses[seat] ?? [], plan: plans[seat] ?? "", debrief: debriefOf(seat) };
  }
  return views;
}

/**
 * A plain, read-only snapshot of the room state for the store, in the shape
 * the components have always read; the same entry objects are reused between patches.
 * `viewerKey` is this client's key in `views` (its seat id, or "#trainer").
 */
export function toSnapshot(raw: RawState, viewerKey: string | null = null): NegotiationSnapshot | null {
  const scenario = parseOnce<PublicScenario>(raw.scenario);
  if (!scenario) return null; // the first patch may come before the scenario is set
  const view = ownView(raw, viewerKey);
  const revealed = view?.revealed ?? false;
  const scope = `${raw.negotiationId}|${view?.viewer ?? ""}|${revealed ? "revealed" : "live"}`;
  const log = (view?.log ?? []).map((r) => toEntry(r, scope)).sort((a, b) => a.seq - b.seq);
  const withdrawn = new Set(view?.withdrawn ?? []);
  const seats = scenario.seats
    .map((s) => raw.seats[s.id])
    .filter((s): s is RawSeat => Boolean(s))
    .map((s) => ({ ...s, withdrawn: withdrawn.has(s.id) }));
  return {
    negotiationId: raw.negotiationId,
    status: raw.status,
    phase: raw.phase,
    phaseStartedAt: raw.phaseStartedAt,
    phaseEndsAt: raw.phaseEndsAt,
    paused: raw.paused,
    ending: parseOnce(raw.ending),
    banner: bannerOf(raw.banner),
    scenario,
    seats,
    log,
    views: view ? seatViews(view, scenario.seats.map((s) => s.id)) : {},
    revealed,
    teachingNotes: parseOnce<TeachingNotes>(view?.teachingNotes),
    bidCount: parseOnce<BidCount>(view?.bidCount),
  };
}

/** The trainer's banner, checked field by field (it is the only free text the server relays from the trainer). */
function bannerOf(raw: string | undefined): { text: string; at: number } | null {
  if (!raw) return null;
  const value: unknown = JSON.parse(raw);
  if (typeof value !== "object" || value === null || !("text" in value) || !("at" in value)) return null;
  return typeof value.text === "string" && typeof value.at === "number" ? { text: value.text, at: value.at } : null;
}
