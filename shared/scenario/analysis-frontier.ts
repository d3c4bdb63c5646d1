import type { IssueTable } from "./analysis-tables.js";

/**
 * The Pareto frontier of a buyer–supplier pair without enumerating packages.
 *
 * Points are additive over issues, and a package that is Pareto-optimal
 * overall is Pareto-optimal on every prefix of issues (otherwise swapping in
 * the dominating prefix would dominate it). So the frontier is built issue by
 * issue: frontier-so-far ⊕ options of the next issue, pruned back to its
 * frontier. With whole-number points each layer holds at most as many points
 * as there are distinct procurement totals, so this costs far less than the
 * number of packages.
 */

export interface FrontierPoint {
  procurement: number;
  sales: number;
  /** Option index per issue. */
  choice: Int32Array;
}

interface Layer {
  p: Float64Array;
  s: Float64Array;
  /** Index of the point in the previous layer this one extends. */
  prev: Int32Array;
  /** Option index of this layer's issue. */
  option: Int32Array;
}

/**
 * Every distinct non-dominated (procurement, sales) point, sorted by
 * procurement ascending, each with one package reaching it (the first in
 * issue/option order when several do).
 */
export function paretoFrontier(tables: readonly IssueTable[]): FrontierPoint[] {
  const layers: Layer[] = [];
  let current: Layer = { p: new Float64Array([0]), s: new Float64Array([0]), prev: new Int32Array([-1]), option: new Int32Array([-1]) };
  for (const table of tables) {
    current = prune(extend(current, table));
    layers.push(current);
  }
  const points: FrontierPoint[] = [];
  for (let k = current.p.length - 1; k >= 0; k--) {
    points.push({ procurement: current.p[k] ?? 0, sales: current.s[k] ?? 0, choice: trace(layers, k) });
  }
  return points;
}

function extend(layer: Layer, table: IssueTable): Layer {
  const n = table.options.length;
  const size = layer.p.length * n;
  const next: Layer = { p: new Float64Array(size), s: new Float64Array(size), prev: new Int32Array(size), option: new Int32Array(size) };
  for (let k = 0; k < layer.p.length; k++) {
    for (let j = 0; j < n; j++) {
      const at = k * n + j;
      next.p[at] = (layer.p[k] ?? 0) + (table.procurement[j] ?? 0);
      next.s[at] = (layer.s[k] ?? 0) + (table.sales[j] ?? 0);
      next.prev[at] = k;
      next.option[at] = j;
    }
  }
  return next;
}

/** Keep the non-dominated points, one per distinct point, ordered by procurement descending. */
function prune(layer: Layer): Layer {
  const order = Array.from({ length: layer.p.length }, (_, i) => i);
  // Procurement descending, then sales descending; ties keep candidate order (Array.prototype.sort is stable).
  order.sort((a, b) => (layer.p[b] ?? 0) - (layer.p[a] ?? 0) || (layer.s[b] ?? 0) - (layer.s[a] ?? 0));
  const kept: number[] = [];
  let bestSales = -Infinity;
  for (const i of order) {
    const s = layer.s[i] ?? 0;
    // Anything earlier has at least this procurement, so this point survives only with strictly more sales.
    if (s > bestSales) {
      kept.push(i);
      bestSales = s;
    }
  }
  return {
    p: Float64Array.from(kept, (i) => layer.p[i] ?? 0),
    s: Float64Array.from(kept, (i) => layer.s[i] ?? 0),
    prev: Int32Array.from(kept, (i) => layer.prev[i] ?? -1),
    option: Int32Array.from(kept, (i) => layer.option[i] ?? -1),
  };
}

function trace(layers: readonly Layer[], last: number): Int32Array {
  const choice = new Int32Array(layers.length);
  let k = last;
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (layer === undefined) break;
    choice[i] = layer.option[k] ?? 0;
    k = layer.prev[k] ?? 0;
  }
  return choice;
}
