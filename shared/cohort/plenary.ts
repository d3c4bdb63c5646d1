import { analyzeScenario, type PairAnalysis } from "../scenario/analysis.js";
import { findSeat, pointsFor } from "../scenario/points.js";
import type { Scenario } from "../scenario/schema.js";
import { averageBreakdown, MIN_GROUP, perception, type AverageBreakdown, type PerceptionGroup } from "./plenary-groups.js";
import { byId, nameOf, roundTo } from "./placement.js";
import { isFinished, seatRecords, type SeatRecord } from "./seat-records.js";
import { ATTITUDE_STATEMENT, type Participant, type PollAnswer, type TableResult } from "./types.js";

export { MIN_GROUP, type AverageBreakdown, type Averages, type PerceptionGroup, type WordCount } from "./plenary-groups.js";

/**
 * The plenary: what the trainer puts on the projector after the tables have
 * negotiated. Aggregates only — points, rates, averages, word counts — and
 * table labels; names only when the trainer asks for them. It never carries
 * a survey comment, a coaching line or any metric's explanation (they are
 * the seat's own, see negotiation/visibility.ts): only numbers are read out
 * of the debriefs.
 */

export interface PlenaryInput {
  tables: readonly TableResult[];
  participants: readonly Participant[];
  polls: Readonly<Record<string, readonly PollAnswer[]>>;
  showNames: boolean;
}

export interface Point {
  procurement: number;
  sales: number;
}

/** What one buyer–supplier pair of a scenario made possible (from the scenario analysis). */
export interface FrontierPair {
  procurementSeat: string;
  salesSeat: string;
  batna: Point;
  /** Pareto frontier, procurement points ascending */
  frontier: Point[];
  maxJoint: Point & { joint: number };
  nash: Point | null;
}

/**
 * One table's result as a point: a deal at the points of its two parties; an
 * impasse at the BATNAs (the buyer's and the first sales seat's that took
 * part); a table still negotiating without a point.
 */
export interface OutcomePoint {
  table: string;
  status: "deal" | "impasse" | "running";
  procurementSeat: string | null;
  salesSeat: string | null;
  procurement: number | null;
  sales: number | null;
  joint: number | null;
  /** the deal lies on the Pareto frontier (distance 0 in the debrief) */
  onFrontier: boolean | null;
  /** joint points as % of the best joint the package space offered */
  jointOfMax: number | null;
  /** the people at the table, only when names are shown */
  names?: string[];
}

export interface PlenaryScenario {
  scenarioId: string;
  version: number;
  title: string;
  kind: Scenario["kind"];
  tables: number;
  finished: number;
  deals: number;
  /** deals over finished tables, 0–1; null before any table finished */
  dealRate: number | null;
  pairs: FrontierPair[];
  outcomes: OutcomePoint[];
}

export interface Highlight {
  kind: "best-joint" | "value-case" | "frontier" | "attitude-shift";
  /** the table label, when the highlight is about one table */
  table: string | null;
  value: number;
  text: string;
}

export interface PlenaryModel {
  showNames: boolean;
  summary: { tables: number; finished: number; deals: number; dealRate: number | null };
  scenarios: PlenaryScenario[];
  averages: AverageBreakdown;
  perception: PerceptionGroup[];
  /** smallest group shown with names hidden */
  minGroup: number;
  highlights: Highlight[];
}

function rate(deals: number, finished: number): number | null {
  return finished === 0 ? null : roundTo(deals / finished, 3);
}

function frontierPair(pair: PairAnalysis): FrontierPair {
  const point = (p: Point): Point => ({ procurement: p.procurement, sales: p.sales });
  return {
    procurementSeat: pair.procurementSeat,
    salesSeat: pair.salesSeat,
    batna: { ...pair.batna },
    frontier: pair.frontier.map(point),
    maxJoint: { ...point(pair.maxJoint), joint: pair.maxJoint.joint },
    nash: pair.nash ? point(pair.nash) : null,
  };
}

function outcomePoint(result: TableResult): OutcomePoint {
  const base = { table: result.table.id, procurementSeat: null, salesSeat: null, procurement: null, sales: null, joint: null, onFrontier: null, jointOfMax: null };
  const d = result.debrief;
  if (!isFinished(d)) return { ...base, status: "running" };
  const agreement = d.outcome.agreement;
  const buyer = agreement ? findSeat(result.scenario, agreement.parties[0]) : result.scenario.seats.find((s) => s.side === "procurement" && d.seats[s.id]);
  const seller = agreement ? findSeat(result.scenario, agreement.parties[1]) : result.scenario.seats.find((s) => s.side === "sales" && d.seats[s.id]);
  if (!buyer || !seller) return { ...base, status: d.outcome.deal ? "deal" : "impasse" };
  const seats = { procurementSeat: buyer.id, salesSeat: seller.id };
  if (!d.outcome.deal || !agreement) {
    const [p, s] = [buyer.brief.batna.points, seller.brief.batna.points];
    return { ...base, ...seats, status: "impasse", procurement: p, sales: s, joint: p + s };
  }
  const [p, s] = [pointsFor(buyer, agreement.package), pointsFor(seller, agreement.package)];
  const measured = d.seats[buyer.id]?.outcome ?? d.seats[seller.id]?.outcome;
  const distance = measured?.distanceToFrontier?.value;
  return { ...base, ...seats, status: "deal", procurement: p, sales: s, joint: p + s, onFrontier: distance === undefined ? null : distance === 0, jointOfMax: measured?.jointOfMax?.value ?? null };
}

function tableNames(result: TableResult, people: ReadonlyMap<string, Participant>): string[] {
  return result.scenario.seats.flatMap((s) => (result.table.seats[s.id] ?? []).map((id) => nameOf(people, id)));
}

function scenarioBlocks(input: PlenaryInput, people: ReadonlyMap<string, Participant>): PlenaryScenario[] {
  const keyOf = (r: TableResult) => `${r.scenario.id}@${r.scenario.version}`;
  const keys = [...new Set(input.tables.map(keyOf))];
  return keys.flatMap((key) => {
    const results = input.tables.filter((r) => keyOf(r) === key);
    const scenario = results[0]?.scenario;
    if (!scenario) return [];
    const finished = results.filter((r) => isFinished(r.debrief)).length;
    const deals = results.filter((r) => isFinished(r.debrief) && r.debrief.outcome.deal).length;
    const outcomes = results.map((r) => (input.showNames ? { ...outcomePoint(r), names: tableNames(r, people) } : outcomePoint(r)));
    const pairs = analyzeScenario(scenario).pairs.map(frontierPair);
    // A tender's frontier per supplier: only the suppliers someone played, unless nobody played any.
    const played = pairs.filter((p) => results.some((r) => (r.table.seats[p.salesSeat] ?? []).length > 0 || (isFinished(r.debrief) && r.debrief.seats[p.salesSeat])));
    return [{ scenarioId: scenario.id, version: scenario.version, title: scenario.title, kind: scenario.kind, tables: results.length, finished, deals, dealRate: rate(deals, finished), pairs: played.length > 0 ? played : pairs, outcomes }];
  });
}

function bestJoint(points: readonly OutcomePoint[]): Highlight[] {
  const deals = points.filter((p) => p.status === "deal" && p.jointOfMax !== null);
  // Joint points differ in scale between scenarios, so tables compare by their share of the best joint.
  const best = deals.reduce<OutcomePoint | undefined>((top, p) => (!top || (p.jointOfMax ?? 0) > (top.jointOfMax ?? 0) || ((p.jointOfMax ?? 0) === (top.jointOfMax ?? 0) && (p.joint ?? 0) > (top.joint ?? 0)) ? p : top), undefined);
  const highlights: Highlight[] = [];
  if (best && best.jointOfMax !== null) {
    highlights.push({ kind: "best-joint", table: best.table, value: best.jointOfMax, text: `Best joint outcome: ${best.table}, with ${best.jointOfMax} % of the joint points the best package offered.` });
  }
  const measured = deals.filter((p) => p.onFrontier !== null);
  if (measured.length > 0) {
    const on = measured.filter((p) => p.onFrontier).length;
    highlights.push({ kind: "frontier", table: null, value: on, text: `${on} of ${measured.length} deals lie on the Pareto frontier: no other package was better for one side without costing the other.` });
  }
  return highlights;
}

/** The sales seat with the best value framing among those that made a quantified claim within the brief's range. */
function valueCase(records: readonly SeatRecord[]): Highlight[] {
  const quantified = records.filter((r) => r.participant && r.seat.side === "sales" && r.debrief && (r.debrief.valueFraming.components.find((c) => c.id === "quantified")?.value ?? 0) > 0);
  const best = quantified.reduce<SeatRecord | undefined>((top, r) => (!top || (r.debrief?.valueFraming.value ?? 0) > (top.debrief?.valueFraming.value ?? 0) ? r : top), undefined);
  if (!best?.debrief) return [];
  const value = best.debrief.valueFraming.value;
  return [{ kind: "value-case", table: best.result.table.id, value, text: `Best-framed value case: ${best.result.table.id}, where sales argued total cost of ownership with figures the brief supports (value framing ${value}/100).` }];
}

function attitudeShifts(groups: readonly PerceptionGroup[]): Highlight[] {
  return (["sales", "procurement"] as const).flatMap((fn) => {
    const [before, after] = [groups.find((g) => g.function === fn && g.stage === "before"), groups.find((g) => g.function === fn && g.stage === "after")];
    const [from, to] = [before?.meanAttitude ?? null, after?.meanAttitude ?? null];
    if (from === null || to === null) return [];
    return [{ kind: "attitude-shift" as const, table: null, value: roundTo(to - from, 2), text: `${fn === "sales" ? "Sales" : "Procurement"} people moved from ${from} to ${to} on "${ATTITUDE_STATEMENT}" (1 disagree – 7 agree).` }];
  });
}

/**
 * Builds the projector model: per scenario, each pair's Pareto frontier and
 * every table's outcome point, and the deal rate; score averages by role,
 * by placement and by policy; the perception poll before and after by
 * function; and a few highlights that name a table label at most. Pure and
 * deterministic; tables appear in input order.
 */
export function buildPlenary(input: PlenaryInput): PlenaryModel {
  const people = byId(input.participants);
  const scenarios = scenarioBlocks(input, people);
  const records = input.tables.flatMap((r) => seatRecords(r, people));
  const groups = perception(input.participants, input.polls, input.showNames);
  const finished = scenarios.reduce((n, s) => n + s.finished, 0);
  const deals = scenarios.reduce((n, s) => n + s.deals, 0);
  return {
    showNames: input.showNames,
    summary: { tables: input.tables.length, finished, deals, dealRate: rate(deals, finished) },
    scenarios,
    averages: averageBreakdown(records, input.showNames),
    perception: groups,
    minGroup: MIN_GROUP,
    highlights: [...bestJoint(scenarios.flatMap((s) => s.outcomes)), ...valueCase(records), ...attitudeShifts(groups)],
  };
}

/** Whether a table's debrief is final (a deal or an impasse). */
export { isFinished } from "./seat-records.js";
