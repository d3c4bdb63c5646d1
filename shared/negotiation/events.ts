import type { MovePayloadsFromProtocol } from "../protocol.js";
import type { MoveType, Package } from "../scenario/schema.js";

/**
 * Events the negotiation machine accepts, and the entries of its event log.
 *
 * Every event carries `by` — a seat id, "facilitator" or "system" — stamped by
 * the server from the session (never taken from a message body), `at` — a
 * millisecond timestamp from the injected clock — and an optional `ref`, the
 * client's request id, echoed on a rejection so the client can show it where
 * the move was made.
 */

export type Actor = string; // a seat id, or one of the two below
export const FACILITATOR = "facilitator";
export const SYSTEM = "system";

interface Base {
  by: Actor;
  at: number;
  ref?: string;
}

/**
 * Payload of each move, by move type — inferred from the wire schemas in
 * shared/protocol.ts so the two can never drift. `to` names recipient seats;
 * omitted means "every counterpart".
 */
export type MovePayloads = MovePayloadsFromProtocol;

/**
 * The move event of one move type. Written over a type parameter (not as an
 * `Extract` from the union) so that, for a generic `T`, `event.type` is `T`:
 * code can then look up a per-type table with it (validate-move.ts).
 */
export type MoveEventOf<T extends MoveType> = Base & { type: T } & MovePayloads[T];

export type MoveEvent = {
  [T in MoveType]: MoveEventOf<T>;
}[MoveType];

/** Session controls: lobby, facilitator and clock. */
export type ControlEvent =
  | (Base & { type: "seat.claim"; seat: string; occupant: "human" | "bot" })
  | (Base & { type: "seat.release"; seat: string })
  | (Base & { type: "session.start" })
  | (Base & { type: "phase.advance" })
  | (Base & { type: "phase.extend"; minutes: number })
  | (Base & { type: "session.pause" })
  | (Base & { type: "session.resume" })
  | (Base & { type: "session.end"; reason: string })
  /** The trainer announces one of the scenario's market events to every seat. */
  | (Base & { type: "market.event"; event: string })
  | (Base & { type: "time.tick" });

export type NegotiationEvent = MoveEvent | ControlEvent;

/** Log entry types: every accepted move and control, plus what the machine itself records. */
export type SystemEntryType =
  | "phase.started"
  | "round.closed"
  | "bid.ranked"
  | "negotiation.ended";

export type LogEntryType = NegotiationEvent["type"] | SystemEntryType;

/**
 * One entry of the append-only event log — the single source for replay,
 * scoring and export. `audience` lists the seats that may see the entry in
 * their transcript before the debrief ("all" for every seat); the facilitator
 * sees everything.
 */
export interface LogEntry {
  seq: number;
  at: number;
  by: Actor;
  type: LogEntryType;
  phase: string; // phase id, or "lobby" / "debrief"
  payload: Record<string, unknown>;
  audience: "all" | string[];
}

/**
 * Payloads the machine writes for entries that are not a copy of the event
 * (the rest copy the move's payload with `to` resolved to seat ids).
 *
 * These are the log's payloads, where a reference to another entry is always
 * its log seq (a number). A seat's transcript (transcript.ts) renumbers every
 * such reference into the viewer's own numbering and sets it to null where
 * the viewer cannot see the entry referred to: `round.closed` bids[].seq,
 * `offer.accept` offer, `award.make` bid, `negotiation.ended`
 * agreement.source. A reader of a transcript takes them as `number | null`.
 */
export interface SystemPayloads {
  "phase.started": { phase: string; endsAt: number | null };
  /**
   * Audience: the procurement seat. The bids of the round, opened; `seq` is
   * the bid's log entry (null in a transcript that cannot see it, see above).
   */
  "round.closed": { phase: string; bids: { seat: string; seq: number; package: Package }[] };
  /** Audience: the supplier ranked (and procurement). Rank 1 is best for the buyer. */
  "bid.ranked": { phase: string; seat: string; rank: number; of: number };
  "negotiation.ended": {
    outcome: "deal" | "no-deal";
    reason: "accepted" | "awarded" | "walkaway" | "timeout" | "ended-by-facilitator" | "all-withdrew";
    agreement: Agreement | null;
  };
  /** `offer.accept` entries carry the accepted package and both parties. */
  "offer.accept": { offer: number; package: Package; parties: [string, string] };
  /** `award.make` entries carry the awarded bid. */
  "award.make": { to: string; bid: number; package: Package };
}

export interface Agreement {
  /** [procurement seat, sales seat] */
  parties: [string, string];
  package: Package;
  /** seq of the accepted offer or awarded bid */
  source: number;
}

/** Why a move was refused. Every code has a human message alongside it. */
export const REJECTION_CODES = [
  "not-a-seat",
  "seat-taken",
  "not-allowed",
  "wrong-phase",
  "wrong-role",
  "paused",
  "negotiation-over",
  "withdrawn",
  "invalid-package",
  "unknown-reference",
  "invalid-recipient",
  "offer-not-found",
  "offer-not-for-you",
  "offer-superseded",
  "already-done",
  "invalid-objectives",
  "requirements-not-met",
  "invalid-input",
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  code: RejectionCode;
  message: string;
  by: Actor;
  type: string;
  ref?: string;
  at: number;
}
