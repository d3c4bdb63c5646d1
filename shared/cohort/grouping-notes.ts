import type { Scenario, Side } from "../scenario/schema.js";
import { byId, listWords, nameOf, ownSide, scenarioOf } from "./placement.js";
import type { Participant, RolePolicy, Table } from "./types.js";

/**
 * The trainer's notes on a grouping, derived from the seating alone, so they
 * stay true after every hand move: empty required seats, shared seats, who
 * could not be seated as the policy wanted, tables without a mix, who is not
 * at a table. Plain sentences; names are included (the trainer's screen).
 */

/** What the notes and the hand moves need besides the grouping itself. */
export interface GroupingContext {
  participants: readonly Participant[];
  scenarios: readonly Scenario[];
  policy: RolePolicy;
  /** Self-select: the seat id (or side) each participant asked for. */
  preferences?: Readonly<Record<string, string>>;
}

interface Placed {
  person: Participant;
  table: Table;
  seat: string;
  side: Side;
}

const NUMBER_WORDS = ["No", "One", "Two", "Three", "Four", "Five"];

function count(n: number, word: string): string {
  return `${NUMBER_WORDS[n] ?? String(n)} ${word}${n === 1 ? "" : "s"}`;
}

/** Everyone seated, with the side of their seat, in table and seat order. */
function placements(tables: readonly Table[], ctx: GroupingContext): Placed[] {
  const people = byId(ctx.participants);
  return tables.flatMap((table) => {
    const scenario = scenarioOf(ctx.scenarios, table);
    return (scenario?.seats ?? []).flatMap((seat) =>
      (table.seats[seat.id] ?? []).flatMap((id) => {
        const person = people.get(id);
        return person ? [{ person, table, seat: seat.id, side: seat.side }] : [];
      }),
    );
  });
}

function seatNotes(table: Table, ctx: GroupingContext): string[] {
  const scenario = scenarioOf(ctx.scenarios, table);
  if (!scenario) return [`${table.id} plays scenario "${table.scenarioId}", which this session does not have.`];
  const people = byId(ctx.participants);
  const notes: string[] = [];
  for (const side of ["procurement", "sales"] as const) {
    const empty = scenario.seats.filter((s) => s.side === side && !s.optional && (table.seats[s.id] ?? []).length === 0).length;
    if (empty === 1) notes.push(`One ${side} seat is empty at ${table.id}: assign someone or leave it for a bot.`);
    else if (empty > 1) notes.push(`${count(empty, `${side} seat`)} are empty at ${table.id}: assign people or leave them for bots.`);
  }
  for (const seat of scenario.seats) {
    const ids = table.seats[seat.id] ?? [];
    if (ids.length > 1) {
      const names = listWords(ids.map((id) => nameOf(people, id)));
      notes.push(`${names} share one ${seat.side} seat (${seat.title}) at ${table.id}: they play it together.`);
    }
  }
  return notes;
}

function where(p: Placed): string {
  return `${p.person.name} (${p.person.function}, ${p.table.id})`;
}

function policyNotes(placed: readonly Placed[], tables: readonly Table[], ctx: GroupingContext): string[] {
  const notes: string[] = [];
  if (ctx.policy === "role-reversal") {
    const own = placed.filter((p) => ownSide(p.person.function) === p.side);
    if (own.length > 0) notes.push(`Role reversal: not enough seats on the other side for ${listWords(own.map(where))}, so ${own.length === 1 ? "this person plays" : "they play"} their own side.`);
  }
  if (ctx.policy === "balanced") {
    const across = placed.filter((p) => ownSide(p.person.function) !== null && ownSide(p.person.function) !== p.side);
    if (across.length > 0) notes.push(`Balanced: more people of one function than seats on their side, so ${listWords(across.map(where))} ${across.length === 1 ? "plays" : "play"} the other side.`);
  }
  if (ctx.policy === "balanced" || ctx.policy === "role-reversal") notes.push(...mixNotes(placed, tables, ctx));
  if (ctx.policy === "self-select") notes.push(...preferenceNotes(placed, ctx));
  return notes;
}

/** Tables seating only one of the two functions, when the cohort has both. */
function mixNotes(placed: readonly Placed[], tables: readonly Table[], ctx: GroupingContext): string[] {
  const functions = new Set(placed.map((p) => p.person.function));
  if (!functions.has("sales") || !functions.has("procurement")) return [];
  const busy = tables.filter((t) => placed.some((p) => p.table === t)).length;
  return tables.flatMap((table) => {
    const here = new Set(placed.filter((p) => p.table === table).map((p) => p.person.function));
    if (here.size === 0 || (here.has("sales") && here.has("procurement"))) return [];
    const missing = here.has("sales") ? "procurement" : "sales";
    const few = ctx.participants.filter((p) => p.function === missing).length < busy;
    return [`No mix at ${table.id}: nobody from ${missing} sits at this table${few ? ` (there are fewer ${missing} people than tables)` : ""}.`];
  });
}

function preferenceNotes(placed: readonly Placed[], ctx: GroupingContext): string[] {
  const prefs = ctx.preferences ?? {};
  const seatIds = new Set(ctx.scenarios.flatMap((s) => s.seats.map((x) => x.id)));
  const notes: string[] = [];
  for (const p of placed) {
    const asked = prefs[p.person.id];
    if (asked === undefined || asked === p.seat || (!seatIds.has(asked) && asked === p.side)) continue;
    if (!seatIds.has(asked) && asked !== "procurement" && asked !== "sales") {
      notes.push(`Self-select: ${p.person.name} asked for "${asked}", which no scenario of this session has; they sit on "${p.seat}" at ${p.table.id}.`);
    } else {
      notes.push(`Self-select: ${p.person.name} asked for "${asked}" but sits on "${p.seat}" at ${p.table.id}: no such seat was free.`);
    }
  }
  return notes;
}

/** The trainer's notes for these tables and unassigned participants (see the module comment). */
export function describeGrouping(tables: readonly Table[], unassigned: readonly string[], ctx: GroupingContext): string[] {
  const people = byId(ctx.participants);
  const placed = placements(tables, ctx);
  const notes = [...tables.flatMap((t) => seatNotes(t, ctx)), ...policyNotes(placed, tables, ctx)];
  if (unassigned.length > 0) notes.push(`Not at a table yet: ${listWords(unassigned.map((id) => nameOf(people, id)))}.`);
  return notes;
}
