import type { LogEntry } from "../negotiation/events.js";
import { findSeat, pointsFor } from "../scenario/points.js";
import type { Scenario, Seat } from "../scenario/schema.js";
import type { Run } from "./context.js";
import { movesBy, num, str, type Proposal } from "./log-reader.js";
import { clamp100, metric, plural } from "./metric.js";
import type { Metric } from "./types.js";

/** Points off consistency for each retracted term and each overclaimed value figure. */
export const CONSISTENCY_PENALTY = { retraction: 15, overclaim: 20 } as const;

export interface Retraction {
  seq: number;
  /** the author's previous package to the same counterpart */
  previous: number;
  /** the counterpart's points in the previous package and in this one */
  before: number;
  now: number;
}

/**
 * Terms taken back, judged on the whole package: a proposal (or bid) that
 * gives the counterpart fewer points than the author's previous one to the
 * same counterpart. Re-mixing a package (a logroll) that does not lower the
 * counterpart's points is not a retraction, whatever it does issue by issue.
 */
export function retractions(scenario: Scenario, seat: Seat, proposals: readonly Proposal[]): Retraction[] {
  const out: Retraction[] = [];
  const last = new Map<string, { seq: number; points: number }>(); // counterpart → their points in the author's latest package
  for (const p of proposals) {
    if (p.by !== seat.id) continue;
    const them = findSeat(scenario, p.to);
    if (!them) continue;
    const points = pointsFor(them, p.package);
    const before = last.get(p.to);
    if (before !== undefined && points < before.points) out.push({ seq: p.seq, previous: before.seq, before: before.points, now: points });
    last.set(p.to, { seq: p.seq, points });
  }
  return out;
}

/** Value arguments whose figure exceeds the top of the lever's honest range (the seat's own brief says it is not true). */
export function overclaims(scenario: Scenario, argues: readonly LogEntry[]): LogEntry[] {
  return argues.filter((e) => {
    const lever = scenario.valueLevers.find((l) => l.id === str(e.payload, "lever"));
    const figure = num(e.payload, "figure");
    return lever?.figure !== undefined && figure !== undefined && figure > lever.figure.high;
  });
}

/** Consistency, 0–100: 100 minus points for packages that took value back and for overclaimed figures. */
export function consistency(run: Run, seat: Seat): Metric {
  const taken = retractions(run.scenario, seat, run.log.proposals);
  const over = overclaims(run.scenario, movesBy(run.log, seat.id, "value.argue"));
  const value = clamp100(100 - taken.length * CONSISTENCY_PENALTY.retraction - over.length * CONSISTENCY_PENALTY.overclaim);
  const notes: string[] = [];
  if (taken.length > 0) {
    const steps = taken.map((r) => `${r.before} → ${r.now}`).join(", ");
    notes.push(`${plural(taken.length, "package")} you proposed gave the other side fewer points than your previous one had (${steps}; −${CONSISTENCY_PENALTY.retraction} each)`);
  }
  if (over.length > 0) {
    notes.push(`${plural(over.length, "value claim")} went beyond the figures your own brief supports (−${CONSISTENCY_PENALTY.overclaim} each)`);
  }
  const text =
    notes.length === 0
      ? "You never took back value you had offered (each package judged as a whole, so re-mixing terms is fine) and kept your value claims within the facts."
      : `Points off because ${notes.join(", and ")}. A package is judged as a whole: re-mixing terms without lowering the other side's points is not a retraction.`;
  return metric(value, "Consistency", text, [...taken.flatMap((r) => [r.previous, r.seq]), ...over.map((e) => e.seq)]);
}
