import type { IssueTable } from "./analysis-tables.js";

/**
 * Per-issue character and the pair's overall opposition, computed from the
 * tables alone: points are additive and every package picks each option of
 * an issue equally often, so package-level statistics are sums of per-issue
 * ones.
 */

export type IssueKind = "distributive" | "integrative" | "compatible";

export interface IssueStats {
  issue: string;
  kind: IssueKind;
  /** Share of each seat's total swing (sum over issues of best minus worst option) that this issue carries, 0–1. */
  weight: { procurement: number; sales: number };
  /** Minus the Pearson correlation of the two sides' points over the issue's options (0 if a side is indifferent). */
  opposition: number;
}

/**
 * An opposed issue is integrative (worth trading) when one side's weight is
 * at least this many times the other's; below it the sides care about as
 * much, and the issue is plain distributive haggling.
 */
export const INTEGRATIVE_WEIGHT_RATIO = 1.5;

interface Moments {
  meanP: number;
  meanS: number;
  varP: number;
  varS: number;
  cov: number;
}

function moments(t: IssueTable): Moments {
  const n = t.options.length;
  let meanP = 0;
  let meanS = 0;
  for (let j = 0; j < n; j++) {
    meanP += (t.procurement[j] ?? 0) / n;
    meanS += (t.sales[j] ?? 0) / n;
  }
  let varP = 0;
  let varS = 0;
  let cov = 0;
  for (let j = 0; j < n; j++) {
    const dp = (t.procurement[j] ?? 0) - meanP;
    const ds = (t.sales[j] ?? 0) - meanS;
    varP += (dp * dp) / n;
    varS += (ds * ds) / n;
    cov += (dp * ds) / n;
  }
  return { meanP, meanS, varP, varS, cov };
}

/** Variances below this are rounding noise: the side is indifferent. */
const TINY = 1e-12;

function negCorrelation(varP: number, varS: number, cov: number): number {
  if (varP < TINY || varS < TINY) return 0;
  return Math.max(-1, Math.min(1, -cov / Math.sqrt(varP * varS)));
}

/**
 * Minus the Pearson correlation of the two sides' points over all packages
 * (uniformly weighted), in [-1, 1]: 1 is pure zero-sum, -1 fully shared
 * interests. Exact, from per-issue variances and covariances (issues vary
 * independently across packages, so they add up).
 */
export function pairOpposition(tables: readonly IssueTable[]): number {
  let varP = 0;
  let varS = 0;
  let cov = 0;
  for (const t of tables) {
    const m = moments(t);
    varP += m.varP;
    varS += m.varS;
    cov += m.cov;
  }
  return negCorrelation(varP, varS, cov);
}

function swing(values: Float64Array): number {
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
}

function bestOptions(values: Float64Array): Set<number> {
  const top = Math.max(...values);
  const best = new Set<number>();
  values.forEach((v, j) => {
    if (v === top) best.add(j);
  });
  return best;
}

/**
 * Each issue's kind: compatible when some option is best for both sides and
 * their points do not move against each other; otherwise integrative when
 * one side's weight is at least INTEGRATIVE_WEIGHT_RATIO times the other's,
 * else distributive.
 */
export function issueStats(tables: readonly IssueTable[]): IssueStats[] {
  const totalP = tables.reduce((sum, t) => sum + swing(t.procurement), 0);
  const totalS = tables.reduce((sum, t) => sum + swing(t.sales), 0);
  return tables.map((t) => {
    const m = moments(t);
    const opposition = negCorrelation(m.varP, m.varS, m.cov);
    const weight = { procurement: totalP > 0 ? swing(t.procurement) / totalP : 0, sales: totalS > 0 ? swing(t.sales) / totalS : 0 };
    const salesBest = bestOptions(t.sales);
    const sharedBest = [...bestOptions(t.procurement)].some((j) => salesBest.has(j));
    let kind: IssueKind;
    if (sharedBest && opposition <= 0) kind = "compatible";
    else {
      const low = Math.min(weight.procurement, weight.sales);
      const high = Math.max(weight.procurement, weight.sales);
      kind = low === 0 || high / low >= INTEGRATIVE_WEIGHT_RATIO ? "integrative" : "distributive";
    }
    return { issue: t.issue, kind, weight, opposition };
  });
}

/** The lowest joint (procurement + sales) points of any package: each issue's worst option sum, added up. */
export function minJoint(tables: readonly IssueTable[]): number {
  return tables.reduce((sum, t) => sum + Math.min(...Array.from(t.procurement, (p, j) => p + (t.sales[j] ?? 0))), 0);
}
