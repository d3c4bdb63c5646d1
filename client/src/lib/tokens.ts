import { fragmentValue, normaliseCode, routeFromPath } from "./codes.js";

/**
 * Credentials kept in this browser, by join code: a seat token brings a player
 * back to the seat after a refresh; the trainer key reopens the facilitator
 * view; a session's participant token and trainer key do the same for a
 * session. All arrive in a link's fragment too (see takeFragmentCredential).
 */
const seatKey = (code: string) => `negotiation-seat:${normaliseCode(code)}`;
const trainerKeyName = (code: string) => `negotiation-trainer:${normaliseCode(code)}`;
// A session (cohort) has its own code space and credentials: a participant token, or the session's trainer key.
const sessionKeyName = (code: string) => `session-trainer:${normaliseCode(code)}`;
const participantName = (code: string) => `session-participant:${normaliseCode(code)}`;

export interface SavedSeat {
  token: string;
  seat: string | null;
  name: string;
}

/** localStorage that never throws; null when storage is disabled or the item is missing. */
export function readLocal(key: string): string | null {
  return read(key);
}

/** Writes (or, with null, removes) an item; a disabled storage is ignored. */
export function writeLocal(key: string, value: string | null): void {
  write(key, value);
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, policy): the page still works, it just cannot remember
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // as above: nothing to remember with
  }
}

function isSavedSeat(v: unknown): v is SavedSeat {
  if (!v || typeof v !== "object" || !("token" in v && "seat" in v && "name" in v)) return false;
  return typeof v.token === "string" && (typeof v.seat === "string" || v.seat === null) && typeof v.name === "string";
}

export function savedSeat(code: string): SavedSeat | null {
  const raw = read(seatKey(code));
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isSavedSeat(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSeat(code: string, seat: SavedSeat): void {
  write(seatKey(code), JSON.stringify(seat));
}

export function forgetSeat(code: string): void {
  write(seatKey(code), null);
}

export function savedTrainerKey(code: string): string | null {
  return read(trainerKeyName(code));
}

export function saveTrainerKey(code: string, key: string): void {
  write(trainerKeyName(code), key);
}

export function forgetTrainerKey(code: string): void {
  write(trainerKeyName(code), null);
}

/** The session trainer key; it also opens every table of the session. */
export function savedSessionKey(code: string): string | null {
  return read(sessionKeyName(code));
}

export function saveSessionKey(code: string, key: string): void {
  write(sessionKeyName(code), key);
}

export function forgetSessionKey(code: string): void {
  write(sessionKeyName(code), null);
}

/** A session participant's token: it brings them back to the waiting screen and their table. */
export function savedParticipantToken(code: string): string | null {
  return read(participantName(code));
}

export function saveParticipantToken(code: string, token: string): void {
  write(participantName(code), token);
}

export function forgetParticipantToken(code: string): void {
  write(participantName(code), null);
}

/**
 * A personal link (#token=…) or trainer link (#key=…) was opened: keep the
 * credential for its code and take it out of the address bar, so it is not
 * left on screen, in the history, or in a link copied from the address bar.
 */
export function takeFragmentCredential(): void {
  const { pathname, hash } = window.location;
  if (!hash) return;
  const route = routeFromPath(pathname);
  const token = fragmentValue(hash, "token");
  const key = fragmentValue(hash, "key");
  if (route.kind === "negotiation" && token) saveSeat(route.code, { token, seat: null, name: "" });
  else if (route.kind === "trainer" && key) saveTrainerKey(route.code, key);
  else if (route.kind === "session" && token) saveParticipantToken(route.code, token);
  else if ((route.kind === "session-trainer" || route.kind === "session-plenary") && key) saveSessionKey(route.code, key);
  else return;
  history.replaceState(history.state, "", pathname + window.location.search);
}
