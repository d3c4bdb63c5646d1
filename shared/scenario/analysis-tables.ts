import { biddableOptions } from "./points.js";
import type { Package, Scenario, Seat } from "./schema.js";

/**
 * The two seats' scoring tables as dense arrays, issue by issue in scenario
 * order, option by option in issue order: the form the analysis enumerates.
 */
export interface IssueTable {
  issue: string;
  options: string[];
  procurement: Float64Array;
  sales: Float64Array;
}

/**
 * Dense tables for a buyer–supplier pair. Unscored options count 0, as in
 * `pointsFor`. Only options a bid or offer may name: a second-source share
 * (`secondSourceOnly`) is never an agreement between the pair, so the deal
 * zone, the frontier, Nash, the split and the issue kinds all leave it out.
 */
export function pairTables(scenario: Scenario, procurement: Seat, sales: Seat): IssueTable[] {
  return scenario.issues.map((issue) => {
    const options = biddableOptions(issue).map((o) => o.id);
    const table = (seat: Seat) => Float64Array.from(options, (o) => seat.brief.scoring[issue.id]?.[o] ?? 0);
    return { issue: issue.id, options, procurement: table(procurement), sales: table(sales) };
  });
}

/** The package choosing option index `choice[i]` for issue i. */
export function packageOf(tables: readonly IssueTable[], choice: ArrayLike<number>): Package {
  const pkg: Package = {};
  tables.forEach((t, i) => {
    const option = t.options[choice[i] ?? 0];
    if (option !== undefined) pkg[t.issue] = option;
  });
  return pkg;
}

/** Number of possible packages: the product of the option counts. */
export function packageCount(tables: readonly IssueTable[]): number {
  return tables.reduce((n, t) => n * t.options.length, 1);
}

/** All sums over the cartesian product of `tables`, last issue varying fastest. */
export function expandSums(tables: readonly IssueTable[]): { procurement: Float64Array; sales: Float64Array } {
  let p = new Float64Array([0]);
  let s = new Float64Array([0]);
  for (const t of tables) {
    const n = t.options.length;
    const nextP = new Float64Array(p.length * n);
    const nextS = new Float64Array(s.length * n);
    for (let a = 0; a < p.length; a++) {
      const baseP = p[a] ?? 0;
      const baseS = s[a] ?? 0;
      for (let j = 0; j < n; j++) {
        nextP[a * n + j] = baseP + (t.procurement[j] ?? 0);
        nextS[a * n + j] = baseS + (t.sales[j] ?? 0);
      }
    }
    p = nextP;
    s = nextS;
  }
  return { procurement: p, sales: s };
}

/** Tail blocks stay small enough to sit in cache while the head is counted over them. */
const TAIL_LIMIT = 4096;

/**
 * How many packages give procurement strictly more than `batnaP` and sales
 * strictly more than `batnaS`. Enumerates every package — a mixed-radix
 * counter over the leading issues with prefix sums, times a precomputed block
 * of sums of the trailing issues — so 1.7 million packages take milliseconds.
 */
export function countAbove(tables: readonly IssueTable[], batnaP: number, batnaS: number): number {
  let split = tables.length;
  let tailSize = 1;
  while (split > 0 && tailSize * (tables[split - 1]?.options.length ?? 1) <= TAIL_LIMIT) {
    split--;
    tailSize *= tables[split]?.options.length ?? 1;
  }
  const head = tables.slice(0, split);
  const tail = expandSums(tables.slice(split));
  const tailP = tail.procurement;
  const tailS = tail.sales;
  const digits = new Int32Array(head.length);
  const prefixP = new Float64Array(head.length + 1);
  const prefixS = new Float64Array(head.length + 1);
  refreshPrefix(head, digits, prefixP, prefixS, 0);
  let count = 0;
  for (;;) {
    const hp = prefixP[head.length] ?? 0;
    const hs = prefixS[head.length] ?? 0;
    for (let t = 0; t < tailP.length; t++) {
      if (hp + (tailP[t] ?? 0) > batnaP && hs + (tailS[t] ?? 0) > batnaS) count++;
    }
    const changed = increment(head, digits);
    if (changed < 0) return count;
    refreshPrefix(head, digits, prefixP, prefixS, changed);
  }
}

/** Advance the mixed-radix counter; returns the highest position that changed, or -1 after the last value. */
function increment(head: readonly IssueTable[], digits: Int32Array): number {
  for (let i = head.length - 1; i >= 0; i--) {
    const next = (digits[i] ?? 0) + 1;
    if (next < (head[i]?.options.length ?? 1)) {
      digits[i] = next;
      return i;
    }
    digits[i] = 0;
  }
  return -1;
}

/** Recompute prefix sums from position `from` (summing left to right keeps results exact for whole points). */
function refreshPrefix(head: readonly IssueTable[], digits: Int32Array, prefixP: Float64Array, prefixS: Float64Array, from: number): void {
  for (let i = from; i < head.length; i++) {
    const d = digits[i] ?? 0;
    prefixP[i + 1] = (prefixP[i] ?? 0) + (head[i]?.procurement[d] ?? 0);
    prefixS[i + 1] = (prefixS[i] ?? 0) + (head[i]?.sales[d] ?? 0);
  }
}
