import { ServerError, type Client } from "@colyseus/core";
import type { NegotiationSession } from "../negotiation/session.js";
import type { NegotiationStore, SeatRecord } from "../storage/store.js";
import { hashToken, newSeatToken, sameHash } from "./seat-tokens.js";

/**
 * How a client says who it is when joining. Only the server's records
 * decide: a seat token, a trainer key, or a free seat claimed through the
 * machine. Nothing in these options is believed on its own.
 */
export interface JoinOptions {
  /** Claim this free seat, with a display name. */
  seat?: unknown;
  name?: unknown;
  /** Return to a seat held earlier: page refresh, new device (the personal link), server restart. */
  token?: unknown;
  /** Open the trainer's view: the secret key given once to whoever created the negotiation. */
  trainerKey?: unknown;
}

export type Participant = { kind: "seat"; seat: string } | { kind: "trainer" };

export interface Joined {
  participant: Participant;
  /** The seat token (for the personal link); null for the trainer, whose key the client already holds. */
  token: string | null;
  displayName: string;
  rejoin: boolean;
}

/** The trainer key is stored (hashed) like a seat under a key no scenario seat can have. */
export const TRAINER_KEY = "#trainer";
/** Close code sent to an older connection when the same seat opens elsewhere. */
export const CLOSE_SEAT_OPENED_ELSEWHERE = 4100;

/** Normalises a display name or says why it cannot be used (shared/text.ts decides). */
export type NameCheck = (raw: unknown) => { ok: true; name: string } | { ok: false; message: string };

/**
 * Decides who a joining client is, from the server's records only. Throws a
 * ServerError with a message the join screen can show.
 */
export async function resolveJoin(session: NegotiationSession, store: NegotiationStore, o: JoinOptions, checkName: NameCheck): Promise<Joined> {
  const records = await store.listSeats(session.id);
  if (o.trainerKey !== undefined) {
    const trainer = records.find((r) => r.seatId === TRAINER_KEY);
    if (typeof o.trainerKey !== "string" || !trainer || !sameHash(trainer.tokenHash, hashToken(o.trainerKey))) {
      throw new ServerError(403, "That trainer link is not valid for this negotiation. Use the link you were given when you created it.");
    }
    return { participant: { kind: "trainer" }, token: null, displayName: "Trainer", rejoin: true };
  }
  if (o.token !== undefined) return rejoinSeat(records, o.token);

  const name = checkName(o.name);
  if (!name.ok) throw new ServerError(400, name.message);
  const seat = typeof o.seat === "string" ? session.scenario.seats.find((s) => s.id === o.seat) : undefined;
  if (!seat) throw new ServerError(400, `Choose a seat: ${session.scenario.seats.map((s) => s.title).join(", ")}.`);
  const result = await session.submit({ type: "seat.claim", by: seat.id, seat: seat.id, occupant: "human" });
  if (!result.accepted) throw new ServerError(409, result.rejection.message);
  const token = newSeatToken();
  await store.saveSeat(session.id, { seatId: seat.id, tokenHash: hashToken(token), displayName: name.name, occupant: "human", claimedAt: Date.now() });
  return { participant: { kind: "seat", seat: seat.id }, token, displayName: name.name, rejoin: false };
}

function rejoinSeat(records: readonly SeatRecord[], token: unknown): Joined {
  const hash = typeof token === "string" && token.length > 0 && token.length <= 128 ? hashToken(token) : null;
  // The trainer's row is never a seat: a trainer key sent as a seat token opens nothing.
  const held = hash === null ? undefined : records.find((r) => r.seatId !== TRAINER_KEY && sameHash(r.tokenHash, hash));
  if (!held) throw new ServerError(403, "That link does not hold a seat in this negotiation. Ask for a fresh invitation, or join a free seat.");
  return { participant: { kind: "seat", seat: held.seatId }, token: typeof token === "string" ? token : null, displayName: held.displayName, rejoin: true };
}

/** Who a connected client is, read from what onJoin stored on it (Colyseus types userData as any). */
export function participantOf(c: Client): Participant | undefined {
  const data: unknown = c.userData;
  if (typeof data !== "object" || data === null || !("participant" in data)) return undefined;
  const p: unknown = data.participant;
  if (typeof p !== "object" || p === null || !("kind" in p)) return undefined;
  if (p.kind === "trainer") return { kind: "trainer" };
  return p.kind === "seat" && "seat" in p && typeof p.seat === "string" ? { kind: "seat", seat: p.seat } : undefined;
}

/** A seat is held by one connection at a time: the newest wins, the older is told why. */
export function closeOtherConnections(clients: readonly Client[], joining: Client, seat: string): void {
  for (const c of clients) {
    const p = participantOf(c);
    if (c !== joining && p?.kind === "seat" && p.seat === seat) c.leave(CLOSE_SEAT_OPENED_ELSEWHERE, "This seat was opened in another window.");
  }
}
