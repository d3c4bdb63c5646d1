import type { Package, Phase, Scenario, Side } from "../scenario/schema.js";
import type { Agreement, LogEntry, NegotiationEvent, Rejection, SystemPayloads } from "./events.js";

/** A proposal that has not been accepted, rejected or superseded yet. */
export interface OpenOffer {
  seq: number;
  from: string;
  to: string;
}

/** A sealed bid as the machine keeps it: the log entry's seq, the package and the phase (round) it was made in. */
export interface BidRecord {
  seq: number;
  package: Package;
  phase: string;
}

export type Ending = Pick<SystemPayloads["negotiation.ended"], "outcome" | "reason">;

/**
 * Everything the negotiation machine knows. Plain JSON only (no Maps, class
 * instances or functions) so a persisted snapshot survives a JSON round trip.
 */
export interface NegotiationContext {
  /** Multiplies every phase duration and extension (1 = the scenario's minutes). */
  timeScale: number;
  /** "lobby", a phase id, or "debrief"; mirrors the state value. */
  phase: string;
  /** The latest `at` seen. */
  now: number;
  phaseStartedAt: number | null;
  phaseEndsAt: number | null;
  pausedAt: number | null;
  /** Claimed seats and who occupies them. */
  seats: Record<string, "human" | "bot">;
  /** Seats taking part, fixed when the session starts (scenario order). */
  present: string[];
  /** Suppliers who walked away from a tender. */
  withdrawn: string[];
  /** Seats ready to leave the current phase. */
  ready: string[];
  objectives: Record<string, string[]>;
  guesses: Record<string, string[]>;
  plans: Record<string, string>;
  /** Private fact ids each seat has disclosed. */
  disclosed: Record<string, string[]>;
  rfqIssued: boolean;
  openOffers: OpenOffer[];
  /** Latest bid of each supplier in the current sealed-bid round. */
  roundBids: Record<string, BidRecord>;
  /** Latest bid of each supplier overall (what an award accepts). */
  lastBids: Record<string, BidRecord>;
  /** Seats that have submitted the reflection survey. */
  reflections: string[];
  agreement: Agreement | null;
  ending: Ending | null;
  log: LogEntry[];
  lastRejection: Rejection | null;
  /**
   * The event most recently applied or rejected. Eventless transitions see the
   * event of the macrostep, so the catch-all rejection compares against this
   * to know whether the event was already answered.
   */
  lastEvent: NegotiationEvent | null;
}

export interface NegotiationInput {
  timeScale?: number;
}

/** The context of a fresh negotiation in the lobby. */
export function initialContext(input: NegotiationInput | undefined): NegotiationContext {
  const timeScale = input?.timeScale ?? 1;
  if (!Number.isFinite(timeScale) || timeScale <= 0) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  return {
    timeScale,
    phase: "lobby",
    now: 0,
    phaseStartedAt: null,
    phaseEndsAt: null,
    pausedAt: null,
    seats: {},
    present: [],
    withdrawn: [],
    ready: [],
    objectives: {},
    guesses: {},
    plans: {},
    disclosed: {},
    rfqIssued: false,
    openOffers: [],
    roundBids: {},
    lastBids: {},
    reflections: [],
    agreement: null,
    ending: null,
    log: [],
    lastRejection: null,
    lastEvent: null,
  };
}

/** Own-property lookup, so ids such as "constructor" never hit Object.prototype. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The side of a scenario seat, or undefined for anything else. */
export function sideOf(scenario: Scenario, seatId: string): Side | undefined {
  return scenario.seats.find((s) => s.id === seatId)?.side;
}

/** The running scenario phase, or undefined in the lobby and the debrief. */
export function currentPhase(scenario: Scenario, ctx: NegotiationContext): Phase | undefined {
  return scenario.phases.find((p) => p.id === ctx.phase);
}

/** Present seats that have not withdrawn, in scenario order. */
export function activeSeats(ctx: NegotiationContext): string[] {
  return ctx.present.filter((s) => !ctx.withdrawn.includes(s));
}

/** Active seats of one side. */
export function activeOfSide(scenario: Scenario, ctx: NegotiationContext, side: Side): string[] {
  return activeSeats(ctx).filter((s) => sideOf(scenario, s) === side);
}

/** Present procurement seats; the first one is the lead buyer whose points rank bids. */
export function procurementSeats(scenario: Scenario, ctx: NegotiationContext): string[] {
  return ctx.present.filter((s) => sideOf(scenario, s) === "procurement");
}

/** A tender: more than one supplier seat in the scenario, so suppliers compete. */
export function isTender(scenario: Scenario): boolean {
  return scenario.seats.filter((s) => s.side === "sales").length > 1;
}

/** Milliseconds a phase lasts at this session's time scale. */
export function phaseDuration(phase: Phase, ctx: NegotiationContext): number {
  return phase.minutes * 60_000 * ctx.timeScale;
}
