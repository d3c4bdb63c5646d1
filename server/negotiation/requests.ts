import { createHash } from "node:crypto";
import type { LogEntry } from "../../shared/negotiation/events.js";
import type { StoredRequest } from "../storage/store.js";
import type { SessionEvent } from "./session.js";

/**
 * Which accepted requests a negotiation remembers, so a retried request (the
 * same seat, ref and move) gets its first answer instead of being applied again.
 */

export type NewRequest = Omit<StoredRequest, "firstSeq" | "lastSeq">;

/** The request an event answers, when it carries a ref. */
export function requestOf(event: SessionEvent): NewRequest | undefined {
  return event.ref === undefined ? undefined : { by: event.by, ref: event.ref, digest: digestOf(event) };
}

/** A fingerprint of the move itself (not its ref or time): a replay has the same one. */
function digestOf(event: SessionEvent): string {
  const { ref: _ref, ...move } = event;
  return createHash("sha256").update(canonicalJson(move)).digest("base64url");
}

/** JSON with object keys sorted, so the same move always has the same fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The latest accepted requests, by seat and ref, with the log range each
 * produced. Rejections are never remembered (a retry is judged afresh), and
 * a ref reused for a different move is a new request, not a replay.
 */
export class RequestMemory {
  private readonly answers = new Map<string, { digest: string; firstSeq: number; lastSeq: number }>();

  constructor(private readonly limit: number) {}

  /** The entries of the first answer when `event` replays an accepted request, else undefined. */
  answerTo(event: SessionEvent, log: readonly LogEntry[]): LogEntry[] | undefined {
    if (event.ref === undefined) return undefined;
    const found = this.answers.get(keyOf(event.by, event.ref));
    if (!found || found.digest !== digestOf(event)) return undefined;
    return log.slice(found.firstSeq - 1, found.lastSeq);
  }

  rememberAnswer(request: NewRequest, entries: readonly LogEntry[]): void {
    const first = entries[0];
    const last = entries.at(-1);
    if (first && last) this.remember({ ...request, firstSeq: first.seq, lastSeq: last.seq });
  }

  remember(request: StoredRequest): void {
    const key = keyOf(request.by, request.ref);
    this.answers.delete(key); // re-inserted as the newest
    this.answers.set(key, { digest: request.digest, firstSeq: request.firstSeq, lastSeq: request.lastSeq });
    // Maps iterate in insertion order: the first key is the oldest request.
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.limit) break;
      this.answers.delete(oldest);
    }
  }
}

function keyOf(by: string, ref: string): string {
  return JSON.stringify([by, ref]);
}
