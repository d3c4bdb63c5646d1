import type { Agreement, SystemPayloads } from "../negotiation/events.js";
import type { PairAnalysis } from "../scenario/analysis.js";
import type { Package, Side } from "../scenario/schema.js";
import type { MesoInsight } from "./meso.js";
import type { YearLater } from "./year-later.js";

export type { MesoInsight } from "./meso.js";

export type { YearLater, YearLaterLine, YearLaterSide, Renewal } from "./year-later.js";

/**
 * One number of the debrief. `explanation` is a plain sentence with the actual
 * figures; `events` are the seqs of the log entries that justify the number,
 * so a debrief screen can jump from a score to the moves behind it.
 */
export interface Metric {
  value: number;
  label: string;
  explanation: string;
  events: number[];
  /** Moves that were looked at and not credited, each with the reason (a repeat, no substance, no topic…). */
  ignored?: Ignored[];
}

/** A move a metric did not credit, and why. */
export interface Ignored {
  seq: number;
  why: string;
}

/**
 * A part of a 0–100 score. `weight` is its share of the score (0 when there
 * was nothing to judge and the other weights were rescaled); a component
 * without a weight is a deduction in points from the weighted result.
 */
export interface Component extends Metric {
  /** stable key of the part, e.g. "transparency", for the UI and coaching rules */
  id: string;
  weight?: number;
}

/** A 0–100 score with the parts it is made of. */
export interface Score extends Metric {
  components: Component[];
}

export type EndReason = SystemPayloads["negotiation.ended"]["reason"] | "not-ended";

export interface NegotiationOutcome {
  deal: boolean;
  reason: EndReason;
  agreement: Agreement | null;
  /** seq of the `negotiation.ended` entry, null while the talks are still open */
  endedSeq: number | null;
  explanation: string;
}

/**
 * What the scenario made possible for one buyer–supplier pair: the analysis
 * without its per-issue detail, frontier points without their packages, and
 * the split-the-difference agreement reduced to its joint points.
 */
export type PairSummary = Pick<PairAnalysis, "procurementSeat" | "salesSeat" | "agreements" | "batna" | "dealZone" | "agreementsAboveBatna" | "maxJoint" | "nash" | "integrativePotential" | "opposition"> & {
  frontier: { procurement: number; sales: number }[];
  splitJoint: number;
};

/** What the negotiation brought this seat: the tender adds the runner-up's second-source share and the bidder not awarded. */
export type SeatResult = "deal" | "second-source" | "not-awarded" | "no-deal";

export interface SeatOutcome {
  /** true when this seat is a party to the agreement */
  deal: boolean;
  result: SeatResult;
  /** One true sentence for the top of the seat's debrief. */
  headline: string;
  /** this seat walked away: with nothing on the table above its BATNA (the right call), or from a better offer */
  walkaway?: "principled" | "from-better-offer";
  /** the seat whose pair the outcome is measured in; null for a buyer with no award in a tender */
  counterpart: string | null;
  ownPoints: Metric;
  batna: Metric;
  surplus: Metric;
  counterpartPoints?: Metric;
  jointPoints?: Metric;
  shareOfSurplus?: Metric;
  distanceToFrontier?: Metric;
  jointOfMax?: Metric;
  distanceToNash?: Metric;
  /** no deal: the best joint surplus over both BATNAs the pair could have had */
  leftOnTable?: Metric;
  /** tender buyer with a split award, and the runner-up itself: the second-source contract */
  secondSource?: SecondSourceOutcome;
}

/** The runner-up's share of a split award, on its last bid's other terms. */
export interface SecondSourceOutcome {
  seat: string;
  name: string;
  /** option id of the share issue the runner-up supplies */
  share: string;
  shareLabel: string;
  package: Package;
  /** its points for the runner-up, and for the buyer */
  supplierPoints: number;
  buyerPoints: number;
  /** the runner-up's last bid */
  bid: number;
}

export interface ObjectivePair {
  own: string;
  other: string;
  relation: "aligned" | "conflict" | "neutral";
}

export interface GoalAlignment {
  own: string[];
  counterpart: string[];
  pairs: ObjectivePair[];
  aligned: Metric;
  misaligned: Metric;
  /** the three-objectives test: two of three (or more) misaligned */
  slimChance: boolean;
  servedOwn?: Metric;
  servedCounterpart?: Metric;
  servedIds: string[];
  guessAccuracy?: Metric;
}

export interface RiskStatus {
  risk: string;
  title: string;
  raised: boolean;
  /** how it was answered: a concrete mitigation at the table, or a deal term (only counted once it was raised) */
  addressed: "move" | "deal-term" | null;
  /** true when this seat earns the risk: it raised it or answered it, and it was answered */
  credited: boolean;
  /** a deal term mitigates it, whether or not anyone raised it */
  inDeal: boolean;
}

export interface RiskCategoryCoverage {
  category: string;
  risks: RiskStatus[];
}

export interface RiskCoverage {
  coverage: Metric;
  categories: RiskCategoryCoverage[];
  /** raised at the table but neither answered with a move nor carried by a deal term */
  unanswered: string[];
}

export type StyleLabel = "hardball" | "collaborative" | "mixed" | "quiet";

export interface StyleFit {
  style: StyleLabel;
  hardball: Metric;
  collaborative: Metric;
  fit: Score;
}

export interface OfferPoint {
  seq: number;
  at: number;
  minutesIn: number;
  kind: "offer" | "bid";
  to: string;
  ownPoints: number;
  counterpartPoints: number;
  final: boolean;
}

export interface OfferHistory {
  firstOffer: Metric | null;
  curve: OfferPoint[];
  totalConcession: Metric | null;
  biggestConcession: Metric | null;
  reciprocity: Component;
  /** for a seat whose side makes no offers (a tender's buyer): the bids it received, by bidder */
  received?: ReceivedBids[];
}

/** The bids one supplier sent this seat: `ownPoints` are this seat's points, `counterpartPoints` the bidder's. */
export interface ReceivedBids {
  seat: string;
  name: string;
  points: OfferPoint[];
  /** how many of this seat's points the bidder gave from its first to its last bid */
  gained: Metric;
}

export type MomentKind =
  | "first-offer"
  | "biggest-concession"
  | "bypass"
  | "disclosure"
  | "ultimatum"
  | "overclaim"
  | "agreement"
  | "walkaway"
  | "second-source"
  | "impasse";

export interface KeyMoment {
  seq: number;
  at: number;
  kind: MomentKind;
  seats: string[];
  caption: string;
}

export interface CoachingTip {
  id: string;
  text: string;
  events: number[];
}

export interface Coaching {
  summary: string;
  lines: string[];
  keyLessons: string[];
  tips: CoachingTip[];
}

export interface SeatDebrief {
  seat: string;
  side: Side;
  title: string;
  counterparts: string[];
  outcome: SeatOutcome;
  trust: Score;
  valueFraming: Score;
  alignment: GoalAlignment;
  risk: RiskCoverage | null;
  style: StyleFit;
  offers: OfferHistory;
  moments: KeyMoment[];
  coaching: Coaching;
  /** the agreement played forward one contract year (parties to the deal, when the scenario has money) */
  yearLater?: YearLater;
  /** multiple equivalent offers this seat made or received, and what the choice revealed */
  meso?: MesoInsight[];
}

export interface NegotiationDebrief {
  scenarioId: string;
  scenarioVersion: number;
  kind: string;
  outcome: NegotiationOutcome;
  pairs: PairSummary[];
  seats: Record<string, SeatDebrief>;
  keyMoments: KeyMoment[];
}
