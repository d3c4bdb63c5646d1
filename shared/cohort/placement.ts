import type { Scenario, Seat, Side } from "../scenario/schema.js";
import { biddableOptions } from "../scenario/points.js";
import type { Participant, ParticipantFunction, Table } from "./types.js";

/**
 * Small facts about where people sit, shared by grouping, plenary and
 * exports, so "reversed" and "a seat's scale" mean the same everywhere.
 */

/** The side a function plays at its day job; "other" has none. */
export function ownSide(fn: ParticipantFunction): Side | null {
  return fn === "other" ? null : fn;
}

/** The side across the table. */
export function otherSide(side: Side): Side {
  return side === "procurement" ? "sales" : "procurement";
}

/**
 * Whether someone of this function on a seat of this side plays the other
 * side from their day job (role reversal); null for "other", who has no side.
 */
export function isReversed(fn: ParticipantFunction, seatSide: Side): boolean | null {
  const own = ownSide(fn);
  return own === null ? null : own !== seatSide;
}

/** Participants by id. */
export function byId(participants: readonly Participant[]): Map<string, Participant> {
  return new Map(participants.map((p) => [p.id, p]));
}

/** A participant's display name, or the id when unknown. */
export function nameOf(people: ReadonlyMap<string, Participant>, id: string): string {
  return people.get(id)?.name ?? id;
}

/** Names joined as "A", "A and B", "A, B and C". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1] ?? ""}`;
}

/** The scenario a table plays, by id; undefined when it is not among `scenarios`. */
export function scenarioOf(scenarios: readonly Scenario[], table: Table): Scenario | undefined {
  return scenarios.find((s) => s.id === table.scenarioId);
}

/** The people in a seat of a table (none for an unknown seat). */
export function occupants(table: Table, seat: string): string[] {
  return table.seats[seat] ?? [];
}

/**
 * The points range a seat can end with: from its worst to its best package
 * (the sum of each issue's lowest / highest option), widened to include its
 * BATNA, which is what it gets without a deal.
 */
export function seatScale(scenario: Scenario, seat: Seat): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const issue of scenario.issues) {
    const points = biddableOptions(issue).map((o) => seat.brief.scoring[issue.id]?.[o.id] ?? 0);
    min += Math.min(...points);
    max += Math.max(...points);
  }
  const batna = seat.brief.batna.points;
  return { min: Math.min(min, batna), max: Math.max(max, batna) };
}

/** Rounds to `digits` decimals, without -0. */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f || 0;
}

/** The mean of the numbers, or null for none. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}
