import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PublicScenario } from "../../../shared/negotiation/visibility.js";
import type { Package } from "../../../shared/scenario/schema.js";
import { bidsOf, isRecord } from "../../../shared/scoring/log-reader.js";
import { topicIn } from "./table-state.js";

/**
 * The tender as the buyer's and the bidders' panels show it, from the log
 * this seat can see: the opened rounds with their ranks, the runner-up an
 * award would make second source, the clarifications with their questions.
 */

export interface RankedBid { seat: string; package: Package; points: number; rank: number }
export interface OpenedRound { phase: string; bids: RankedBid[] }

/**
 * Every round the buyer has opened, oldest first, each bid with the buyer's
 * points and its rank: the rank the server told the bidder (bid.ranked),
 * else by points (ties share the better rank, as the server ranks).
 */
export function openedRounds(log: readonly LogEntry[], pointsOf: (pkg: Package) => number): OpenedRound[] {
  return log.filter((e) => e.type === "round.closed").map((e) => {
    const phase = String(e.payload.phase);
    const told = new Map(log.filter((r) => r.type === "bid.ranked" && r.payload.phase === phase).map((r) => [String(r.payload.seat), Number(r.payload.rank)]));
    const scored = bidsOf(e.payload.bids).map((b) => ({ seat: b.seat, package: b.package, points: pointsOf(b.package) }));
    const bids = scored.map((b) => ({ ...b, rank: told.get(b.seat) ?? 1 + scored.filter((o) => o.points > b.points).length }));
    return { phase, bids: bids.sort((a, b) => a.rank - b.rank || b.points - a.points) };
  });
}

/** The scenario's split-award rule, where the public scenario carries it (`secondSource`: the share issue, and what each main share leaves). */
export interface SecondSourceRule { issue: string; remainder: Record<string, string | null> }

export function secondSourceRule(scenario: PublicScenario): SecondSourceRule | null {
  const rule: unknown = "secondSource" in scenario ? scenario.secondSource : undefined;
  if (!isRecord(rule) || typeof rule.issue !== "string" || !isRecord(rule.remainder)) return null;
  const remainder: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(rule.remainder)) if (typeof v === "string" || v === null) remainder[k] = v;
  return { issue: rule.issue, remainder };
}

export interface SecondSourcePreview { seat: string; share: string; package: Package }

/**
 * Who would be second source if the buyer awards `winnerPackage` to `winner`,
 * as shared/scoring/tender.ts decides it after the award: the share the main
 * award leaves goes to the best-ranked other bidder of the last opened round
 * still in the tender, on its bid's other terms. Null when nothing is left.
 */
export function secondSourcePreview(rule: SecondSourceRule | null, rounds: readonly OpenedRound[], winner: string, winnerPackage: Package, withdrawn: ReadonlySet<string>): SecondSourcePreview | null {
  if (!rule) return null;
  const share = rule.remainder[winnerPackage[rule.issue] ?? ""] ?? null;
  const last = rounds.at(-1);
  if (share === null || !last) return null;
  const runnerUp = last.bids.find((b) => b.seat !== winner && !withdrawn.has(b.seat));
  return runnerUp ? { seat: runnerUp.seat, share, package: { ...runnerUp.package, [rule.issue]: share } } : null;
}

/** A clarification as a bidder reads it: the answer, with the question it answers when the bidder may read it. */
export interface Clarification { seq: number; question: string | null; ownQuestion: boolean; topic: { kind: string; id: string } | null; answer: string }

/**
 * The buyer's answers the seat has received, oldest first, each with its
 * question quoted: from the seat's own transcript when it asked it, else
 * from the answer's `quote` (the question as the buyer published it with
 * every bidder's answer), else null — a rival's question is not in its log.
 */
export function clarifications(log: readonly LogEntry[], seat: string): Clarification[] {
  return log.filter((e) => e.type === "question.answer" && e.by !== seat).map((e) => {
    const asked = log.find((q) => q.type === "question.ask" && q.seq === e.payload.question);
    const quote = typeof e.payload.quote === "string" ? e.payload.quote : null;
    return {
      seq: e.seq,
      question: asked ? String(asked.payload.text ?? "") : quote,
      ownQuestion: asked?.by === seat,
      topic: topicIn(asked?.payload.about ?? e.payload.about),
      answer: String(e.payload.text ?? ""),
    };
  });
}
