import type { MoveInput } from "../protocol.js";
import type { LogEntry } from "./events.js";
import { problem, type Problem } from "./messages.js";
import { canSee, projectEntry, type Stage, type Viewer } from "./visibility.js";

/**
 * One viewer's transcript: the entries it may see (visibility.ts decides),
 * numbered 1..n in its own order, with every reference inside a payload
 * renumbered the same way. Numbers therefore reveal nothing about entries
 * the viewer cannot see (no gaps), and a move that names an entry by number
 * can only name one the viewer has seen.
 *
 * Append-only and incremental: each new entry costs the same whatever the
 * length of the log. At the reveal the room starts a fresh transcript.
 */
export class Transcript {
  private readonly localOf = new Map<number, number>();
  private readonly globalOf: number[] = [];
  private readonly list: LogEntry[] = [];

  constructor(private readonly stage: Stage, readonly viewer: Viewer) {}

  /** Adds the viewer's share of `entries` (in log order) and returns it, renumbered. */
  add(entries: readonly LogEntry[]): LogEntry[] {
    const added: LogEntry[] = [];
    for (const e of entries) {
      if (this.localOf.has(e.seq) || !canSee(this.stage, e, this.viewer)) continue;
      const local = this.globalOf.push(e.seq);
      this.localOf.set(e.seq, local);
      const entry = this.renumber(projectEntry(this.stage, e, this.viewer), local);
      this.list.push(entry);
      added.push(entry);
    }
    return added;
  }

  /** Everything the viewer has, in its numbering. */
  get entries(): LogEntry[] {
    return this.list;
  }

  /** The viewer's number for a log seq, or null when it cannot see that entry. */
  readonly relabel = (seq: number): number | null => this.localOf.get(seq) ?? null;

  /** The log seq behind one of the viewer's numbers, or null when it has no such entry. */
  toGlobal(local: unknown): number | null {
    if (typeof local !== "number" || !Number.isInteger(local) || local < 1) return null;
    return this.globalOf[local - 1] ?? null;
  }

  /** The viewer's copies of these log entries (those it can see), e.g. for a reply. */
  lookup(seqs: readonly number[]): LogEntry[] {
    return seqs.flatMap((seq) => {
      const local = this.localOf.get(seq);
      const entry = local === undefined ? undefined : this.list[local - 1];
      return entry ? [entry] : [];
    });
  }

  /**
   * A move as the viewer sent it, with the entry it names translated into a
   * log seq; a number the viewer never saw is refused here, before the
   * machine, so probing numbers teaches nothing.
   */
  incoming(move: MoveInput): MoveInput | Problem {
    switch (move.type) {
      case "question.answer": {
        const question = this.toGlobal(move.question);
        return question === null ? problem("unknown-reference", "That question is not in your transcript; answer one that was asked of you.") : { ...move, question };
      }
      case "offer.accept":
      case "offer.reject": {
        const offer = this.toGlobal(move.offer);
        return offer === null ? problem("offer-not-found", "That offer is not in your transcript; answer one made to you.") : { ...move, offer };
      }
      default:
        return move;
    }
  }

  private renumber(e: LogEntry, local: number): LogEntry {
    return { ...e, seq: local, payload: renumberPayload(e, this.relabel) };
  }
}

/** The payload fields that name another entry by seq, per entry type, renumbered (null when the viewer cannot see it). */
function renumberPayload(e: LogEntry, relabel: (seq: number) => number | null): Record<string, unknown> {
  const p = e.payload;
  const ref = (v: unknown) => (typeof v === "number" ? relabel(v) : null);
  switch (e.type) {
    case "question.answer":
      return { ...p, question: ref(p.question) };
    case "offer.accept":
    case "offer.reject":
      return { ...p, offer: ref(p.offer) };
    case "award.make":
      return { ...p, bid: ref(p.bid) };
    case "round.closed":
      return { ...p, bids: Array.isArray(p.bids) ? p.bids.map((b: unknown) => (typeof b === "object" && b !== null && "seq" in b ? { ...b, seq: ref(b.seq) } : b)) : p.bids };
    case "negotiation.ended": {
      const a = p.agreement;
      return typeof a === "object" && a !== null && "source" in a ? { ...p, agreement: { ...a, source: ref(a.source) } } : p;
    }
    default:
      return p;
  }
}
