import type { Agreement, LogEntry, LogEntryType, SystemPayloads } from "../negotiation/events.js";
import type { Package, Scenario } from "../scenario/schema.js";
import { StoredReflectionAnswersSchema, type ReflectionAnswers } from "./reflection-survey.js";

/**
 * Reads the event log into the few typed shapes scoring needs. Log payloads
 * are `Record<string, unknown>` (they come from storage), so every field is
 * read defensively: a malformed entry is skipped, never trusted.
 */

/** A package put on the table: an `offer.propose` or a sealed `bid.submit`. */
export interface Proposal {
  seq: number;
  at: number;
  by: string;
  to: string;
  package: Package;
  final: boolean;
  kind: "offer" | "bid";
}

export interface Chosen {
  seq: number;
  ids: string[];
}

export interface Ended {
  seq: number;
  at: number;
  outcome: "deal" | "no-deal";
  reason: SystemPayloads["negotiation.ended"]["reason"];
  agreement: Agreement | null;
}

export interface Reflection {
  seq: number;
  answers: ReflectionAnswers | null;
}

export interface ReadLog {
  entries: readonly LogEntry[];
  /** time the session started (or the first entry), for "minutes in" */
  startedAt: number;
  /** seats that were claimed when the session started, plus any seat that moved */
  present: string[];
  byType: ReadonlyMap<LogEntryType, readonly LogEntry[]>;
  proposals: Proposal[];
  objectives: ReadonlyMap<string, Chosen>;
  guesses: ReadonlyMap<string, Chosen>;
  reflections: ReadonlyMap<string, Reflection>;
  ended: Ended | null;
}

/** A string field of a payload, or undefined. */
export function str(payload: Record<string, unknown>, key: string): string | undefined {
  const v = payload[key];
  return typeof v === "string" ? v : undefined;
}

/** A finite number field of a payload, or undefined. */
export function num(payload: Record<string, unknown>, key: string): number | undefined {
  const v = payload[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** The value if it is an array of strings, else undefined. */
export function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : undefined;
}

/** The value if it is a package (an object of strings: option id by issue id), else undefined. */
export function packageOf(value: unknown): Package | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  const options = entries.filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return options.length === entries.length ? Object.fromEntries(options) : undefined;
}

/** A bid opened in a `round.closed` entry. */
export interface OpenedBid {
  seat: string;
  /** The sealed bid's entry; null in a seat's transcript, which renumbers entries and does not show other seats' sealed bids. */
  seq: number | null;
  package: Package;
}

/** The opened bids of a `round.closed` payload; a malformed bid is left out. */
export function bidsOf(value: unknown): OpenedBid[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((bid: unknown) => {
    if (!isRecord(bid)) return [];
    const seat = str(bid, "seat");
    const seq = bid["seq"] === null ? null : num(bid, "seq");
    const pkg = packageOf(bid["package"]);
    return seat !== undefined && seq !== undefined && pkg ? [{ seat, seq, package: pkg }] : [];
  });
}

/** True for a plain object (not null, not an array): a payload field to read further. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Entries of one type, in log order. */
export function ofType(log: ReadLog, type: LogEntryType): readonly LogEntry[] {
  return log.byType.get(type) ?? [];
}

/** Moves of one type made by one seat. */
export function movesBy(log: ReadLog, seat: string, type: LogEntryType): LogEntry[] {
  return ofType(log, type).filter((e) => e.by === seat);
}

/** True when the entry was addressed to (or shown to) `seat` by someone else. */
export function reaches(entry: LogEntry, seat: string): boolean {
  if (entry.by === seat) return false;
  const to = strings(entry.payload["to"]);
  if (to) return to.includes(seat);
  return entry.audience === "all" || entry.audience.includes(seat);
}

function readProposal(e: LogEntry, procurementSeat: string | undefined): Proposal | undefined {
  const pkg = packageOf(e.payload["package"]);
  if (!pkg) return undefined;
  if (e.type === "bid.submit") {
    if (!procurementSeat) return undefined;
    return { seq: e.seq, at: e.at, by: e.by, to: procurementSeat, package: pkg, final: false, kind: "bid" };
  }
  const to = str(e.payload, "to");
  if (!to) return undefined;
  return { seq: e.seq, at: e.at, by: e.by, to, package: pkg, final: e.payload["final"] === true, kind: "offer" };
}

/** Every reason a negotiation can end for; the mapped type makes a new reason a compile error here. */
const END_REASONS: { [R in Ended["reason"]]: R } = {
  accepted: "accepted", awarded: "awarded", walkaway: "walkaway", timeout: "timeout", "ended-by-facilitator": "ended-by-facilitator", "all-withdrew": "all-withdrew",
};

function readEnded(e: LogEntry): Ended | undefined {
  const outcome = str(e.payload, "outcome");
  const written = str(e.payload, "reason");
  const reason = Object.values(END_REASONS).find((r) => r === written);
  if ((outcome !== "deal" && outcome !== "no-deal") || !reason) return undefined;
  const raw = e.payload["agreement"];
  let agreement: Agreement | null = null;
  if (isRecord(raw)) {
    const parties = strings(raw["parties"]);
    const pkg = packageOf(raw["package"]);
    const source = num(raw, "source");
    if (parties?.length === 2 && pkg && source !== undefined) {
      agreement = { parties: [parties[0] ?? "", parties[1] ?? ""], package: pkg, source };
    }
  }
  return { seq: e.seq, at: e.at, outcome, reason, agreement };
}

function presentSeats(scenario: Scenario, entries: readonly LogEntry[]): string[] {
  const claimed = new Set<string>();
  const acted = new Set<string>();
  let started = false;
  for (const e of entries) {
    if (e.type === "session.start") started = true;
    const seat = str(e.payload, "seat") ?? e.by;
    if (!started && e.type === "seat.claim") claimed.add(seat);
    if (!started && e.type === "seat.release") claimed.delete(seat);
    if (e.type !== "seat.claim" && e.type !== "seat.release") acted.add(e.by);
  }
  return scenario.seats.map((s) => s.id).filter((id) => claimed.has(id) || acted.has(id));
}

function lastChoice(entries: readonly LogEntry[]): Map<string, Chosen> {
  const chosen = new Map<string, Chosen>();
  for (const e of entries) {
    const ids = strings(e.payload["objectives"]);
    if (ids) chosen.set(e.by, { seq: e.seq, ids });
  }
  return chosen;
}

function readReflections(entries: readonly LogEntry[]): Map<string, Reflection> {
  const out = new Map<string, Reflection>();
  for (const e of entries) {
    // The machine validated the answers against this seat's own survey items; here only their shape is read.
    const parsed = StoredReflectionAnswersSchema.safeParse(e.payload["answers"]);
    out.set(e.by, { seq: e.seq, answers: parsed.success ? parsed.data : null });
  }
  return out;
}

/** Indexes the log once; every scoring module reads from the result. */
export function readLog(scenario: Scenario, entries: readonly LogEntry[]): ReadLog {
  const byType = new Map<LogEntryType, LogEntry[]>();
  for (const e of entries) {
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  const procurementSeat = scenario.seats.find((s) => s.side === "procurement")?.id;
  const proposals: Proposal[] = [];
  for (const e of entries) {
    if (e.type !== "offer.propose" && e.type !== "bid.submit") continue;
    const p = readProposal(e, procurementSeat);
    if (p) proposals.push(p);
  }
  const endedEntry = byType.get("negotiation.ended")?.[0];
  const start = byType.get("session.start")?.[0] ?? entries[0];
  return {
    entries,
    startedAt: start?.at ?? 0,
    present: presentSeats(scenario, entries),
    byType,
    proposals,
    objectives: lastChoice(byType.get("objectives.set") ?? []),
    guesses: lastChoice(byType.get("guess.set") ?? []),
    reflections: readReflections(byType.get("reflection.submit") ?? []),
    ended: endedEntry ? (readEnded(endedEntry) ?? null) : null,
  };
}
