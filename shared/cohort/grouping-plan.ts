import type { Scenario, Seat, Side } from "../scenario/schema.js";

/**
 * How many tables a cohort gets and which seats are opened, before anyone
 * is placed. The rules (grouping.ts repeats them for the trainer):
 * - Tables take the scenarios in turn (T1 the first, T2 the second, …,
 *   wrapping round), and a table opens while its required seats can all be
 *   filled.
 * - People left over go, in this order, to optional seats (one per table
 *   before a second at any table), then share a seat with someone (at most
 *   one shared seat per table).
 * - Only when even that cannot hold everyone does one more table open, with
 *   some required seats left empty; so does the first table when there are
 *   fewer people than it has required seats.
 */

/** An open seat of a planned table. */
export interface Slot {
  /** index of the table */
  table: number;
  seat: string;
  side: Side;
  optional: boolean;
}

export interface TablePlan {
  /** The scenario of each table, in table order. */
  scenarios: Scenario[];
  /**
   * The open seats in the order they are filled: required seats round the
   * tables (every table's first seat, then every table's second…), then the
   * optional seats opened for spare people.
   */
  slots: Slot[];
  /** How many people will have to share a seat (never more than one per table). */
  shares: number;
}

const required = (s: Scenario): Seat[] => s.seats.filter((x) => !x.optional);
const optional = (s: Scenario): Seat[] => s.seats.filter((x) => x.optional);

/**
 * Plans tables for `count` people over `scenarios` (at least one). Pure and
 * deterministic; no tables for no people. Throws without a scenario.
 */
export function planTables(count: number, scenarios: readonly Scenario[]): TablePlan {
  const first = scenarios[0];
  if (first === undefined) throw new Error("grouping needs at least one scenario");
  const nth = (i: number): Scenario => scenarios[i % scenarios.length] ?? first;
  const chosen: Scenario[] = [];
  let seats = 0;
  while (count > 0 && seats + required(nth(chosen.length)).length <= count) {
    seats += required(nth(chosen.length)).length;
    chosen.push(nth(chosen.length));
  }
  const spare = count - seats;
  const absorbable = chosen.reduce((n, s) => n + optional(s).length, 0) + chosen.length;
  if (count > 0 && (chosen.length === 0 || spare > absorbable)) chosen.push(nth(chosen.length));
  const requiredSlots = roundRobin(chosen, required, false);
  const extra = Math.max(0, count - requiredSlots.length);
  const optionalSlots = roundRobin(chosen, optional, true).slice(0, extra);
  return { scenarios: chosen, slots: [...requiredSlots, ...optionalSlots], shares: Math.max(0, extra - optionalSlots.length) };
}

/** Every table's k-th seat for k = 0, 1, …: spreads each seat position over the tables before the next. */
function roundRobin(tables: readonly Scenario[], pick: (s: Scenario) => Seat[], isOptional: boolean): Slot[] {
  const lists = tables.map(pick);
  const longest = Math.max(0, ...lists.map((l) => l.length));
  const slots: Slot[] = [];
  for (let k = 0; k < longest; k++) {
    lists.forEach((list, table) => {
      const seat = list[k];
      if (seat) slots.push({ table, seat: seat.id, side: seat.side, optional: isOptional });
    });
  }
  return slots;
}
