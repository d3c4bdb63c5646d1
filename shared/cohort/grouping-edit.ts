import { describeGrouping, type GroupingContext } from "./grouping-notes.js";
import { MAX_PER_SEAT, type Grouping, type Table } from "./types.js";

/**
 * The trainer's hand moves on a grouping. Each returns a new grouping (the
 * input is never changed) with its notes written afresh, or a refusal with
 * a code and a sentence that says what to do instead.
 */

export type GroupingErrorCode = "unknown-table" | "unknown-seat" | "unknown-participant" | "seat-full" | "too-many" | "duplicate";

export type GroupingChange = { ok: true; grouping: Grouping } | { ok: false; code: GroupingErrorCode; message: string };

type Where = { table: number; seat: string } | "unassigned" | null;

function copy(grouping: Grouping): { tables: Table[]; unassigned: string[] } {
  const tables = grouping.tables.map((t) => ({ ...t, seats: Object.fromEntries(Object.entries(t.seats).map(([seat, ids]) => [seat, [...ids]])) }));
  return { tables, unassigned: [...grouping.unassigned] };
}

function locate(tables: readonly Table[], unassigned: readonly string[], id: string): Where {
  for (const [table, t] of tables.entries()) {
    for (const [seat, ids] of Object.entries(t.seats)) if (ids.includes(id)) return { table, seat };
  }
  return unassigned.includes(id) ? "unassigned" : null;
}

/** Takes the participant out of wherever they are. */
function remove(tables: Table[], unassigned: string[], id: string): void {
  for (const t of tables) for (const seat of Object.keys(t.seats)) t.seats[seat] = (t.seats[seat] ?? []).filter((x) => x !== id);
  const at = unassigned.indexOf(id);
  if (at >= 0) unassigned.splice(at, 1);
}

function refuse(code: GroupingErrorCode, message: string): GroupingChange {
  return { ok: false, code, message };
}

function done(tables: Table[], unassigned: string[], ctx: GroupingContext): GroupingChange {
  return { ok: true, grouping: { tables, unassigned, notes: describeGrouping(tables, unassigned, ctx) } };
}

function isKnown(grouping: Grouping, ctx: GroupingContext, id: string): boolean {
  return ctx.participants.some((p) => p.id === id) || locate(grouping.tables, grouping.unassigned, id) !== null;
}

function findSeat(tables: Table[], tableId: string, seatId: string): { table: Table } | GroupingChange {
  const table = tables.find((t) => t.id === tableId);
  if (!table) return refuse("unknown-table", `There is no table "${tableId}"; pick one of ${tables.map((t) => t.id).join(", ") || "none (group first)"}.`);
  if (!(seatId in table.seats)) return refuse("unknown-seat", `Table ${tableId} has no seat "${seatId}"; its seats are ${Object.keys(table.seats).join(", ")}.`);
  return { table };
}

/**
 * Moves a participant to a seat. Into an empty seat: they move. Into a seat
 * held by one person: the two swap places (the other goes where the mover
 * was — another seat, or the unassigned list). A seat already shared by two
 * is refused: move one of them first. A participant of the cohort who is not
 * yet in the grouping (a late arrival) may be moved in, too.
 */
export function moveParticipant(grouping: Grouping, participantId: string, tableId: string, seatId: string, ctx: GroupingContext): GroupingChange {
  if (!isKnown(grouping, ctx, participantId)) return refuse("unknown-participant", `"${participantId}" is not a participant of this session.`);
  const { tables, unassigned } = copy(grouping);
  const found = findSeat(tables, tableId, seatId);
  if (!("table" in found)) return found;
  const target = found.table.seats[seatId] ?? [];
  if (target.includes(participantId)) return done(tables, unassigned, ctx);
  if (target.length >= MAX_PER_SEAT) return refuse("seat-full", `Two people already share "${seatId}" at ${tableId}; move one of them away first.`);
  const from = locate(tables, unassigned, participantId);
  remove(tables, unassigned, participantId);
  const displaced = target[0];
  found.table.seats[seatId] = [participantId];
  if (displaced === undefined) return done(tables, unassigned, ctx);
  const back = from !== null && from !== "unassigned" ? tables[from.table]?.seats[from.seat] : undefined;
  if (back) back.push(displaced);
  else unassigned.push(displaced);
  return done(tables, unassigned, ctx);
}

/**
 * Sets exactly who sits in a seat: nobody (it stays empty, for a bot), one
 * person, or two sharing it. The people named leave wherever they were; the
 * seat's previous occupants who are not named go to the unassigned list.
 */
export function reassignSeat(grouping: Grouping, tableId: string, seatId: string, participantIds: readonly string[], ctx: GroupingContext): GroupingChange {
  if (participantIds.length > MAX_PER_SEAT) return refuse("too-many", `A seat holds at most ${MAX_PER_SEAT} people; you named ${participantIds.length}.`);
  if (new Set(participantIds).size !== participantIds.length) return refuse("duplicate", "The same person is named twice.");
  const unknown = participantIds.find((id) => !isKnown(grouping, ctx, id));
  if (unknown !== undefined) return refuse("unknown-participant", `"${unknown}" is not a participant of this session.`);
  const { tables, unassigned } = copy(grouping);
  const found = findSeat(tables, tableId, seatId);
  if (!("table" in found)) return found;
  const before = found.table.seats[seatId] ?? [];
  for (const id of participantIds) remove(tables, unassigned, id);
  found.table.seats[seatId] = [...participantIds];
  unassigned.push(...before.filter((id) => !participantIds.includes(id)));
  return done(tables, unassigned, ctx);
}

/**
 * Brings a grouping up to date with the cohort's participants: newcomers
 * join the unassigned list (in the order given), people no longer in the
 * cohort leave their seats. Notes are written afresh.
 */
export function syncParticipants(grouping: Grouping, ctx: GroupingContext): Grouping {
  const { tables, unassigned } = copy(grouping);
  const current = new Set(ctx.participants.map((p) => p.id));
  for (const t of tables) for (const seat of Object.keys(t.seats)) t.seats[seat] = (t.seats[seat] ?? []).filter((id) => current.has(id));
  const kept = unassigned.filter((id) => current.has(id));
  for (const p of ctx.participants) if (locate(tables, kept, p.id) === null) kept.push(p.id);
  return { tables, unassigned: kept, notes: describeGrouping(tables, kept, ctx) };
}
