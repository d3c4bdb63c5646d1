import { paretoFrontier, type FrontierPoint } from "./analysis-frontier.js";
import { issueStats, minJoint, pairOpposition } from "./analysis-issues.js";
import { countAbove, packageCount, packageOf, pairTables, type IssueTable } from "./analysis-tables.js";
import type { Package, Scenario } from "./schema.js";
import { findSeat } from "./points.js";

/**
 * What a scenario's scoring tables make possible for each buyer–supplier
 * pair: the deal zone, the Pareto frontier, the best joint and Nash deals,
 * what splitting the difference would leave on the table. The CLI prints it
 * for authors; scoring uses it to measure how efficient a deal was. Pure and
 * fast: 1.7 million packages analyse in a few milliseconds.
 */

export { syntheticScenario } from "./analysis-synthetic.js";
export { INTEGRATIVE_WEIGHT_RATIO } from "./analysis-issues.js";

export interface PairPoint {
  procurement: number;
  sales: number;
  package: Package;
}

export interface IssueAnalysis {
  issue: string;
  kind: "distributive" | "integrative" | "compatible";
  /** Share of the seat's total points swing this issue carries (0–1). */
  weight: { procurement: number; sales: number };
  /** Minus the correlation of the two sides' points over the issue's options. */
  opposition: number;
}

export interface PairAnalysis {
  procurementSeat: string;
  salesSeat: string;
  /** Number of possible packages. */
  agreements: number;
  batna: { procurement: number; sales: number };
  /** Some package gives both sides strictly more than their BATNA. */
  dealZone: boolean;
  agreementsAboveBatna: number;
  /** Pareto frontier, one package per distinct point, sorted by procurement points ascending. */
  frontier: PairPoint[];
  maxJoint: PairPoint & { joint: number };
  /** Maximises (p - batnaP)(s - batnaS) over packages above both BATNAs; null without a deal zone. */
  nash: (PairPoint & { product: number }) | null;
  /** Best joint among packages taking a middle option of every issue (either middle for an even count). */
  split: PairPoint & { joint: number };
  /** (maxJoint.joint - split.joint) / split.joint; 0 = none. */
  integrativePotential: number;
  /** Minus the Pearson correlation of the two sides' points over all packages, in [-1, 1]. */
  opposition: number;
  issues: IssueAnalysis[];
}

export interface ScenarioAnalysis {
  scenarioId: string;
  pairs: PairAnalysis[];
}

/**
 * Analyse one procurement seat against one sales seat. Ties (equal joint
 * points, equal Nash products) go to the point whose gains over the BATNAs
 * are most even, then to fewer procurement points; the split's ties go to
 * the first middle package in option order. Deterministic. Throws if a seat
 * id is unknown.
 */
export function analyzePair(scenario: Scenario, procurementSeat: string, salesSeat: string): PairAnalysis {
  const buyer = findSeat(scenario, procurementSeat);
  const supplier = findSeat(scenario, salesSeat);
  if (buyer === undefined || supplier === undefined) throw new Error(`no seat "${buyer === undefined ? procurementSeat : salesSeat}" in scenario "${scenario.id}"`);
  const tables = pairTables(scenario, buyer, supplier);
  const batna = { procurement: buyer.brief.batna.points, sales: supplier.brief.batna.points };
  const raw = paretoFrontier(tables);
  const frontier = raw.map((point) => toPairPoint(tables, point));
  const maxJoint = withJoint(frontier[bestIndex(raw, (pt) => pt.procurement + pt.sales, batna)] ?? emptyPoint());
  const nash = nashPoint(tables, raw, batna);
  const split = splitDifference(tables);
  const agreementsAboveBatna = countAbove(tables, batna.procurement, batna.sales);
  return {
    procurementSeat,
    salesSeat,
    agreements: packageCount(tables),
    batna,
    dealZone: agreementsAboveBatna > 0,
    agreementsAboveBatna,
    frontier,
    maxJoint,
    nash,
    split,
    integrativePotential: integrativePotential(maxJoint.joint, split.joint, minJoint(tables)),
    opposition: pairOpposition(tables),
    issues: issueStats(tables),
  };
}

/** Analyse every (procurement seat, sales seat) pair, in seat order. */
export function analyzeScenario(scenario: Scenario): ScenarioAnalysis {
  const buyers = scenario.seats.filter((s) => s.side === "procurement");
  const suppliers = scenario.seats.filter((s) => s.side === "sales");
  return {
    scenarioId: scenario.id,
    pairs: buyers.flatMap((b) => suppliers.map((s) => analyzePair(scenario, b.id, s.id))),
  };
}

/**
 * How far a deal worth (`procurement`, `sales`) points lies from the Pareto
 * frontier: the Euclidean distance to the nearest frontier point, 0 when no
 * frontier point dominates it (it is efficient, or beyond what any package
 * gives).
 */
export function distanceToFrontier(pair: PairAnalysis, procurement: number, sales: number): number {
  const dominated = pair.frontier.some(
    (f) => f.procurement >= procurement && f.sales >= sales && (f.procurement > procurement || f.sales > sales),
  );
  if (!dominated) return 0;
  let best = Infinity;
  for (const f of pair.frontier) best = Math.min(best, Math.hypot(f.procurement - procurement, f.sales - sales));
  return best;
}

function toPairPoint(tables: readonly IssueTable[], point: FrontierPoint): PairPoint {
  return { procurement: point.procurement, sales: point.sales, package: packageOf(tables, point.choice) };
}

function withJoint(point: PairPoint): PairPoint & { joint: number } {
  return { ...point, joint: point.procurement + point.sales };
}

function emptyPoint(): PairPoint {
  return { procurement: 0, sales: 0, package: {} };
}

/**
 * Index of the element with the highest score; among equals, the one whose
 * gains over the BATNAs are most even (then the first, i.e. fewer
 * procurement points), so a tie never lands on an arbitrary extreme.
 */
function bestIndex(items: readonly FrontierPoint[], score: (item: FrontierPoint) => number, batna: PairAnalysis["batna"]): number {
  const unevenness = (pt: FrontierPoint) => Math.abs(pt.procurement - batna.procurement - (pt.sales - batna.sales));
  let best = -1;
  let bestScore = -Infinity;
  items.forEach((item, i) => {
    const value = score(item);
    const current = items[best];
    if (value > bestScore || (value === bestScore && current !== undefined && unevenness(item) < unevenness(current))) {
      [best, bestScore] = [i, value];
    }
  });
  return best;
}

/** The Nash product is increasing in both points above the BATNAs, so its maximum lies on the frontier. */
function nashPoint(tables: readonly IssueTable[], frontier: readonly FrontierPoint[], batna: PairAnalysis["batna"]): PairAnalysis["nash"] {
  const product = (pt: FrontierPoint) =>
    pt.procurement > batna.procurement && pt.sales > batna.sales ? (pt.procurement - batna.procurement) * (pt.sales - batna.sales) : -Infinity;
  const point = frontier[bestIndex(frontier, product, batna)];
  return point === undefined ? null : { ...toPairPoint(tables, point), product: product(point) };
}

/** Middle option indices of an issue: one for an odd count, both middles for an even count. */
function middles(count: number): number[] {
  return count % 2 === 1 ? [(count - 1) / 2] : [count / 2 - 1, count / 2];
}

/** "Split the difference" on every issue: the best joint among the middle-option packages. */
function splitDifference(tables: readonly IssueTable[]): PairAnalysis["split"] {
  const candidates = tables.map((t) => middles(t.options.length));
  const choice = new Int32Array(tables.length);
  let best: { p: number; s: number; choice: Int32Array } | undefined;
  const walk = (i: number, p: number, s: number): void => {
    if (i === tables.length) {
      if (best === undefined || p + s > best.p + best.s) best = { p, s, choice: choice.slice() };
      return;
    }
    const t = tables[i];
    for (const j of candidates[i] ?? []) {
      choice[i] = j;
      walk(i + 1, p + (t?.procurement[j] ?? 0), s + (t?.sales[j] ?? 0));
    }
  };
  walk(0, 0, 0);
  const found = best ?? { p: 0, s: 0, choice };
  return withJoint({ procurement: found.p, sales: found.s, package: packageOf(tables, found.choice) });
}

/**
 * (maxJoint - split) / split. On scales where the split is worth nothing or
 * less, the ratio would be meaningless, so the gain is measured against the
 * whole joint range (max - min joint) instead. 0 means splitting every issue
 * down the middle is already jointly optimal.
 */
function integrativePotential(max: number, split: number, min: number): number {
  const gain = max - split;
  if (gain <= 0) return 0;
  if (split > 0) return gain / split;
  return max - min > 0 ? gain / (max - min) : 0;
}
