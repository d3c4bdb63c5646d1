import type { KeyMoment, NegotiationOutcome, PairSummary, SeatDebrief } from "./types.js";

/**
 * The debrief as one seat receives it. Which parts a seat gets is decided in
 * shared/negotiation/visibility.ts (`seatDebrief`); these are only its types.
 */

/** What a seat learns of a counterpart at the debrief: its result and its objectives, not its personal scores. */
export interface RevealedCounterpart {
  seat: string;
  side: SeatDebrief["side"];
  title: string;
  /** Its points, when they were measured in a deal with this seat (a losing bidder does not learn the winner's terms through the buyer's points). */
  ownPoints: number | null;
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
