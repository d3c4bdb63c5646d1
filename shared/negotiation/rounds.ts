import { pointsFor } from "../scenario/points.js";
import type { Scenario } from "../scenario/schema.js";
import { procurementSeats, type NegotiationContext } from "./context.js";
import { SYSTEM, type SystemPayloads } from "./events.js";
import type { EntryDraft } from "./log.js";

/**
 * Rank 1 is best for the buyer; equal points share the better rank
 * (standard competition ranking: 1, 2, 2, 4).
 */
export function rankByPoints(points: readonly number[]): number[] {
  return points.map((p) => 1 + points.filter((q) => q > p).length);
}

/**
 * The entries that close a sealed-bid round at the phase's end: the opened
 * bids for procurement, then each bidder's rank for that bidder (and
 * procurement). Bids of suppliers who withdrew are left out.
 */
export function closeRoundEntries(scenario: Scenario, ctx: NegotiationContext): EntryDraft[] {
  const at = ctx.phaseEndsAt ?? ctx.now;
  const buyers = procurementSeats(scenario, ctx);
  const bids = ctx.present
    .filter((seat) => !ctx.withdrawn.includes(seat) && Object.hasOwn(ctx.roundBids, seat))
    .map((seat) => ({ seat, seq: ctx.roundBids[seat]!.seq, package: ctx.roundBids[seat]!.package }));
  const closed: SystemPayloads["round.closed"] = { phase: ctx.phase, bids };
  const drafts: EntryDraft[] = [{ by: SYSTEM, type: "round.closed", payload: { ...closed }, audience: buyers, at }];
  const lead = scenario.seats.find((s) => s.id === buyers[0]);
  if (!lead) return drafts;
  const ranks = rankByPoints(bids.map((b) => pointsFor(lead, b.package)));
  bids.forEach((bid, i) => {
    const ranked: SystemPayloads["bid.ranked"] = { phase: ctx.phase, seat: bid.seat, rank: ranks[i]!, of: bids.length };
    drafts.push({ by: SYSTEM, type: "bid.ranked", payload: { ...ranked }, audience: [bid.seat, ...buyers], at });
  });
  return drafts;
}
