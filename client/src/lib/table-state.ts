import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { Package } from "../../../shared/scenario/schema.js";
import { bidsOf, packageOf, strings } from "../../../shared/scoring/log-reader.js";

/**
 * What the table shows, derived from the log this seat can see: open
 * offers, unanswered questions, shared facts, bids. The server decides what
 * is legal; these only choose what to offer the player.
 */

export interface OpenOffer { seq: number; from: string; to: string; package: Package; final: boolean; note?: string }

/** The latest proposal between each pair of seats that nobody has accepted, rejected or replaced. */
export function openOffers(log: readonly LogEntry[]): OpenOffer[] {
  const byPair = new Map<string, OpenOffer>();
  const pair = (a: string, b: string) => [a, b].sort().join("|");
  for (const e of log) {
    const p = e.payload;
    const pkg = packageOf(p.package);
    if (e.type === "offer.propose" && pkg) byPair.set(pair(e.by, String(p.to)), { seq: e.seq, from: e.by, to: String(p.to), package: pkg, final: Boolean(p.final), ...(p.note ? { note: String(p.note) } : {}) });
    if (e.type === "offer.accept" || e.type === "offer.reject") {
      for (const [k, o] of byPair) if (o.seq === p.offer) byPair.delete(k);
    }
  }
  return [...byPair.values()];
}

export interface OpenQuestion { seq: number; by: string; text: string }

/** Questions put to `seat` by others that it has not answered yet. */
export function openQuestions(log: readonly LogEntry[], seat: string): OpenQuestion[] {
  const answered = new Set(log.filter((e) => e.type === "question.answer").map((e) => Number(e.payload.question)));
  return log
    .filter((e) => e.type === "question.ask" && e.by !== seat && strings(e.payload.to)?.includes(seat) && !answered.has(e.seq))
    .map((e) => ({ seq: e.seq, by: e.by, text: String(e.payload.text) }));
}

export function disclosedFacts(log: readonly LogEntry[], seat: string): string[] {
  return log.filter((e) => e.type === "fact.disclose" && e.by === seat).map((e) => String(e.payload.fact));
}

/** The seat's own latest bid in a round, if any. */
export function myBid(log: readonly LogEntry[], seat: string, phase: string): LogEntry | undefined {
  return log.filter((e) => e.type === "bid.submit" && e.by === seat && e.phase === phase).at(-1);
}

/** Suppliers whose bids procurement has seen opened, with the latest opened bid of each. */
export function openedBids(log: readonly LogEntry[]): Map<string, { phase: string; package: Package; seq: number | null }> {
  const latest = new Map<string, { phase: string; package: Package; seq: number | null }>();
  for (const e of log) {
    if (e.type !== "round.closed") continue;
    for (const b of bidsOf(e.payload.bids)) latest.set(b.seat, { phase: String(e.payload.phase), package: b.package, seq: b.seq });
  }
  return latest;
}
