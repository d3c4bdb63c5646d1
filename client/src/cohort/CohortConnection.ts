import { Client, ServerError, type Room } from "@colyseus/sdk";
import { errorMessage } from "../lib/api.js";
import { normaliseCode } from "../lib/codes.js";
import { forgetParticipantToken, forgetSessionKey, saveParticipantToken, savedParticipantToken, savedSessionKey, saveSeat } from "../lib/tokens.js";
import { join as joinNegotiation } from "../net/connection.js";
import { protocolVersion } from "../net/protocol-version.js";
import { nextRef } from "../net/refs.js";
import { useStore } from "../store/store.js";
import { fetchSession } from "./api.js";
import { isTableDone, linkTable } from "./saved.js";
import { COHORT_TRAINER_VIEW, toCohortSnapshot, type RawCohortState } from "./snapshot.js";
import { resetCohortStore, useCohortStore, type CohortState } from "./store.js";
import type { CohortControl, CohortReply, ParticipantFunction, PollStage } from "./types.js";

/**
 * The second adapter, for the `cohort` room (a session): it joins, writes a
 * plain snapshot of the state into the session store on every change, tracks
 * requests by ref so a refusal shows where it was made, and moves a
 * participant into their negotiation when the trainer opens the tables.
 */

interface Hello { protocol: number; role: "participant" | "trainer"; participantId: string | null; token: string | null; cohort: string }

const CONSENTED = 4000;

let client: Client | null = null;
let room: Room | null = null;
let joining: Promise<boolean> | null = null;
/** A participant follows their assignment into its negotiation once per table, not on every patch. */
const entered = new Set<string>();
const waiting = new Map<string, { origin: string; resolve: (r: CohortReply) => void }>();

function sdk(): Client {
  client ??= new Client(window.location.origin);
  return client;
}

export type CohortJoin =
  | { kind: "new"; code: string; name: string; function: ParticipantFunction; preference?: "procurement" | "sales" }
  | { kind: "participant"; code: string }
  | { kind: "trainer"; code: string; screen: "dashboard" | "plenary" };

/** Joins a session; on failure the session store's `problem` says why. */
export function joinCohort(request: CohortJoin): Promise<boolean> {
  joining ??= joinOnce(request).finally(() => {
    joining = null;
  });
  return joining;
}

async function joinOnce(request: CohortJoin): Promise<boolean> {
  await leaveCohort();
  const screen = request.kind === "trainer" ? request.screen : "participant";
  useCohortStore.setState({ status: "connecting", problem: null, screen });
  const code = normaliseCode(request.code);
  try {
    const expected = await protocolVersion();
    attach(await openReopening(request, code), expected);
    return true;
  } catch (error) {
    if (request.kind === "participant" && isRefused(error)) forgetParticipantToken(code);
    if (request.kind === "trainer" && isRefused(error)) forgetSessionKey(code);
    useCohortStore.setState({ status: "idle", problem: joinProblem(error) });
    return false;
  }
}

/** A session nobody used for a while may be put away; looking its code up brings it back, so try once more. */
async function openReopening(request: CohortJoin, code: string): Promise<Room> {
  try {
    return await open(request, code);
  } catch (error) {
    if (!(error instanceof Error) || !/not found/i.test(error.message)) throw error;
    const found = await fetchSession(code).then(() => true, () => false);
    if (!found) throw error;
    return open(request, code);
  }
}

function open(request: CohortJoin, code: string): Promise<Room> {
  switch (request.kind) {
    case "new":
      return sdk().joinById(code, { name: request.name, function: request.function, ...(request.preference ? { preference: request.preference } : {}) });
    case "participant": {
      const token = savedParticipantToken(code);
      if (!token) return Promise.reject(new Error("This browser has not joined that session. Join with its code, or open your personal link."));
      return sdk().joinById(code, { token });
    }
    case "trainer": {
      const trainerKey = savedSessionKey(code);
      if (!trainerKey) return Promise.reject(new Error("This browser has no trainer key for that session. Open the trainer link you were given when you created it."));
      return sdk().joinById(code, { trainerKey });
    }
  }
}

function isRefused(error: unknown): boolean {
  return error instanceof ServerError && (error.code === 401 || error.code === 403);
}

function joinProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/not found/i.test(message)) return "No session is running under that code. Check the code with your trainer.";
  if (error instanceof ServerError && typeof error.code === "number" && error.code >= 400 && error.code < 600) return errorMessage(error.code, { message: error.message });
  if (/fetch|network|ECONN/i.test(message)) return "The server cannot be reached. Check your connection and try again.";
  return message;
}

/** The server speaks another protocol: the negotiation store's banner asks for a reload. */
function markOutdated() {
  useStore.setState({ outdated: true });
  for (const ref of [...waiting.keys()]) settle({ ref, ok: false, code: "not-ready", message: "This page is out of date — reload to continue." });
}

function attach(r: Room, expected: number) {
  room = r;
  r.reconnection.minUptime = 1_000;
  r.onMessage("hello", (hello: Hello) => {
    if (hello.protocol !== expected) return markOutdated();
    const code = normaliseCode(hello.cohort);
    if (hello.role === "participant" && hello.token) saveParticipantToken(code, hello.token);
    // The address names what is on screen, so a refresh comes back to it.
    const screen = useCohortStore.getState().screen;
    history.replaceState(null, "", hello.role === "participant" ? `/s/${code}` : screen === "plenary" ? `/s/${code}/plenary` : `/s/${code}/trainer`);
    useCohortStore.setState({ me: { role: hello.role, participantId: hello.participantId, token: hello.token, code }, status: "connected" });
    applyState(r, expected);
  });
  r.onMessage("reply", (reply: CohortReply) => settle(reply));
  r.onStateChange(() => applyState(r, expected));
  r.onDrop(() => useCohortStore.setState({ status: "reconnecting" }));
  r.onReconnect(() => {
    useCohortStore.setState({ status: "reconnected" });
    setTimeout(() => useCohortStore.getState().status === "reconnected" && useCohortStore.setState({ status: "connected" }), 3_000);
  });
  r.onLeave((code) => {
    if (room !== r) return;
    room = null;
    for (const ref of [...waiting.keys()]) settle({ ref, ok: false, code: "server-error", message: "The connection closed before the server answered; try again once you are back." });
    if (code === CONSENTED) return;
    useCohortStore.setState({ status: "lost" });
  });
}

function hasToJSON(state: unknown): state is { toJSON(): RawCohortState } {
  return typeof state === "object" && state !== null && typeof (state as { toJSON?: unknown }).toJSON === "function";
}

function applyState(r: Room, expected: number) {
  const me = useCohortStore.getState().me;
  if (useStore.getState().outdated || !me || !hasToJSON(r.state)) return;
  const raw = r.state.toJSON();
  if (typeof raw.protocol === "number" && raw.protocol !== expected) return markOutdated();
  const session = toCohortSnapshot(raw, me.role === "trainer" ? COHORT_TRAINER_VIEW : me.participantId);
  useCohortStore.setState({ session });
  followAssignment(session, me.code);
}

/** Tables are open: keep the seat token for the negotiation and let the negotiation flow take over (its state carries the trainer's banner too). */
function followAssignment(session: CohortState["session"], sessionCode: string) {
  const a = session?.me?.assignment;
  // A second person on a shared seat has no token: they follow the negotiation on the first holder's screen.
  if (!a?.token || entered.has(a.code) || isTableDone(a.code)) return;
  entered.add(a.code);
  saveSeat(a.code, { token: a.token, seat: a.seat, name: session?.me?.name ?? "" });
  linkTable(a.code, sessionCode);
  void joinNegotiation({ kind: "token", code: a.code });
}

function settle(reply: CohortReply) {
  const w = reply.ref ? waiting.get(reply.ref) : undefined;
  if (!w) return;
  waiting.delete(reply.ref);
  const { errors, busy } = useCohortStore.getState();
  const nextErrors = { ...errors };
  if (reply.ok) delete nextErrors[w.origin];
  else nextErrors[w.origin] = reply.message ?? "The server refused that.";
  useCohortStore.setState({ errors: nextErrors, busy: { ...busy, [w.origin]: false } });
  w.resolve(reply);
}

function request(type: string, origin: string, body: Record<string, unknown>): Promise<CohortReply> {
  const ref = nextRef();
  return new Promise((resolve) => {
    const refuse = (message: string) => {
      useCohortStore.setState({ errors: { ...useCohortStore.getState().errors, [origin]: message } });
      resolve({ ref, ok: false, code: "not-ready", message });
    };
    if (useStore.getState().outdated) return refuse("This page is out of date — reload to continue.");
    if (!room) return refuse("You are not connected. Wait for the connection to come back, then try again.");
    waiting.set(ref, { origin, resolve });
    useCohortStore.setState({ busy: { ...useCohortStore.getState().busy, [origin]: true } });
    room.send(type, { ref, ...body });
  });
}

export function sendPoll(origin: string, stage: PollStage, word: string, attitude: number): Promise<CohortReply> {
  return request("cohort.poll", origin, { stage, word, attitude });
}

export function sendCohortControl(origin: string, control: CohortControl): Promise<CohortReply> {
  return request("cohort.control", origin, { control });
}

/** Asks for the plenary model; its `data` is shared/cohort's plenary. */
export function requestPlenary(origin: string, showNames: boolean): Promise<CohortReply> {
  return request("cohort.plenary", origin, { showNames });
}

export async function leaveCohort(): Promise<void> {
  const r = room;
  room = null;
  if (r) await r.leave(true).catch(() => undefined);
  resetCohortStore();
}
