import { paretoFrontier } from "./analysis-frontier.js";
import { expandSums, packageCount, type IssueTable } from "./analysis-tables.js";
import { biddableOptions } from "./points.js";
import type { PathSegment } from "./references.js";
import type { Issue, Package, Scenario, Seat, Side } from "./schema.js";
import { currency, EPS, formatMoney, perThousand } from "./money-basics.js";
import { scenarioMoneyFindings } from "./money-findings.js";

export { formatMoney, formatMoneyRange, objectiveServed, packageMoney, perThousand } from "./money-basics.js";

/**
 * The money behind the points. A seat's `brief.money` says what each option
 * is worth to its side a year against today's terms; points are what the
 * machine scores. When the two rank packages differently, the scenario
 * rewards the wrong deal: `npm run scenarios:check` prints, per seat with
 * money, how far they agree and where they part, and warns with a stable code
 * (see `MoneyCode`). Pure and fast: issue tables and frontiers, never all
 * pairs of packages.
 */

/** Stable names of the findings, for authors to search and tests to assert. */
export type MoneyCode =
  /** Within one issue, an option scores more points but is worth less money than another. */
  | "points-money-order"
  /** An issue's points per 1,000 money units are more than 2× off the seat's overall rate. */
  | "points-money-weight"
  /** A change on two issues gains points but loses material money. */
  | "points-money-trade"
  /** The seat's best package by points is not its best by money. */
  | "points-money-rank"
  /** Points and money rank the seat's packages too differently overall (Spearman below 0.8). */
  | "points-money-agreement"
  /** A better-priced package (a cheaper bid, for a buyer) outranks on points one worth more money. */
  | "points-money-price"
  /** A lever with a `worth` no deal term carries. */
  | "lever-no-terms"
  /** A lever's terms give its side no points. */
  | "lever-no-points"
  /** A lever's terms give its side no money, or far less than `worth.low`. */
  | "lever-no-money"
  /** A lever's `worth.low` meets an objective's threshold, but its terms cannot. */
  | "lever-unreachable"
  /** No agreement can serve an objective. */
  | "objective-unservable"
  /** A risk category with no risk in the scenario. */
  | "risk-category-empty";

export interface MoneyFinding {
  code: MoneyCode;
  path: PathSegment[];
  message: string;
}

export interface MoneyPackage {
  package: Package;
  points: number;
  money: number;
}

/** `choose` over `over`, on the issues where they differ (all else equal): `points` gained, `money` lost (> 0). */
export interface MoneyTrade {
  choose: Package;
  over: Package;
  points: number;
  money: number;
}

export interface IssueMoney {
  issue: string;
  /** Best minus worst points over the options a deal can name. */
  pointsSwing: number;
  /** Best minus worst money over the same options. */
  moneySwing: number;
  /** pointsSwing per 1,000 of moneySwing; null when the money does not move. */
  rate: number | null;
  /** Pairs where `higher` scores more points than `lower` but is worth less money. */
  inversions: { higher: string; lower: string; points: [number, number]; money: [number, number] }[];
}

export interface SeatMoney {
  seat: string;
  side: Side;
  unit: string;
  /** Packages a deal can name (second-source shares left out). */
  packages: number;
  /** Spearman rank correlation of points and money over the packages: exactly over all of them, or over a fixed sample when there are too many. */
  rankAgreement: { spearman: number; over: "all packages" | "sample"; packages: number };
  /** Σ points swing per 1,000 of Σ money swing; null when no money moves. */
  overallRate: number | null;
  /** Ties on points go to more money, and the reverse. */
  bestByPoints: MoneyPackage;
  bestByMoney: MoneyPackage;
  issues: IssueMoney[];
  /** The largest discordant changes on two issues, by money, one per pair of issues (material ones only). */
  trades: MoneyTrade[];
  /** A better-priced package ranked above one worth more money: the largest by money (material only); null when none. */
  priceTrap: MoneyTrade | null;
  findings: MoneyFinding[];
}

export interface MoneyAnalysis {
  seats: SeatMoney[];
  /** Scenario-wide findings: levers, objectives, risk categories. */
  findings: MoneyFinding[];
}

/** Exact Spearman up to this many packages; a fixed sample beyond. */
const EXACT_LIMIT = 500_000;
const SAMPLE_SIZE = 100_000;
/** A money difference matters from this share of the seat's money swing over all packages. */
const MATERIAL_SHARE = 0.1;
/** An issue's points per money more than this factor off the seat's overall rate is mis-weighted. */
const WEIGHT_FACTOR = 2;
/** Below this Spearman correlation, points and money tell different stories. */
const AGREEMENT_FLOOR = 0.8;
const TRADES_SHOWN = 3;

/** Analyse every seat with money, and the scenario's levers, objectives and risk categories. */
export function analyzeMoney(scenario: Scenario): MoneyAnalysis {
  const seats = scenario.seats.flatMap((seat, s) => (seat.brief.money === undefined ? [] : [analyzeSeatMoney(scenario, seat, s)]));
  return { seats, findings: scenarioMoneyFindings(scenario) };
}

interface SeatTable extends IssueTable {
  /** The scenario's issue. */
  source: Issue;
  /** Option labels, parallel to `options`. */
  labels: string[];
}

/** The seat's points (`procurement`) and money (`sales`) per biddable option, issue by issue. */
function seatTables(scenario: Scenario, seat: Seat): SeatTable[] {
  return scenario.issues.map((issue) => {
    const options = biddableOptions(issue);
    return {
      issue: issue.id,
      source: issue,
      options: options.map((o) => o.id),
      labels: options.map((o) => o.label),
      procurement: Float64Array.from(options, (o) => seat.brief.scoring[issue.id]?.[o.id] ?? 0),
      sales: Float64Array.from(options, (o) => seat.brief.money?.options[issue.id]?.[o.id] ?? 0),
    };
  });
}

function range(values: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return values.length === 0 ? { min: 0, max: 0 } : { min, max };
}

/** One seat's points against its money. Exported for tests; `analyzeMoney` runs it for every seat with money. */
export function analyzeSeatMoney(scenario: Scenario, seat: Seat, seatIndex: number): SeatMoney {
  const unit = seat.brief.money?.unit ?? "";
  const tables = seatTables(scenario, seat);
  const money = (n: number) => formatMoney(n, unit);
  const issues = tables.map(issueMoney);
  const pointsTotal = issues.reduce((t, i) => t + i.pointsSwing, 0);
  const moneyTotal = issues.reduce((t, i) => t + i.moneySwing, 0);
  const overallRate = moneyTotal > EPS ? (pointsTotal / moneyTotal) * 1000 : null;
  const material = MATERIAL_SHARE * moneyTotal;
  const bestByPoints = best(tables, "procurement");
  const bestByMoney = best(tables, "sales");
  const trades = moneyTotal > EPS ? pairTrades(tables, material) : [];
  const priceTrap = moneyTotal > EPS ? priceTrapOf(tables, material) : null;
  const rankAgreement = spearman(tables);

  const findings: MoneyFinding[] = [];
  const at = (...rest: PathSegment[]): PathSegment[] => ["seats", seatIndex, "brief", ...rest];
  const who = `${seat.id}`;
  const labelOf = (t: SeatTable, option: string) => t.labels[t.options.indexOf(option)] ?? option;
  issues.forEach((im, i) => {
    const t = tables[i];
    if (t === undefined) return;
    for (const inv of im.inversions) {
      findings.push({
        code: "points-money-order",
        path: at("money", "options", im.issue),
        message: `${who}: on "${t.source.name}", ${labelOf(t, inv.higher)} scores more points than ${labelOf(t, inv.lower)} (${pts(inv.points[0])} against ${pts(inv.points[1])}) but is worth less money (${money(inv.money[0])} against ${money(inv.money[1])})`,
      });
    }
  });
  if (overallRate !== null && overallRate > EPS) {
    issues.forEach((im, i) => {
      const t = tables[i];
      if (t === undefined || im.inversions.length > 0) return;
      const deserved = (overallRate * im.moneySwing) / 1000;
      const excess = im.pointsSwing - deserved;
      const ratio = im.rate === null ? Infinity : im.rate / overallRate;
      if (Math.abs(excess) < Math.max(2, 0.03 * pointsTotal)) return;
      if (ratio <= WEIGHT_FACTOR && ratio >= 1 / WEIGHT_FACTOR) return;
      const how = ratio > WEIGHT_FACTOR ? "overweight" : "underweight";
      const factor = ratio === Infinity ? "" : ratio > 1 ? ` ${ratio.toFixed(1)}×` : ratio > EPS ? ` ${(1 / ratio).toFixed(1)}×` : "";
      const per = perThousand(unit);
      const rate = im.rate === null ? "and no money" : `${formatRate(im.rate)} points per ${per}`;
      const about = Math.round(deserved);
      findings.push({
        code: "points-money-weight",
        path: at("scoring", im.issue),
        message: `${who}: "${t.source.name}" carries ${pts(im.pointsSwing)} points for ${money(im.moneySwing)} (${rate}; the seat's overall rate is ${formatRate(overallRate)}): the points ${how} it${factor} against money; at the overall rate it would carry about ${about} point${about === 1 ? "" : "s"}`,
      });
    });
  }
  for (const trade of trades) {
    findings.push({
      code: "points-money-trade",
      path: at("scoring"),
      message: `${who}: ${describeChange(tables, trade)} gains ${points(trade.points)} but costs ${money(trade.money)}`,
    });
  }
  if (bestByMoney.money - bestByPoints.money > Math.max(material, EPS)) {
    findings.push({
      code: "points-money-rank",
      path: at("scoring"),
      message: `${who}: the best package by points (${pts(bestByPoints.points)} points, ${money(bestByPoints.money)}: ${describeParts(tables, bestByPoints.package)}) is worth ${money(bestByMoney.money - bestByPoints.money)} less than the best by money (${pts(bestByMoney.points)} points, ${money(bestByMoney.money)}: ${describeParts(tables, bestByMoney.package)})`,
    });
  }
  if (rankAgreement.spearman < AGREEMENT_FLOOR) {
    findings.push({
      code: "points-money-agreement",
      path: at("scoring"),
      message: `${who}: points and money rank the packages differently (Spearman ${rankAgreement.spearman.toFixed(2)} over ${rankAgreement.over === "all packages" ? "all" : "a sample of"} ${rankAgreement.packages} packages; below ${AGREEMENT_FLOOR} the points teach another lesson than the money)`,
    });
  }
  if (priceTrap !== null) {
    const what = seat.side === "procurement" ? "a cheaper bid ranked first" : "a better-priced deal ranked first";
    findings.push({
      code: "points-money-price",
      path: at("scoring"),
      message: `${who}: ${what}: ${describeChange(tables, priceTrap)}${Object.keys(priceTrap.choose).length < tables.length ? " (all else equal)" : ""} gains ${points(priceTrap.points)} but costs ${money(priceTrap.money)}`,
    });
  }
  return {
    seat: seat.id, side: seat.side, unit, packages: packageCount(tables), rankAgreement, overallRate,
    bestByPoints, bestByMoney, issues, trades, priceTrap, findings,
  };
}

const pts = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const points = (n: number) => `${pts(n)} point${n === 1 ? "" : "s"}`;

/**
 * "choosing €405 / sole source over €435 / 60 % share" for up to three
 * issues; beyond, issue by issue: "choosing, on 5 issues, Rate level: 6 %
 * rather than 2 %; …".
 */
export function describeChange(tables: readonly { issue: string; options: string[]; labels: string[]; source: Pick<Issue, "name"> }[], change: Pick<MoneyTrade, "choose" | "over">): string {
  const issues = tables.filter((t) => change.choose[t.issue] !== undefined);
  if (issues.length <= 3) return `choosing ${describeParts(tables, change.choose)} over ${describeParts(tables, change.over)}`;
  const label = (t: (typeof issues)[number], option: string | undefined) => t.labels[t.options.indexOf(option ?? "")] ?? option ?? "?";
  return `choosing, on ${issues.length} issues, ${issues.map((t) => `${t.source.name}: ${label(t, change.choose[t.issue])} rather than ${label(t, change.over[t.issue])}`).join("; ")}`;
}
/** Points per 1,000 money units, to two significant digits: "0.024", "0.13", "1.5". */
export function formatRate(n: number | null): string {
  if (n === null) return "—";
  if (n === 0) return "0";
  return Math.abs(n) >= 10 ? n.toFixed(0) : String(Number(n.toPrecision(2)));
}

/** "€405 per 1,000 cases / 100 % (sole supplier)": the labels of a partial package, in issue order. */
export function describeParts(tables: readonly { issue: string; options: string[]; labels: string[] }[], pkg: Package): string {
  return tables
    .flatMap((t) => {
      const option = pkg[t.issue];
      if (option === undefined) return [];
      return [t.labels[t.options.indexOf(option)] ?? option];
    })
    .join(" / ");
}

function issueMoney(t: SeatTable): IssueMoney {
  const p = range(t.procurement);
  const m = range(t.sales);
  const pointsSwing = p.max - p.min;
  const moneySwing = m.max - m.min;
  const inversions: IssueMoney["inversions"] = [];
  t.options.forEach((a, i) => {
    t.options.forEach((b, j) => {
      const pa = t.procurement[i] ?? 0;
      const pb = t.procurement[j] ?? 0;
      const ma = t.sales[i] ?? 0;
      const mb = t.sales[j] ?? 0;
      if (pa > pb + EPS && ma < mb - EPS) inversions.push({ higher: a, lower: b, points: [pa, pb], money: [ma, mb] });
    });
  });
  return { issue: t.issue, pointsSwing, moneySwing, rate: moneySwing > EPS ? (pointsSwing / moneySwing) * 1000 : null, inversions };
}

/** The package maximising `key` issue by issue; ties go to the other measure, then to the first option. */
function best(tables: readonly SeatTable[], key: "procurement" | "sales"): MoneyPackage {
  const other = key === "procurement" ? "sales" : "procurement";
  const pkg: Package = {};
  let points = 0;
  let money = 0;
  for (const t of tables) {
    let k = -1;
    t.options.forEach((_, j) => {
      const v = t[key][j] ?? 0;
      const w = t[other][j] ?? 0;
      const bv = t[key][k] ?? -Infinity;
      const bw = t[other][k] ?? -Infinity;
      if (k < 0 || v > bv + EPS || (Math.abs(v - bv) <= EPS && w > bw + EPS)) k = j;
    });
    const option = t.options[k];
    if (option === undefined) continue;
    pkg[t.issue] = option;
    points += t.procurement[k] ?? 0;
    money += t.sales[k] ?? 0;
  }
  return { package: pkg, points, money };
}

/**
 * Over every pair of issues and every change on both, the changes that gain
 * points but lose money; the largest loss per pair of issues, the largest
 * `TRADES_SHOWN` overall, material ones only.
 */
function pairTrades(tables: readonly SeatTable[], material: number): MoneyTrade[] {
  const found: MoneyTrade[] = [];
  for (let i = 0; i < tables.length; i++) {
    for (let j = i + 1; j < tables.length; j++) {
      const ti = tables[i];
      const tj = tables[j];
      if (ti === undefined || tj === undefined) continue;
      let worst: MoneyTrade | undefined;
      for (let a = 0; a < ti.options.length; a++) {
        for (let b = 0; b < ti.options.length; b++) {
          if (a === b) continue;
          for (let c = 0; c < tj.options.length; c++) {
            for (let d = 0; d < tj.options.length; d++) {
              if (c === d) continue;
              const dp = (ti.procurement[a] ?? 0) - (ti.procurement[b] ?? 0) + (tj.procurement[c] ?? 0) - (tj.procurement[d] ?? 0);
              const dm = (ti.sales[a] ?? 0) - (ti.sales[b] ?? 0) + (tj.sales[c] ?? 0) - (tj.sales[d] ?? 0);
              if (dp <= EPS || dm >= -EPS || (worst !== undefined && -dm <= worst.money)) continue;
              worst = {
                choose: { [ti.issue]: ti.options[a] ?? "", [tj.issue]: tj.options[c] ?? "" },
                over: { [ti.issue]: ti.options[b] ?? "", [tj.issue]: tj.options[d] ?? "" },
                points: dp,
                money: -dm,
              };
            }
          }
        }
      }
      if (worst !== undefined && worst.money >= material) found.push(worst);
    }
  }
  return found.sort((x, y) => y.money - x.money || y.points - x.points).slice(0, TRADES_SHOWN);
}

/**
 * The "cheaper but costlier" check: packages P and Q where P is better
 * priced for the seat (more money on a `price: true` issue), P scores more
 * points, and Q is worth more money. Over all pairs of packages at once: each
 * issue contributes its option pairs (P's option, Q's option) as points P
 * gains and money Q gains, and the Pareto frontier of those sums holds the
 * largest money gap for every points gap. Returns the largest money gap with
 * a positive points gap, if material.
 */
function priceTrapOf(tables: readonly SeatTable[], material: number): MoneyTrade | null {
  let found: MoneyTrade | null = null;
  tables.forEach((priceTable, k) => {
    if (!priceTable.source.price) return;
    const pairs = tables.map((t, i) => {
      const list: [number, number][] = [];
      // Unchanged options first, so that ties on the frontier leave an issue alone.
      if (i !== k) t.options.forEach((_, a) => list.push([a, a]));
      t.options.forEach((_, a) => {
        t.options.forEach((__, b) => {
          if (a === b) return;
          if (i === k && (t.sales[a] ?? 0) <= (t.sales[b] ?? 0) + EPS) return;
          list.push([a, b]);
        });
      });
      return { t, list };
    });
    if ((pairs[k]?.list.length ?? 0) === 0) return;
    const diff: IssueTable[] = pairs.map(({ t, list }) => ({
      issue: t.issue,
      options: list.map(([a, b]) => `${a}:${b}`),
      procurement: Float64Array.from(list, ([a, b]) => (t.procurement[a] ?? 0) - (t.procurement[b] ?? 0)),
      sales: Float64Array.from(list, ([a, b]) => (t.sales[b] ?? 0) - (t.sales[a] ?? 0)),
    }));
    // Sorted by points gap ascending, money gap descending: the first positive points gap has the largest money gap.
    const point = paretoFrontier(diff).find((pt) => pt.procurement > EPS);
    if (point === undefined || point.sales < material || point.sales <= EPS) return;
    if (found !== null && point.sales <= found.money) return;
    const choose: Package = {};
    const over: Package = {};
    pairs.forEach(({ t, list }, i) => {
      const [a, b] = list[point.choice[i] ?? 0] ?? [0, 0];
      if (a === b) return;
      choose[t.issue] = t.options[a] ?? "";
      over[t.issue] = t.options[b] ?? "";
    });
    found = { choose, over, points: point.procurement, money: point.sales };
  });
  return found;
}

/** Spearman rank correlation of the seat's points and money: over all packages, or a fixed sample of them. */
function spearman(tables: readonly SeatTable[]): SeatMoney["rankAgreement"] {
  const total = packageCount(tables);
  let points: Float64Array;
  let money: Float64Array;
  let over: SeatMoney["rankAgreement"]["over"] = "all packages";
  if (total <= EXACT_LIMIT) {
    const sums = expandSums(tables);
    points = sums.procurement;
    money = sums.sales;
  } else {
    over = "sample";
    points = new Float64Array(SAMPLE_SIZE);
    money = new Float64Array(SAMPLE_SIZE);
    let state = 0x2545f491;
    const next = () => {
      // xorshift32: the same sample on every run.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 0x1_0000_0000;
    };
    for (let n = 0; n < SAMPLE_SIZE; n++) {
      let p = 0;
      let m = 0;
      for (const t of tables) {
        const j = Math.floor(next() * t.options.length);
        p += t.procurement[j] ?? 0;
        m += t.sales[j] ?? 0;
      }
      points[n] = p;
      money[n] = m;
    }
  }
  return { spearman: pearson(ranks(points), ranks(money)), over, packages: points.length };
}

/** 1-based ranks, ties sharing their average rank. */
function ranks(values: Float64Array): Float64Array {
  const order = Uint32Array.from({ length: values.length }, (_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const out = new Float64Array(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    const v = values[order[i] ?? 0] ?? 0;
    while (j + 1 < order.length && Math.abs((values[order[j + 1] ?? 0] ?? 0) - v) <= EPS) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k] ?? 0] = rank;
    i = j + 1;
  }
  return out;
}

/** Pearson correlation; 1 when either side is constant and the other is too, 0 when only one is. */
function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  if (n === 0) return 1;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] ?? 0;
    my += y[i] ?? 0;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx;
    const dy = (y[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= EPS || syy <= EPS) return sxx <= EPS && syy <= EPS ? 1 : 0;
  return sxy / Math.sqrt(sxx * syy);
}
