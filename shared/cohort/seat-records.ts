import type { Seat } from "../scenario/schema.js";
import type { GoalAlignment, NegotiationDebrief, SeatDebrief } from "../scoring/types.js";
import { isReversed, roundTo } from "./placement.js";
import type { Participant, TableResult } from "./types.js";

/**
 * One person in one seat of one table, with the seat's debrief: the unit the
 * plenary averages and the exports write a row for. A seat shared by two
 * people gives two records with the same numbers; a seat nobody of the
 * cohort held but that took part (a bot played it) gives one record without
 * a participant; an empty seat that took no part gives none.
 */
export interface SeatRecord {
  result: TableResult;
  seat: Seat;
  participant: Participant | null;
  shared: boolean;
  /** Sat on the other side from their function; null for "other" and for bots. */
  reversed: boolean | null;
  /** null while the talks run */
  debrief: SeatDebrief | null;
}

/** The scores of a seat that the plenary and the exports use, each 0–100 (null where not measured). */
export interface SeatScores {
  trust: number;
  valueFraming: number;
  /** Goal alignment: the share of the seat's own objectives that align with one the counterpart chose (the three-objectives test). */
  alignment: number | null;
  riskCoverage: number | null;
}

/** Whether the negotiation has ended (a deal or an impasse), so its numbers are final. */
export function isFinished(debrief: NegotiationDebrief | null): debrief is NegotiationDebrief {
  return debrief !== null && debrief.outcome.reason !== "not-ended";
}

/** The records of one table, in the scenario's seat order. */
export function seatRecords(result: TableResult, people: ReadonlyMap<string, Participant>): SeatRecord[] {
  const finished = isFinished(result.debrief) ? result.debrief : null;
  return result.scenario.seats.flatMap((seat): SeatRecord[] => {
    const debrief = finished?.seats[seat.id] ?? null;
    const ids = (result.table.seats[seat.id] ?? []).filter((id) => people.has(id));
    const shared = ids.length > 1;
    const held = ids.flatMap((id) => {
      const participant = people.get(id);
      return participant ? [{ result, seat, participant, shared, reversed: isReversed(participant.function, seat.side), debrief }] : [];
    });
    if (held.length > 0) return held;
    return debrief ? [{ result, seat, participant: null, shared: false, reversed: null, debrief }] : [];
  });
}

/** Goal alignment in percent: aligned own objectives over own objectives; null unless both sides set objectives. */
export function alignmentPercent(a: GoalAlignment): number | null {
  if (a.own.length === 0 || a.counterpart.length === 0) return null;
  return roundTo((100 * a.aligned.value) / a.own.length, 1);
}

export function seatScores(d: SeatDebrief): SeatScores {
  return {
    trust: d.trust.value,
    valueFraming: d.valueFraming.value,
    alignment: alignmentPercent(d.alignment),
    riskCoverage: d.risk ? d.risk.coverage.value : null,
  };
}
