import { findSeat, pointsFor } from "../scenario/points.js";
import type { Package } from "../scenario/schema.js";
import { nameOf, type Run } from "./context.js";
import { bidsOf, num, ofType, str } from "./log-reader.js";
import type { SecondSourceOutcome } from "./types.js";

/**
 * The tender's split award, read from the scenario's `secondSource` rule and
 * the log: the share the award leaves goes to the runner-up of the last
 * sealed round (its best rank among the other bidders still in the tender),
 * on its last bid's other terms.
 */

/** The label of the main supplier's share in an awarded package ("60 %"), when the scenario names a share issue. */
export function mainShareLabel(run: Run, pkg: Package): string | null {
  const rule = run.scenario.secondSource;
  if (!rule) return null;
  const issue = run.scenario.issues.find((i) => i.id === rule.issue);
  return issue?.options.find((o) => o.id === pkg[rule.issue])?.label ?? null;
}

const cache = new WeakMap<Run, SecondSourceOutcome | null>();

/** The second-source contract of an awarded tender, or null (no rule, no award, nothing left, or no runner-up). */
export function secondSourceOf(run: Run): SecondSourceOutcome | null {
  if (cache.has(run)) return cache.get(run) ?? null;
  const found = compute(run);
  cache.set(run, found);
  return found;
}

function compute(run: Run): SecondSourceOutcome | null {
  const rule = run.scenario.secondSource;
  const agreement = run.agreement;
  if (!rule || !agreement || run.log.ended?.reason !== "awarded") return null;
  const share = rule.remainder[agreement.package[rule.issue] ?? ""] ?? null;
  if (share === null) return null;
  const [buyerId, winner] = agreement.parties;
  const buyer = findSeat(run.scenario, buyerId);
  const closed = ofType(run.log, "round.closed").at(-1);
  if (!buyer || !closed) return null;
  const phase = str(closed.payload, "phase");
  const withdrawn = new Set(ofType(run.log, "walkaway").map((e) => e.by));
  const ranks = new Map(ofType(run.log, "bid.ranked").filter((e) => str(e.payload, "phase") === phase).map((e) => [str(e.payload, "seat") ?? "", num(e.payload, "rank") ?? Infinity]));
  const candidates = bidsOf(closed.payload["bids"])
    .filter((b) => b.seat !== winner && !withdrawn.has(b.seat) && b.seq !== null)
    .map((b, i) => ({ ...b, rank: ranks.get(b.seat) ?? Infinity, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  const runnerUp = candidates[0];
  const seat = runnerUp && findSeat(run.scenario, runnerUp.seat);
  if (!runnerUp || !seat || runnerUp.seq === null) return null;
  const pkg = { ...runnerUp.package, [rule.issue]: share };
  const issue = run.scenario.issues.find((i) => i.id === rule.issue);
  return {
    seat: seat.id,
    name: nameOf(seat),
    share,
    shareLabel: (issue?.options.find((o) => o.id === share)?.label ?? share).replace(/\s*\(second source\)\s*$/i, ""),
    package: pkg,
    supplierPoints: pointsFor(seat, pkg),
    buyerPoints: pointsFor(buyer, pkg),
    bid: runnerUp.seq,
  };
}
