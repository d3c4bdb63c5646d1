import type { NegotiationContext } from "./context.js";
import type { LogEntry } from "./events.js";

/** A log entry before the machine numbers it; `at` and `phase` default to the context's now and phase. */
export type EntryDraft = Omit<LogEntry, "seq" | "at" | "phase"> & { at?: number; phase?: string };

/** The log with the drafts appended, numbered consecutively after the last entry. */
export function appendEntries(ctx: NegotiationContext, ...drafts: EntryDraft[]): LogEntry[] {
  let seq = ctx.log.length;
  const added = drafts.map((d): LogEntry => ({
    seq: ++seq,
    at: d.at ?? ctx.now,
    by: d.by,
    type: d.type,
    phase: d.phase ?? ctx.phase,
    payload: d.payload,
    audience: d.audience,
  }));
  return ctx.log.concat(added);
}

/** The entry with this seq (seqs are consecutive from 1), or undefined. */
export function entryAt(ctx: NegotiationContext, seq: unknown): LogEntry | undefined {
  if (typeof seq !== "number" || !Number.isInteger(seq) || seq < 1) return undefined;
  return ctx.log[seq - 1];
}
