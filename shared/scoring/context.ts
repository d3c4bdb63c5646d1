import type { Agreement, LogEntry } from "../negotiation/events.js";
import { analyzePair, type PairAnalysis } from "../scenario/analysis.js";
import type { IssueOutcome, Package, Scenario, Seat } from "../scenario/schema.js";
import type { ReadLog } from "./log-reader.js";

/** Everything a scoring module needs about the whole negotiation. */
export interface Run {
  scenario: Scenario;
  log: ReadLog;
  agreement: Agreement | null;
}

/** The seat being scored, and whom it is scored against. */
export interface SeatContext {
  seat: Seat;
  /** present seats of the other side this seat is measured against */
  counterparts: Seat[];
  /** the one counterpart of the outcome pair: the deal partner, the buyer for a supplier, or the only counterpart; null for a buyer with no award among several suppliers */
  partner: Seat | null;
  /** true when this seat is a party to the agreement */
  deal: boolean;
}

// Analysis of a pair depends on the scenario only: compute it once per scenario object.
const cache = new WeakMap<Scenario, Map<string, PairAnalysis>>();

/** The (cached) analysis of the pair formed by two seats of opposite sides, in either order. */
export function pairFor(scenario: Scenario, a: Seat, b: Seat): PairAnalysis {
  const [procurement, sales] = a.side === "procurement" ? [a.id, b.id] : [b.id, a.id];
  let perScenario = cache.get(scenario);
  if (!perScenario) {
    perScenario = new Map();
    cache.set(scenario, perScenario);
  }
  const key = `${procurement}\u0000${sales}`;
  let pair = perScenario.get(key);
  if (!pair) {
    pair = analyzePair(scenario, procurement, sales);
    perScenario.set(key, pair);
  }
  return pair;
}

/** Orients a pair's two numbers: this seat's first, its counterpart's second. */
export function ownFirst(seat: Seat, values: { procurement: number; sales: number }): [number, number] {
  return seat.side === "procurement" ? [values.procurement, values.sales] : [values.sales, values.procurement];
}

/** Resolves the counterparts and the outcome partner of one present seat. */
export function seatContext(run: Run, seat: Seat): SeatContext {
  const present = run.scenario.seats.filter((s) => run.log.present.includes(s.id));
  const others = present.filter((s) => s.side !== seat.side);
  const parties: readonly string[] = run.agreement?.parties ?? [];
  const deal = parties.includes(seat.id);
  if (deal) {
    const partnerId = parties[0] === seat.id ? parties[1] : parties[0];
    const partner = others.find((s) => s.id === partnerId) ?? run.scenario.seats.find((s) => s.id === partnerId) ?? null;
    return { seat, counterparts: partner ? [partner] : others, partner, deal };
  }
  // Without an award a tender's buyer is measured against every supplier (for process metrics).
  const partner = others.length === 1 ? (others[0] ?? null) : null;
  return { seat, counterparts: others, partner, deal };
}

/** True when the package meets every listed term (an empty list is never met: nothing in the deal carries it). */
export function termsMet(terms: readonly IssueOutcome[], pkg: Package): boolean {
  return terms.length > 0 && terms.every((t) => t.options.includes(pkg[t.issue] ?? ""));
}

/** A seat's display name in explanations: its organisation, never its seat id. */
export function nameOf(seat: Seat): string {
  return seat.organisation;
}

/** The display name of a seat id (the id itself only for a seat the scenario does not know). */
export function nameOfId(scenario: Scenario, id: string): string {
  const seat = scenario.seats.find((s) => s.id === id);
  return seat ? nameOf(seat) : id;
}

/** The seq of entries, for a metric's events. */
export function seqOf(entries: readonly LogEntry[]): number[] {
  return entries.map((e) => e.seq);
}

/** Minutes since the session started, to one decimal. */
export function minutesIn(run: Run, at: number): number {
  return Math.round((at - run.log.startedAt) / 6000) / 10;
}
