import { Client, type Room } from "@colyseus/sdk";
import type { ControlInput, ErrorReply, MoveInput, OkReply } from "../../../shared/protocol.js";
import { fetchArchivedDebrief } from "../lib/api.js";
import { forgetSeat, saveSeat, savedSeat } from "../lib/tokens.js";
import { resetStore, useStore } from "../store/store.js";
import { toSnapshot, type RawState } from "./snapshot.js";

/**
 * The adapter between the Colyseus room and the store: it joins, turns every
 * state change into a plain snapshot, tracks requests by id so a refusal is
 * shown where the move was made, and reports the connection's health.
 */

type Reply = OkReply | ErrorReply;
const CLOSE_SEAT_OPENED_ELSEWHERE = 4100;
const CONSENTED = 4000;

let client: Client | null = null;
let room: Room | null = null;
let counter = 0;
const waiting = new Map<string, { origin: string; resolve: (r: Reply) => void }>();

function sdk(): Client {
  client ??= new Client(window.location.origin);
  return client;
}

export type JoinRequest =
  | { kind: "create"; scenarioId: string; seat: string; name: string }
  | { kind: "seat"; code: string; seat: string; name: string }
  | { kind: "facilitator"; code: string; name: string }
  | { kind: "token"; code: string };

/** Joins a negotiation; on failure the store's `problem` says why and what to do. */
export async function join(request: JoinRequest): Promise<boolean> {
  await leave(false);
  useStore.setState({ status: "connecting", problem: null });
  try {
    const r = await open(request);
    attach(r);
    return true;
  } catch (error) {
    if (request.kind === "token" && (await openArchive(request.code))) return true;
    if (request.kind === "token") forgetSeat(request.code);
    useStore.setState({ status: "idle", problem: joinProblem(error) });
    return false;
  }
}

/** A finished negotiation whose room is gone: its debrief is still there for the seat's token. */
async function openArchive(code: string): Promise<boolean> {
  const token = savedSeat(code)?.token;
  const archive = token ? await fetchArchivedDebrief(code, token) : null;
  if (!archive) return false;
  useStore.setState({ status: "idle", archive });
  return true;
}

function open(request: JoinRequest): Promise<Room> {
  switch (request.kind) {
    case "create":
      return sdk().create("negotiation", { scenarioId: request.scenarioId, seat: request.seat, name: request.name });
    case "seat":
      return sdk().joinById(request.code.toUpperCase(), { seat: request.seat, name: request.name });
    case "facilitator":
      return sdk().joinById(request.code.toUpperCase(), { facilitator: true, name: request.name });
    case "token":
      return sdk().joinById(request.code.toUpperCase(), { token: savedSeat(request.code)?.token });
  }
}

function joinProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/not found/i.test(message)) return "No negotiation is running under that code. Check the code with your trainer, or start a new one.";
  if (/fetch|network|ECONN/i.test(message)) return "The server cannot be reached. Check your connection and try again.";
  return message;
}

function attach(r: Room) {
  room = r;
  r.reconnection.minUptime = 1_000;
  r.onMessage("hello", (hello: { seat: string | null; token: string; negotiationId: string; serverTime: number }) => {
    const name = useStore.getState().negotiation?.seats.find((s) => s.id === hello.seat)?.displayName ?? savedSeat(hello.negotiationId)?.name ?? "";
    saveSeat(hello.negotiationId, { token: hello.token, seat: hello.seat, name });
    history.replaceState(null, "", `/n/${hello.negotiationId}`);
    useStore.setState({ me: { seat: hello.seat, token: hello.token, code: hello.negotiationId }, clockOffset: hello.serverTime - Date.now(), status: "connected" });
  });
  r.onMessage("reply", (reply: Reply) => settle(reply));
  r.onMessage("debrief", () => undefined);
  r.onStateChange((state) => {
    const next = toSnapshot((state as { toJSON(): RawState }).toJSON());
    const previous = useStore.getState().negotiation;
    // A refusal belongs to the moment it answered: a new phase starts with a clean slate.
    useStore.setState(previous && previous.phase !== next.phase ? { negotiation: next, errors: {} } : { negotiation: next });
  });
  r.onDrop(() => useStore.setState({ status: "reconnecting" }));
  r.onReconnect(() => {
    useStore.setState({ status: "reconnected" });
    setTimeout(() => useStore.getState().status === "reconnected" && useStore.setState({ status: "connected" }), 3_000);
  });
  r.onLeave((code) => {
    if (room !== r) return;
    room = null;
    for (const ref of [...waiting.keys()]) settle({ ref, ok: false, code: "server-error", message: "The connection closed before the server answered; try again once you are back." });
    if (code === CONSENTED) return;
    useStore.setState({ status: code === CLOSE_SEAT_OPENED_ELSEWHERE ? "replaced" : "lost" });
  });
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

function request(type: "move" | "control", origin: string, body: unknown): Promise<Reply> {
  const ref = `r${++counter}`;
  return new Promise((resolve) => {
    if (!room) {
      useStore.setState({ errors: { ...useStore.getState().errors, [origin]: "You are not connected. Wait for the connection to come back, then try again." } });
      return resolve({ ref, ok: false, code: "not-ready", message: "not connected" });
    }
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
  const r = room;
  room = null;
  if (r) await r.leave(true).catch(() => undefined);
  if (forget) {
    const code = useStore.getState().me?.code;
    if (code) forgetSeat(code);
  }
  resetStore();
}
