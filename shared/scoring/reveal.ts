import type { KeyMoment, NegotiationDebrief, NegotiationOutcome, PairSummary, SeatDebrief } from "./types.js";

/** What a seat learns of another seat at the debrief: its result and its objectives, not its personal scores. */
export interface RevealedCounterpart {
  seat: string;
  side: SeatDebrief["side"];
  title: string;
  ownPoints: number;
  batna: number;
  objectives: string[];
}

export interface SeatDebriefView {
  scenarioId: string;
  scenarioVersion: number;
  kind: string;
  outcome: NegotiationOutcome;
  pairs: PairSummary[];
  keyMoments: KeyMoment[];
  own: SeatDebrief | null;
  counterparts: RevealedCounterpart[];
}

/**
 * The debrief as one seat receives it: its own full debrief, the pairs it
 * took part in, and the reveal of its counterparts' results and objectives.
 * Other seats' trust, framing and style scores stay theirs (the facilitator
 * sees everything).
 */
export function debriefForSeat(d: NegotiationDebrief, seat: string): SeatDebriefView {
  const own = d.seats[seat] ?? null;
  const counterparts = (own?.counterparts ?? []).flatMap((id) => {
    const other = d.seats[id];
    if (!other) return [];
    return [{ seat: id, side: other.side, title: other.title, ownPoints: other.outcome.ownPoints.value, batna: other.outcome.batna.value, objectives: other.alignment.own }];
  });
  return {
    scenarioId: d.scenarioId,
    scenarioVersion: d.scenarioVersion,
    kind: d.kind,
    outcome: d.outcome,
    pairs: d.pairs.filter((p) => p.procurementSeat === seat || p.salesSeat === seat),
    keyMoments: d.keyMoments,
    own,
    counterparts,
  };
}
