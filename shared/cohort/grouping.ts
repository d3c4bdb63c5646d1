import { randomInt, type Random } from "../random.js";
import type { Scenario, Side } from "../scenario/schema.js";
import { planTables, type Slot } from "./grouping-plan.js";
import { describeGrouping, type GroupingContext } from "./grouping-notes.js";
import { byId, otherSide, ownSide, scenarioOf } from "./placement.js";
import { MAX_PER_SEAT, type Grouping, type Participant, type RolePolicy, type Table } from "./types.js";

export { describeGrouping, type GroupingContext } from "./grouping-notes.js";
export { planTables, type Slot, type TablePlan } from "./grouping-plan.js";
export { moveParticipant, reassignSeat, syncParticipants, type GroupingChange, type GroupingErrorCode } from "./grouping-edit.js";

/**
 * Auto-grouping: participants into tables, by the cohort's role policy.
 *
 * The rules, in words (for the trainer docs):
 * 1. Everyone is first shuffled with the session's seed, so who sits with
 *    whom does not follow the order people joined; the same seed gives the
 *    same grouping.
 * 2. Tables take the scenarios in turn (T1 the first, T2 the second, …,
 *    wrapping round). A partnership table is a pair (one procurement, one
 *    sales seat); a tender table is its buyer and its required suppliers.
 *    A table opens while all its required seats can be filled.
 * 3. Nobody is left out. People left over take, in this order: an optional
 *    seat (an extra supplier in a tender), one per table first; then a seat
 *    shared with someone (at most one shared seat per table, said in the
 *    notes). Only when even that cannot hold everyone does one more table
 *    open with required seats left empty, noted so the trainer can move
 *    someone or let a bot play it. Example: 7 people on a pair scenario
 *    make 3 tables, and one seat at one table is shared by two people.
 * 4. Seats by policy. Each person has a side they should play:
 *    - balanced: their own function's side (sales → sales seats,
 *      procurement → procurement seats); seats are filled round the tables
 *      so every table gets both functions where the numbers allow;
 *    - role-reversal: the other side (sales → procurement seats,
 *      procurement → sales seats);
 *    - self-select: the seat they asked for (a seat id, or a side), while
 *      such a seat is free; otherwise a seat of the same side, and people
 *      who asked for nothing play their own function's side;
 *    - random: no side; the shuffle decides.
 *    People with a side fill that side's seats first; "other" people fill
 *    what is left; then those whose side ran out of seats take any seat
 *    still free (the notes name them); whoever remains shares a seat of
 *    their side, at a table that lacks their function if there is one.
 */
export function autoGroup(
  participants: readonly Participant[],
  scenarios: readonly Scenario[],
  policy: RolePolicy,
  random: Random,
  preferences: Readonly<Record<string, string>> = {},
): Grouping {
  const people = shuffle(participants, random);
  const plan = planTables(people.length, scenarios);
  const tables = plan.scenarios.map(emptyTable);
  const free = [...plan.slots];
  const seat = (person: Participant, fits: (slot: Slot) => boolean): boolean => {
    const at = free.findIndex(fits);
    const slot = free[at];
    if (!slot) return false;
    free.splice(at, 1);
    tables[slot.table]?.seats[slot.seat]?.push(person.id);
    return true;
  };
  const wanted = new Map<string, Side | null>();
  const waiting: Participant[] = [];
  for (const person of people) {
    const ask = policy === "self-select" ? preferences[person.id] : undefined;
    const asked = ask === undefined ? undefined : askedSide(plan.scenarios, ask);
    if (ask !== undefined && asked !== undefined && seat(person, (s) => s.seat === ask || (!seatExists(plan.scenarios, ask) && s.side === ask))) continue;
    wanted.set(person.id, asked ?? sideFor(policy, person));
    waiting.push(person);
  }
  // Those with a side take its seats; then people with no side, then those whose side was full, take any seat left.
  const overflow: Participant[] = [];
  for (const p of waiting) {
    const side = wanted.get(p.id) ?? null;
    if (side !== null && !seat(p, (s) => s.side === side)) overflow.push(p);
  }
  const left: Participant[] = [];
  for (const p of [...waiting.filter((p) => wanted.get(p.id) === null), ...overflow]) if (!seat(p, () => true)) left.push(p);
  const unassigned = left.filter((p) => !shareSeat(tables, scenarios, participants, p, wanted.get(p.id) ?? null)).map((p) => p.id);
  const ctx: GroupingContext = { participants, scenarios, policy, preferences };
  return { tables, unassigned, notes: describeGrouping(tables, unassigned, ctx) };
}

/** A seeded Fisher–Yates shuffle: a new array, the input untouched. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, 0, i);
    const a = out[i];
    const b = out[j];
    if (a === undefined || b === undefined) continue;
    [out[i], out[j]] = [b, a];
  }
  return out;
}

/** The side a policy wants this person on (null: any seat). */
function sideFor(policy: RolePolicy, person: Participant): Side | null {
  const own = ownSide(person.function);
  if (policy === "random" || own === null) return null;
  return policy === "role-reversal" ? otherSide(own) : own;
}

function seatExists(scenarios: readonly Scenario[], id: string): boolean {
  return scenarios.some((s) => s.seats.some((x) => x.id === id));
}

/** The side of the seat someone asked for: a seat id of the session's scenarios, or a side name; undefined when neither. */
function askedSide(scenarios: readonly Scenario[], ask: string): Side | undefined {
  for (const s of scenarios) {
    const found = s.seats.find((x) => x.id === ask);
    if (found) return found.side;
  }
  return ask === "procurement" || ask === "sales" ? ask : undefined;
}

function emptyTable(scenario: Scenario, index: number): Table {
  return { id: `T${index + 1}`, scenarioId: scenario.id, seats: Object.fromEntries(scenario.seats.map((s) => [s.id, []])) };
}

/**
 * Seats a left-over person with someone: a seat of `side` (any side when
 * null or none fits) holding one person, at a table with no shared seat yet,
 * preferring a table that lacks the person's function. False when no seat
 * can take them.
 */
function shareSeat(tables: Table[], scenarios: readonly Scenario[], participants: readonly Participant[], person: Participant, side: Side | null): boolean {
  const people = byId(participants);
  const candidates = tables.flatMap((table) => {
    const scenario = scenarioOf(scenarios, table);
    const values = Object.values(table.seats);
    if (!scenario || values.some((ids) => ids.length >= MAX_PER_SEAT)) return [];
    const lacks = !values.some((ids) => ids.some((id) => people.get(id)?.function === person.function));
    return scenario.seats.filter((s) => (table.seats[s.id] ?? []).length === 1).map((s) => ({ table, seat: s.id, side: s.side, lacks }));
  });
  const order = [...candidates.filter((c) => c.lacks), ...candidates.filter((c) => !c.lacks)];
  const pick = order.find((c) => side === null || c.side === side) ?? order[0];
  if (!pick) return false;
  pick.table.seats[pick.seat]?.push(person.id);
  return true;
}
