import { ServerError, type Client } from "@colyseus/core";
import type { NegotiationSession } from "../negotiation/session.js";
import type { NegotiationStore } from "../storage/store.js";
import { hashToken, newSeatToken } from "./seat-tokens.js";

export interface JoinOptions {
  /** Claim this seat (with a display name). */
  seat?: string;
  name?: string;
  /** Return to a seat (or the facilitator's chair) held earlier: page refresh, new device, server restart. */
  token?: string;
  /** Take the facilitator's read-only chair (the first to ask gets it). */
  facilitator?: boolean;
}

export type Participant = { kind: "seat"; seat: string } | { kind: "facilitator" };

export interface Joined {
  participant: Participant;
  token: string;
  displayName: string;
  rejoin: boolean;
}

/** The facilitator's chair is stored like a seat under a key no scenario seat can have. */
export const FACILITATOR_KEY = "#facilitator";
/** Close code sent to an older connection when the same seat opens elsewhere. */
export const CLOSE_SEAT_OPENED_ELSEWHERE = 4100;

/**
 * Decides who a joining client is, from the server's records only: a seat
 * token, a free seat claimed through the machine, or the facilitator's chair.
 * Throws a ServerError with a message the join screen can show.
 */
export async function resolveJoin(session: NegotiationSession, store: NegotiationStore, o: JoinOptions, clients: readonly Client[], joining: Client): Promise<Joined> {
  const seats = await store.listSeats(session.id);
  if (typeof o.token === "string" && o.token) {
    const held = seats.find((s) => s.tokenHash === hashToken(o.token!));
    if (!held) throw new ServerError(403, "That link or token does not hold a seat in this negotiation. Ask for a fresh invitation, or join a free seat.");
    const participant: Participant = held.seatId === FACILITATOR_KEY ? { kind: "facilitator" } : { kind: "seat", seat: held.seatId };
    if (participant.kind === "seat") closeOtherConnections(clients, joining, participant.seat);
    return { participant, token: o.token, displayName: held.displayName, rejoin: true };
  }

  const name = typeof o.name === "string" ? o.name.trim() : "";
  if (name.length < 1 || name.length > 40) throw new ServerError(400, "Enter a display name of 1 to 40 characters.");
  const token = newSeatToken();
  const now = Date.now();

  if (o.facilitator === true) {
    if (seats.some((s) => s.seatId === FACILITATOR_KEY)) throw new ServerError(409, "This negotiation already has a facilitator.");
    await store.saveSeat(session.id, { seatId: FACILITATOR_KEY, tokenHash: hashToken(token), displayName: name, occupant: "human", claimedAt: now });
    return { participant: { kind: "facilitator" }, token, displayName: name, rejoin: false };
  }

  if (typeof o.seat !== "string" || !session.scenario.seats.some((s) => s.id === o.seat)) {
    throw new ServerError(400, `Choose a seat: ${session.scenario.seats.map((s) => s.id).join(", ")}.`);
  }
  const result = await session.submit({ type: "seat.claim", by: o.seat, seat: o.seat, occupant: "human" });
  if (!result.accepted) throw new ServerError(409, result.rejection.message);
  await store.saveSeat(session.id, { seatId: o.seat, tokenHash: hashToken(token), displayName: name, occupant: "human", claimedAt: now });
  return { participant: { kind: "seat", seat: o.seat }, token, displayName: name, rejoin: false };
}

/** A seat is held by one connection at a time: the newest wins, the older is told why. */
function closeOtherConnections(clients: readonly Client[], joining: Client, seat: string) {
  for (const c of clients) {
    const p = (c.userData as { participant?: Participant } | undefined)?.participant;
    if (c !== joining && p?.kind === "seat" && p.seat === seat) c.leave(CLOSE_SEAT_OPENED_ELSEWHERE, "This seat was opened in another window.");
  }
}
