import type { LogEntry } from "../negotiation/events.js";
import type { Scenario, Seat } from "../scenario/schema.js";
import type { Run } from "./context.js";
import { movesBy, num, str, type Proposal } from "./log-reader.js";
import { clamp100, metric, plural } from "./metric.js";
import type { Metric } from "./types.js";

/** Points off consistency for each retracted term and each overclaimed value figure. */
export const CONSISTENCY_PENALTY = { retraction: 15, overclaim: 20 } as const;

export interface Retraction {
  seq: number;
  issue: string;
  before: number;
  now: number;
}

/**
 * Terms taken back: an issue on which a later proposal (or bid) to the same
 * counterpart gives its author more points than the author had already
 * offered on that issue earlier. One retraction per (proposal, issue).
 */
export function retractions(seat: Seat, proposals: readonly Proposal[]): Retraction[] {
  const out: Retraction[] = [];
  const lowest = new Map<string, Map<string, number>>(); // counterpart → issue → lowest own points offered so far
  for (const p of proposals) {
    if (p.by !== seat.id) continue;
    let offered = lowest.get(p.to);
    if (!offered) lowest.set(p.to, (offered = new Map()));
    for (const [issue, option] of Object.entries(p.package)) {
      const points = seat.brief.scoring[issue]?.[option] ?? 0;
      const before = offered.get(issue);
      if (before !== undefined && points > before) out.push({ seq: p.seq, issue, before, now: points });
      offered.set(issue, Math.min(points, before ?? points));
    }
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

/** Consistency, 0–100: 100 minus points for retracted terms and overclaimed figures. */
export function consistency(run: Run, seat: Seat): Metric {
  const taken = retractions(seat, run.log.proposals);
  const over = overclaims(run.scenario, movesBy(run.log, seat.id, "value.argue"));
  const value = clamp100(100 - taken.length * CONSISTENCY_PENALTY.retraction - over.length * CONSISTENCY_PENALTY.overclaim);
  const notes: string[] = [];
  if (taken.length > 0) {
    const issues = [...new Set(taken.map((r) => issueName(run.scenario, r.issue)))].join(", ");
    notes.push(`you took back ${plural(taken.length, "term")} you had already offered (${issues}; −${CONSISTENCY_PENALTY.retraction} each)`);
  }
  if (over.length > 0) {
    notes.push(`${plural(over.length, "value claim")} went beyond the figures your own brief supports (−${CONSISTENCY_PENALTY.overclaim} each)`);
  }
  const text = notes.length === 0 ? "You never took back a term you had offered and kept your value claims within the facts." : `Points off because ${notes.join(", and ")}.`;
  return metric(value, "Consistency", text, [...taken.map((r) => r.seq), ...over.map((e) => e.seq)]);
}

function issueName(scenario: Scenario, id: string): string {
  return scenario.issues.find((i) => i.id === id)?.name ?? id;
}
