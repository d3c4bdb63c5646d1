import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PublicScenario } from "../../../shared/negotiation/visibility.js";
import type { NegotiationSnapshot, PrivateViewSnapshot, SeatSnapshot } from "../store/store.js";

/** The synced state as `toJSON()` gives it: plain objects, payloads still JSON strings. */
interface RawEntry { seq: number; at: number; by: string; type: string; phase: string; payload: string; audience: string }
interface RawView { viewer: string; brief: string; objectives: string[]; guesses: string[]; plan: string; log: RawEntry[]; debrief: string }
export interface RawState {
  negotiationId: string;
  scenario: string;
  status: string;
  phase: string;
  phaseStartedAt: number;
  phaseEndsAt: number;
  paused: boolean;
  ending: string;
  seats: Record<string, SeatSnapshot>;
  log: RawEntry[];
  seatViews?: Record<string, RawView>;
}

const parsedStrings = new Map<string, unknown>();
/** JSON.parse with a cache: the scenario and briefs arrive as the same long strings on every patch. */
function parseOnce<T>(text: string): T | null {
  if (!text) return null;
  if (!parsedStrings.has(text)) parsedStrings.set(text, JSON.parse(text));
  return parsedStrings.get(text) as T;
}

const entries = new Map<string, LogEntry>();
function toEntry(raw: RawEntry, negotiationId: string): LogEntry {
  const key = `${negotiationId}:${raw.seq}`;
  let e = entries.get(key);
  if (!e) {
    e = { seq: raw.seq, at: raw.at, by: raw.by, type: raw.type as LogEntry["type"], phase: raw.phase, payload: JSON.parse(raw.payload), audience: JSON.parse(raw.audience) };
    entries.set(key, e);
  }
  return e;
}

/** A plain, read-only snapshot of the room state for the store; the same entry objects are reused between patches. */
export function toSnapshot(raw: RawState): NegotiationSnapshot {
  const scenario = parseOnce<PublicScenario>(raw.scenario)!;
  const bySeq = new Map<number, LogEntry>();
  for (const r of raw.log) bySeq.set(r.seq, toEntry(r, raw.negotiationId));
  const views: Record<string, PrivateViewSnapshot> = {};
  for (const [viewer, v] of Object.entries(raw.seatViews ?? {})) {
    for (const r of v.log) bySeq.set(r.seq, toEntry(r, raw.negotiationId));
    views[viewer] = { brief: parseOnce(v.brief), objectives: v.objectives, guesses: v.guesses, plan: v.plan, debrief: parseOnce(v.debrief) };
  }
  const seats = scenario.seats.map((s) => raw.seats[s.id]).filter((s): s is SeatSnapshot => Boolean(s));
  return {
    negotiationId: raw.negotiationId,
    status: raw.status as NegotiationSnapshot["status"],
    phase: raw.phase,
    phaseStartedAt: raw.phaseStartedAt,
    phaseEndsAt: raw.phaseEndsAt,
    paused: raw.paused,
    ending: parseOnce(raw.ending),
    scenario,
    seats,
    log: [...bySeq.values()].sort((a, b) => a.seq - b.seq),
    views,
  };
}
