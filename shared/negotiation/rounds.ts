import { pointsFor } from "../scenario/points.js";
import type { Scenario } from "../scenario/schema.js";
import { own, procurementSeats, type NegotiationContext } from "./context.js";
import { SYSTEM, type SystemPayloads } from "./events.js";
import type { EntryDraft } from "./log.js";

/**
 * Each item with its rank by points: rank 1 is best for the buyer; equal
 * points share the better rank (standard competition ranking: 1, 2, 2, 4).
 */
export function rankByPoints<T>(items: readonly T[], pointsOf: (item: T) => number): { item: T; rank: number }[] {
  const scored = items.map((item) => ({ item, points: pointsOf(item) }));
  return scored.map(({ item, points }) => ({ item, rank: 1 + scored.filter((other) => other.points > points).length }));
}

/**
 * The entries that close a sealed-bid round at the phase's end: the opened
 * bids for procurement, then each bidder's rank for that bidder (and
 * procurement). Bids of suppliers who withdrew are left out.
 */
export function closeRoundEntries(scenario: Scenario, ctx: NegotiationContext): EntryDraft[] {
  const at = ctx.phaseEndsAt ?? ctx.now;
  const buyers = procurementSeats(scenario, ctx);
  const bids = ctx.present.flatMap((seat) => {
    const bid = ctx.withdrawn.includes(seat) ? undefined : own(ctx.roundBids, seat);
    return bid === undefined ? [] : [{ seat, seq: bid.seq, package: bid.package }];
  });
  const closed: SystemPayloads["round.closed"] = { phase: ctx.phase, bids };
  const drafts: EntryDraft[] = [{ by: SYSTEM, type: "round.closed", payload: { ...closed }, audience: buyers, at }];
  const lead = scenario.seats.find((s) => s.id === buyers[0]);
  if (!lead) return drafts;
  for (const { item: bid, rank } of rankByPoints(bids, (b) => pointsFor(lead, b.package))) {
    const ranked: SystemPayloads["bid.ranked"] = { phase: ctx.phase, seat: bid.seat, rank, of: bids.length };
    drafts.push({ by: SYSTEM, type: "bid.ranked", payload: { ...ranked }, audience: [bid.seat, ...buyers], at });
  }
  return drafts;
}
