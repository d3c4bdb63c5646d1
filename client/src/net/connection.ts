import { Client, ServerError, type Room } from "@colyseus/sdk";
import { create } from "zustand";
import type { ControlInput, ErrorReply, MoveInput, OkReply } from "../../../shared/protocol.js";
import { errorMessage, fetchArchivedDebrief, fetchNegotiation } from "../lib/api.js";
import { navigate, negotiationPath, normaliseCode } from "../lib/codes.js";
import { forgetSeat, forgetTrainerKey, saveMemo, savedMemo, saveSeat, savedSeat, savedTrainerKey, type NegotiationMemo } from "../lib/tokens.js";
import { resetStore, useStore, type NegotiationSnapshot } from "../store/store.js";
import { protocolVersion } from "./protocol-version.js";
import { nextRef } from "./refs.js";
import { toSnapshot, TRAINER_VIEW, type RawState } from "./snapshot.js";

/**
 * The adapter between the Colyseus room and the store: it joins, turns every
 * state change into a plain snapshot, tracks requests by id so a refusal is
 * shown where the move was made, and reports the connection's health.
 */

type Reply = OkReply | ErrorReply;
interface Hello { protocol: number; role: "seat" | "trainer"; seat: string | null; token: string | null; negotiationId: string; serverTime: number }

const CLOSE_SEAT_OPENED_ELSEWHERE = 4100;
const CONSENTED = 4000;

let client: Client | null = null;
let room: Room | null = null;
let joining: Promise<boolean> | null = null;
/** The code whose archived debrief the store holds (the archive itself does not name it). */
let archiveCode: string | null = null;
const waiting = new Map<string, { origin: string; resolve: (r: Reply) => void }>();

function sdk(): Client {
  client ??= new Client(window.location.origin);
  return client;
}

export type JoinRequest =
  | { kind: "seat"; code: string; seat: string; name: string }
  | { kind: "token"; code: string }
  | { kind: "trainer"; code: string; key?: string };

/**
 * Joins a negotiation; on failure the store's `problem` says why and what to do.
 * One join at a time: a second call while one is under way (a double click)
 * gets the first one's answer instead of claiming a second seat.
 */
export function join(request: JoinRequest): Promise<boolean> {
  stopRejoining();
  joining ??= joinOnce(request).finally(() => {
    joining = null;
  });
  return joining;
}

async function joinOnce(request: JoinRequest): Promise<boolean> {
  const code = normaliseCode(request.code);
  // One browser, one seat per negotiation: a second seat is never taken silently (Home offers to reopen the one held).
  if (request.kind === "seat" && savedSeat(code)) {
    useStore.setState({ problem: `This browser already holds ${heldSeatWords(code)} in negotiation ${code}. Reopen it instead of taking another seat.` });
    return false;
  }
  await leave(false);
  if (useStore.getState().outdated) return false;
  useStore.setState({ status: "connecting", problem: null });
  try {
    const expected = await protocolVersion();
    attach(await openReopening(request, code), expected);
    return true;
  } catch (error) {
    const credential = request.kind === "token" ? savedSeat(code)?.token : request.kind === "trainer" ? (request.key ?? savedTrainerKey(code)) : undefined;
    if (credential && (await openArchive(code, credential))) return true;
    if (request.kind === "token" && isRefused(error)) forgetSeat(code);
    if (request.kind === "trainer" && isRefused(error)) forgetTrainerKey(code);
    useStore.setState({ status: "idle", problem: joinProblem(error) });
    return false;
  }
}

/** A finished negotiation whose room is gone: its debrief is still there for a seat token or the trainer key. */
async function openArchive(code: string, credential: string): Promise<boolean> {
  const archive = await fetchArchivedDebrief(code, credential);
  if (!archive) return false;
  archiveCode = code;
  const seatTitle = archive.seat ? (archive.scenario.seats.find((x) => x.id === archive.seat)?.title ?? archive.seat) : null;
  remember(code, { scenarioTitle: archive.scenario.title, seatTitle, status: "finished", stage: "Debrief" });
  useStore.setState({ status: "idle", archive });
  navigate(negotiationPath(code, archive.seat === null));
  return true;
}

/**
 * A room nobody used for a while is put away (its negotiation stays stored);
 * looking its code up brings it back, so a personal or trainer link never
 * goes stale: on "not found", look up once and try again.
 */
async function openReopening(request: JoinRequest, code: string): Promise<Room> {
  try {
    return await open(request, code);
  } catch (error) {
    if (!(error instanceof Error) || !/not found/i.test(error.message)) throw error;
    const found = await fetchNegotiation(code).then(() => true, () => false);
    if (!found) throw error;
    return open(request, code);
  }
}

function open(request: JoinRequest, code: string): Promise<Room> {
  switch (request.kind) {
    case "seat":
      return sdk().joinById(code, { seat: request.seat, name: request.name });
    case "token": {
      const token = savedSeat(code)?.token;
      if (!token) return Promise.reject(new Error("This browser holds no seat in that negotiation. Open your personal link, or join a free seat."));
      return sdk().joinById(code, { token });
    }
    case "trainer": {
      const trainerKey = request.key ?? savedTrainerKey(code);
      if (!trainerKey) return Promise.reject(new Error("This browser has no trainer key for that negotiation. Paste the trainer link you were given when you created it."));
      return sdk().joinById(code, { trainerKey });
    }
  }
}

/** "the Head of Procurement seat" or, before the seat is known, "a seat". */
export function heldSeatWords(code: string): string {
  const memo = savedMemo(code);
  return memo?.seatTitle ? `the ${memo.seatTitle} seat` : "a seat";
}

/** The code of the archived debrief the store holds, if any. */
export function openedArchiveCode(): string | null {
  return useStore.getState().archive ? archiveCode : null;
}

/** Keeps the home page's memo of a negotiation up to date; writes only when something it shows changed. */
function remember(code: string, memo: Omit<NegotiationMemo, "updatedAt">) {
  const before = savedMemo(code);
  if (before && before.status === memo.status && before.stage === memo.stage && before.seatTitle === memo.seatTitle && before.scenarioTitle === memo.scenarioTitle) return;
  saveMemo(code, { ...memo, updatedAt: Date.now() });
}

function stageOf(n: NegotiationSnapshot): string {
  if (n.status === "finished" || n.phase === "debrief") return "Debrief";
  if (n.phase === "lobby") return "Lobby";
  return n.scenario.phases.find((p) => p.id === n.phase)?.title ?? n.phase;
}

/** The server looked at the credential and said no (as opposed to being unreachable): forget it. */
function isRefused(error: unknown): boolean {
  return error instanceof ServerError && (error.code === 401 || error.code === 403);
}

function joinProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/not found/i.test(message)) return "No negotiation is running under that code. Check the code with your trainer, or start a new one.";
  // A refusal over Colyseus's matchmaking route: the SDK puts the body's message (or error) in error.message.
  if (error instanceof ServerError && typeof error.code === "number" && error.code >= 400 && error.code < 600) {
    const data: unknown = error.data;
    const inBody = data && typeof data === "object" && "retryAfterSeconds" in data ? Number(data.retryAfterSeconds) : NaN;
    const inHeader = Number(error.headers?.get("retry-after") ?? NaN);
    const retryAfterSeconds = Number.isFinite(inBody) ? inBody : Number.isFinite(inHeader) ? inHeader : undefined;
    return errorMessage(error.code, { message: error.message, retryAfterSeconds });
  }
  if (/fetch|network|ECONN/i.test(message)) return "The server cannot be reached. Check your connection and try again.";
  return message;
}

/** The server speaks another protocol version: stop sending and ask for a reload (the seat is kept meanwhile). */
function markOutdated() {
  useStore.setState({ outdated: true });
  for (const ref of [...waiting.keys()]) settle({ ref, ok: false, code: "not-ready", message: "This page is out of date — reload to continue." });
}

/** Wires the room to the store; `expected` is this page's protocol version, checked against hello and the state. */
function attach(r: Room, expected: number) {
  room = r;
  r.reconnection.minUptime = 1_000;
  // The SDK's own retries resume the same connection after a short loss; after that
  // (a server restart forgets it) the page rejoins with its seat token or key, visibly (rejoinSoon).
  r.reconnection.maxRetries = 6;
  r.reconnection.maxDelay = 3_000;
  r.onMessage("hello", (hello: Hello) => {
    if (hello.protocol !== expected) return markOutdated();
    const code = hello.negotiationId;
    if (hello.role === "seat" && hello.token) {
      const name = useStore.getState().negotiation?.seats.find((s) => s.id === hello.seat)?.displayName ?? savedSeat(code)?.name ?? "";
      saveSeat(code, { token: hello.token, seat: hello.seat, name });
    }
    const back = rejoined;
    rejoined = false;
    archiveCode = null;
    useStore.setState({ me: { role: hello.role, seat: hello.role === "seat" ? hello.seat : null, token: hello.token, code }, clockOffset: hello.serverTime - Date.now(), status: back ? "reconnected" : "connected", archive: null });
    applyState(r, expected); // the first state may have arrived before we knew whose view it holds
    // The lobby, table and debrief of a code are one screen in the history; Back leaves it, Forward returns.
    // A rejoin keeps whatever screen the player is on.
    if (back) settleReconnected();
    else navigate(negotiationPath(code, hello.role === "trainer"));
  });
  r.onMessage("reply", (reply: Reply) => settle(reply));
  r.onMessage("debrief", () => undefined);
  r.onStateChange(() => applyState(r, expected));
  r.onDrop(() => useStore.setState({ status: "reconnecting" }));
  r.onReconnect(() => {
    useStore.setState({ status: "reconnected" });
    settleReconnected();
  });
  r.onLeave((code) => {
    if (room !== r) return;
    room = null;
    for (const ref of [...waiting.keys()]) settle({ ref, ok: false, code: "server-error", message: "The connection closed before the server answered; try again once you are back." });
    if (code === CONSENTED) return;
    if (code === CLOSE_SEAT_OPENED_ELSEWHERE) return useStore.setState({ status: "replaced" });
    const me = useStore.getState().me;
    if (!me) return useStore.setState({ status: "lost" });
    rejoinSoon(me.role === "trainer" ? { kind: "trainer", code: me.code } : { kind: "token", code: me.code }, 1);
  });
}

function hasToJSON(state: unknown): state is { toJSON(): RawState } {
  return typeof state === "object" && state !== null && typeof (state as { toJSON?: unknown }).toJSON === "function";
}

function applyState(r: Room, expected: number) {
  const { outdated, me } = useStore.getState();
  if (outdated || !hasToJSON(r.state)) return;
  const raw = r.state.toJSON();
  // A state from another protocol version could be misread: show the reload banner instead.
  if (typeof raw.protocol === "number" && raw.protocol !== expected) return markOutdated();
  const next = toSnapshot(raw, me ? (me.seat ?? TRAINER_VIEW) : null);
  if (!next) return;
  if (me) {
    const seatTitle = me.seat ? (next.scenario.seats.find((x) => x.id === me.seat)?.title ?? me.seat) : null;
    remember(me.code, { scenarioTitle: next.scenario.title, seatTitle, status: next.status, stage: stageOf(next) });
  }
  const previous = useStore.getState().negotiation;
  // A refusal belongs to the moment it answered: a new phase starts with a clean slate.
  useStore.setState(previous && previous.phase !== next.phase ? { negotiation: next, errors: {} } : { negotiation: next });
}

function settle(reply: Reply) {
  const w = reply.ref ? waiting.get(reply.ref) : undefined;
  if (!w || !reply.ref) return;
  waiting.delete(reply.ref);
  const { errors, busy } = useStore.getState();
  const nextErrors = { ...errors };
  if (reply.ok) delete nextErrors[w.origin];
  else nextErrors[w.origin] = reply.message;
  useStore.setState({ errors: nextErrors, busy: { ...busy, [w.origin]: false } });
  w.resolve(reply);
}

function refuse(origin: string, ref: string, message: string): Reply {
  useStore.setState({ errors: { ...useStore.getState().errors, [origin]: message } });
  return { ref, ok: false, code: "not-ready", message };
}

function request(type: "move" | "control", origin: string, body: unknown): Promise<Reply> {
  const ref = nextRef();
  return new Promise((resolve) => {
    if (useStore.getState().outdated) return resolve(refuse(origin, ref, "This page is out of date — reload to continue."));
    if (!room) return resolve(refuse(origin, ref, "You are not connected. Wait for the connection to come back, then try again."));
    waiting.set(ref, { origin, resolve });
    useStore.setState({ busy: { ...useStore.getState().busy, [origin]: true } });
    room.send(type, type === "move" ? { ref, move: body } : { ref, control: body });
  });
}

/** Sends a move; resolves with the server's reply (its refusal is also shown at `origin`). */
export function sendMove(origin: string, move: MoveInput): Promise<Reply> {
  return request("move", origin, move);
}

export function sendControl(origin: string, control: ControlInput): Promise<Reply> {
  return request("control", origin, control);
}

/** Leaves the room; `forget` also drops this browser's seat token for it. */
export async function leave(forget: boolean): Promise<void> {
  stopRejoining();
  const r = room;
  room = null;
  if (r) await r.leave(true).catch(() => undefined);
  if (forget) {
    const code = useStore.getState().me?.code;
    if (code) forgetSeat(code);
  }
  archiveCode = null;
  resetStore();
}

/**
 * Rejoining by itself: when the connection is gone for good (a server
 * restart forgets every connection), the page joins again with this
 * browser's seat token or trainer key, keeping the screen as it was, with
 * back-off (2, 4, 8, 16, 30 s). The banner shows the attempt and the wait.
 */
export interface RejoinProgress {
  /** The attempt under way or last made; 0 when not rejoining. */
  attempt: number;
  /** When the next attempt starts (ms since epoch), or null while one is under way. */
  nextAt: number | null;
  /** That wait, in whole seconds. */
  waitSeconds: number;
}

export const useRejoin = create<RejoinProgress>(() => ({ attempt: 0, nextAt: null, waitSeconds: 0 }));

type RejoinTarget = Extract<JoinRequest, { kind: "token" | "trainer" }>;
let rejoinTarget: RejoinTarget | null = null;
let rejoinTimer: ReturnType<typeof setTimeout> | null = null;
let rejoined = false;
let reconnectedTimer: ReturnType<typeof setTimeout> | null = null;

/** The wait after a failed attempt `n`: 2, 4, 8, 16, then 30 s. */
export function rejoinDelay(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** attempt);
}

function settleReconnected() {
  if (reconnectedTimer) clearTimeout(reconnectedTimer);
  reconnectedTimer = setTimeout(() => useStore.getState().status === "reconnected" && useStore.setState({ status: "connected" }), 3_000);
}

function rejoinSoon(target: RejoinTarget, attempt: number) {
  rejoinTarget = target;
  useStore.setState({ status: "reconnecting" });
  const wait = attempt === 1 ? 500 : rejoinDelay(attempt - 1);
  useRejoin.setState({ attempt: attempt - 1, nextAt: Date.now() + wait, waitSeconds: Math.ceil(wait / 1_000) });
  if (rejoinTimer) clearTimeout(rejoinTimer);
  rejoinTimer = setTimeout(() => void rejoinAttempt(target, attempt), wait);
}

// Back online (the network returned): no need to wait out the back-off.
if (typeof window !== "undefined") window.addEventListener("online", () => rejoinNow());

/** The banner's "Try now": the next attempt at once. */
export function rejoinNow(): void {
  const target = rejoinTarget;
  if (!target || useRejoin.getState().nextAt === null) return;
  if (rejoinTimer) clearTimeout(rejoinTimer);
  void rejoinAttempt(target, useRejoin.getState().attempt + 1);
}

function stopRejoining() {
  if (rejoinTimer) clearTimeout(rejoinTimer);
  rejoinTimer = null;
  rejoinTarget = null;
  rejoined = false;
  if (useRejoin.getState().attempt || useRejoin.getState().nextAt) useRejoin.setState({ attempt: 0, nextAt: null });
}

async function rejoinAttempt(target: RejoinTarget, attempt: number) {
  rejoinTimer = null;
  useRejoin.setState({ attempt, nextAt: null });
  try {
    const expected = await protocolVersion();
    const r = await openReopening(target, target.code);
    if (rejoinTarget !== target) {
      void r.leave(true).catch(() => undefined); // the player went elsewhere meanwhile
      return;
    }
    rejoinTarget = null;
    useRejoin.setState({ attempt: 0, nextAt: null });
    rejoined = true;
    attach(r, expected);
  } catch (error) {
    if (rejoinTarget !== target) return;
    if (isRefused(error)) {
      stopRejoining();
      useStore.setState({ status: "lost", problem: joinProblem(error) });
      return;
    }
    // The room is gone for good because the negotiation ended: its debrief is stored.
    const credential = target.kind === "token" ? savedSeat(target.code)?.token : savedTrainerKey(target.code);
    const archive = error instanceof Error && /not found/i.test(error.message) && credential ? await fetchArchivedDebrief(target.code, credential) : null;
    if (rejoinTarget !== target) return;
    if (archive) {
      stopRejoining();
      resetStore();
      archiveCode = target.code;
      useStore.setState({ status: "idle", archive });
      return;
    }
    rejoinSoon(target, attempt + 1);
  }
}
