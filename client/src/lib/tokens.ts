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

/**
 * What this device remembers about a negotiation it holds a seat or the
 * trainer key in, for the home page's list: written by the connection as the
 * negotiation moves on, never sent anywhere.
 */
export interface NegotiationMemo {
  scenarioTitle: string;
  /** The seat's title ("Head of Procurement"), or null for the facilitator view. */
  seatTitle: string | null;
  status: "lobby" | "running" | "finished";
  /** Where it stood when this device last saw it: "Lobby", a phase's title, "Debrief". */
  stage: string;
  updatedAt: number;
}

const memoName = (code: string) => `negotiation-memo:${normaliseCode(code)}`;

function isMemo(v: unknown): v is NegotiationMemo {
  if (!v || typeof v !== "object" || !("scenarioTitle" in v && "seatTitle" in v && "status" in v && "stage" in v && "updatedAt" in v)) return false;
  const m = v;
  return typeof m.scenarioTitle === "string" && (typeof m.seatTitle === "string" || m.seatTitle === null)
    && (m.status === "lobby" || m.status === "running" || m.status === "finished") && typeof m.stage === "string" && typeof m.updatedAt === "number";
}

export function savedMemo(code: string): NegotiationMemo | null {
  const raw = read(memoName(code));
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isMemo(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveMemo(code: string, memo: NegotiationMemo): void {
  write(memoName(code), JSON.stringify(memo));
}

/** One negotiation this device can reopen: as a seat (its token) or as the trainer (the key). */
export interface DeviceNegotiation {
  code: string;
  role: "seat" | "trainer";
  seat: SavedSeat | null;
  memo: NegotiationMemo | null;
}

function storedKeys(): string[] {
  try {
    return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => k !== null);
  } catch {
    return [];
  }
}

/** Every negotiation this browser holds a seat token or trainer key for, the most recently seen first. */
export function deviceNegotiations(): DeviceNegotiation[] {
  const found: DeviceNegotiation[] = [];
  for (const key of storedKeys()) {
    const seat = /^negotiation-seat:(.+)$/.exec(key)?.[1];
    const trainer = /^negotiation-trainer:(.+)$/.exec(key)?.[1];
    if (seat) {
      const saved = savedSeat(seat);
      if (saved) found.push({ code: seat, role: "seat", seat: saved, memo: savedMemo(seat) });
    } else if (trainer && savedTrainerKey(trainer)) {
      found.push({ code: trainer, role: "trainer", seat: null, memo: savedMemo(trainer) });
    }
  }
  return found.sort((a, b) => (b.memo?.updatedAt ?? 0) - (a.memo?.updatedAt ?? 0));
}

/** Drops everything this browser keeps for a negotiation (the negotiation itself stays on the server). */
export function forgetNegotiation(code: string): void {
  forgetSeat(code);
  forgetTrainerKey(code);
  write(memoName(code), null);
}
