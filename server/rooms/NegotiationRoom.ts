import { CloseCode, OnMessageException, Room, ServerError, type Client, type RoomException } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { FACILITATOR, type LogEntry } from "../../shared/negotiation/events.js";
import { seatViewer, TRAINER, type SeatViewer, type TrainerViewer } from "../../shared/negotiation/visibility.js";
import { ClientMessageSchemas, ControlInputSchema, MoveInputSchema, PROTOCOL_VERSION, type ControlInput, type ErrorReply, type OkReply, type ProtocolErrorCode, type ServerMessages } from "../../shared/protocol.js";
import { normaliseDisplayName } from "../../shared/text.js";
import type { NegotiationDebrief } from "../../shared/scoring/types.js";
import { correlationId } from "../http/errors.js";
import { NegotiationSession, type SessionEvent } from "../negotiation/session.js";
import { services } from "../services.js";
import { CLOSE_SEAT_OPENED_ELSEWHERE, closeOtherConnections, resolveJoin, TRAINER_KEY, type JoinOptions, type Participant } from "./join.js";
import { checkMessageBounds } from "./message-bounds.js";
import { cohortChannel } from "../cohort/channels.js";
import { TableTracker, type SeatLine, type TableSummary } from "../cohort/table-tracker.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { Mirror } from "./mirror.js";
import type { NegotiationState } from "./negotiation-state.js";
import { RateLimiter } from "./rate-limit.js";
import { roomClock } from "./room-clock.js";
import { newJoinCode } from "./seat-tokens.js";

/** What the server's own code passes when it creates a room (Colyseus's public create route is closed). */
export interface CreateOptions {
  scenarioId?: string;
  timeScale?: number;
  /** SHA-256 of the trainer key for a negotiation a trainer runs; null when its players run it themselves. */
  trainerKeyHash?: string | null;
  /** Resume this stored negotiation (after a restart, or when an idle room's code is looked up). */
  restore?: string;
  /** The cohort (a trainer's session) this negotiation is a table of: its dashboard follows it. */
  cohort?: string;
}

interface ClientData {
  participant: Participant;
  viewer: SeatViewer | TrainerViewer;
  limiter: RateLimiter;
}

type RoomClient = Client<{ userData: ClientData }>;
type MessageType = "move" | "control" | "debrief.get";

const HEARTBEAT_MS = 5_000;
const SUMMARY_EVERY_MS = 250;
const QUIET_SUMMARY_MS = 30_000;

/**
 * One negotiation. Thin by design: it authenticates, bounds and checks each
 * message's shape, forwards moves to the session (machine + durable log) and
 * lets the mirror publish what the session says, each viewer's share decided
 * by shared/negotiation/visibility.ts. Rules live in the machine.
 */
export class NegotiationRoom extends Room<{ state: NegotiationState; client: RoomClient }> {
  /**
   * Colyseus counts frames before decoding them and closes a client beyond this: only a script sends 60
   * frames a second (a person's flood is answered "rate-limited" by the room's own, lower limit), and
   * stopping it before msgpackr decodes keeps one client from stalling every room.
   */
  override maxMessagesPerSecond = 60;
  private session!: NegotiationSession;
  private mirror!: Mirror;
  private idleTimer: { clear(): void } | undefined;
  private cohort: { id: string; tracker: TableTracker; timer: { clear(): void } | undefined } | null = null;

  override async onCreate(options: CreateOptions = {}) {
    const s = services();
    this.autoDispose = false; // an unfinished negotiation waits for its seats to come back
    const listener = { changed: (entries: LogEntry[]) => this.onChanged(entries), finished: (d: NegotiationDebrief) => this.onFinished(d) };
    const clock = roomClock(this.clock);

    if (options.restore) {
      const record = await s.store.getNegotiation(options.restore);
      const scenario = record ? s.scenarios.get(record.scenarioId) : undefined;
      if (!record || !scenario) throw new ServerError(404, `Negotiation ${options.restore} cannot be resumed (missing record or scenario).`);
      this.roomId = record.id;
      this.mirror = new Mirror(record.id, scenario);
      this.state = this.mirror.state;
      this.followCohort(typeof record.options.cohort === "string" ? record.options.cohort : undefined, record.id, scenario);
      this.session = await NegotiationSession.restore({ id: record.id, scenario, snapshot: record.snapshot, downSince: record.updatedAt, store: s.store, clock, log: s.log, listener });
      this.mirror.addEntries(this.session.context().log);
      this.cohort?.tracker.add(this.session.context().log);
      for (const seat of await s.store.listSeats(record.id)) if (seat.seatId !== TRAINER_KEY) this.mirror.setConnection(seat.seatId, "absent", seat.displayName);
    } else {
      const scenario = options.scenarioId ? s.scenarios.get(options.scenarioId) : undefined;
      if (!scenario) throw new ServerError(404, `Unknown scenario "${String(options.scenarioId ?? "")}". Pick one from the list.`);
      this.roomId = newJoinCode();
      this.mirror = new Mirror(this.roomId, scenario);
      this.state = this.mirror.state;
      const timeScale = clampTimeScale(options.timeScale ?? s.config.timeScale);
      this.followCohort(options.cohort, this.roomId, scenario);
      this.session = await NegotiationSession.create({ id: this.roomId, scenario, store: s.store, clock, log: s.log, listener, timeScale, cohort: options.cohort });
      if (options.trainerKeyHash) {
        await s.store.saveSeat(this.roomId, { seatId: TRAINER_KEY, tokenHash: options.trainerKeyHash, displayName: "Trainer", occupant: "human", claimedAt: clock.now() });
      }
    }
    await this.setMetadata({ scenarioId: this.session.scenario.id, title: this.session.scenario.title });
    this.mirror.updateContext(this.session.context(), false);
    this.clock.setInterval(() => void this.session.heartbeat().catch((e: unknown) => s.log.warn("heartbeat failed", { negotiation: this.roomId, error: String(e) })), HEARTBEAT_MS);
    this.putAwayWhenIdle(s.config.unjoinedMinutes); // nobody may ever join: the code still reopens it from storage
    // A quiet table publishes too, so the dashboard can say it has stalled.
    if (this.cohort) this.clock.setInterval(() => this.publishSummary(), QUIET_SUMMARY_MS);

    for (const type of ["move", "control", "debrief.get"] as const) {
      this.onMessage(type, (client, message) => {
        this.handle(client, type, message).catch((error: unknown) => this.answerFailure(client, "message failed", error));
      });
    }
    // `type` is whatever the client sent (for a message named "*", Colyseus passes its payload here): never call methods on it.
    this.onMessage("*", (client, type) => {
      if (client.userData && !client.userData.limiter.take()) return this.reply(client, { ref: null, ok: false, code: "rate-limited", message: "Too many messages at once: wait a moment, then try again." });
      this.reply(client, { ref: null, ok: false, code: "unknown-message", message: `Unknown message type ${describeType(type)}. Use move, control or debrief.get.` });
    });
  }

  override async onJoin(client: RoomClient, options: JoinOptions = {}) {
    const s = services();
    let joined;
    try {
      joined = await resolveJoin(this.session, s.store, options ?? {}, normaliseDisplayName);
    } catch (error) {
      if (error instanceof ServerError) throw error;
      const id = correlationId();
      s.log.error("join failed", { negotiation: this.roomId, correlationId: id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      throw new ServerError(500, `The server could not let you in just now (ref ${id}). Please try again.`);
    }
    this.idleTimer?.clear();
    this.idleTimer = undefined;
    const p = joined.participant;
    const viewer = p.kind === "seat" ? seatViewer(p.seat) : TRAINER;
    if (p.kind === "seat") closeOtherConnections(this.clients, client, p.seat);
    client.userData = { participant: p, viewer, limiter: new RateLimiter(s.config.messagesPerSecond, Date.now) };
    client.view = new StateView();
    client.view.add(this.mirror.view(viewer)); // its own view only: another viewer's bytes are never encoded for it
    if (p.kind === "seat") this.mirror.setConnection(p.seat, "connected", joined.displayName);
    this.publishSummary();
    this.sendTo(client, "hello", { protocol: PROTOCOL_VERSION, role: p.kind, seat: p.kind === "seat" ? p.seat : null, token: joined.token, negotiationId: this.roomId, serverTime: Date.now() });
    s.log.info("joined", { negotiation: this.roomId, who: describe(p), rejoin: joined.rejoin });
  }

  override onDrop(client: RoomClient) {
    const p = client.userData?.participant;
    if (p?.kind === "seat" && this.seatHeldByAnother(p.seat, client)) return; // the seat already moved to a new window
    if (p?.kind === "seat") this.mirror.setConnection(p.seat, "reconnecting");
    this.publishSummary();
    // Rejected when the window closes, or when the room is shutting down (its negotiation resumes from storage).
    Promise.resolve(this.allowReconnection(client, services().config.reconnectSeconds)).catch(() => undefined);
  }

  override onReconnect(client: RoomClient) {
    const p = client.userData?.participant;
    if (p?.kind !== "seat") return;
    if (this.seatHeldByAnother(p.seat, client)) return client.leave(CLOSE_SEAT_OPENED_ELSEWHERE, "This seat was opened in another window.");
    this.mirror.setConnection(p.seat, "connected");
    this.publishSummary();
  }

  override onLeave(client: RoomClient, code?: number) {
    const p = client.userData?.participant;
    // A seat stays its player's (the token brings them back); others see it as absent.
    if (p?.kind === "seat" && !this.seatHeldByAnother(p.seat, client)) this.mirror.setConnection(p.seat, "absent");
    this.publishSummary();
    if (p) services().log.info("left", { negotiation: this.roomId, who: describe(p), consented: code === CloseCode.CONSENTED });
    if (this.clients.length === 0) this.putAwayWhenIdle(services().config.idleMinutes);
  }

  /** One room's failure is logged and answered; it never reaches the process (Colyseus routes every room callback here). */
  override onUncaughtException(error: RoomException, methodName: string) {
    const cause = error.cause instanceof Error ? error.cause : error;
    if (cause instanceof ServerError) return; // a refused join: the client already has its message
    const id = correlationId();
    services().log.error("room error", { negotiation: this.roomId, method: methodName, correlationId: id, error: cause.stack ?? cause.message });
    if (error instanceof OnMessageException && error.client) {
      this.reply(error.client, { ref: null, ok: false, code: "server-error", message: `The server could not process that (ref ${id}); nothing was changed.` });
    }
  }

  /**
   * With nobody connected, a finished room goes at once and an unfinished one
   * after `minutes`; its negotiation stays stored and a lookup of its code
   * (or a trainer link) reopens it (see ensureHosted).
   */
  private putAwayWhenIdle(minutes: number) {
    if (this.session.finished) return void (this.autoDispose = true);
    this.idleTimer?.clear();
    this.idleTimer = this.clock.setTimeout(() => {
      if (this.clients.length > 0) return;
      services().log.info("idle room put away", { negotiation: this.roomId });
      void this.disconnect();
    }, minutes * 60_000);
  }

  override onDispose() {
    this.session?.dispose();
  }

  private async handle(client: RoomClient, type: MessageType, message: unknown) {
    const data = client.userData;
    if (!data) return; // still joining: Colyseus only routes messages after onJoin, so this is defensive
    const ref = refOf(message);
    const fail = (code: ProtocolErrorCode, text: string, path?: string) => this.reply(client, { ref, ok: false, code, message: text, ...(path ? { path } : {}) });
    if (!data.limiter.take()) return fail("rate-limited", "Too many messages at once: wait a moment, then try again.");
    // Bounded before anything serialises, parses or logs it: a tiny frame can decode into a huge shared-reference graph.
    const bounds = checkMessageBounds(message);
    if (!bounds.ok) return fail(bounds.code, bounds.message);
    const envelope = bodyOf(type, message);
    if (!envelope.ok || ref === null) return fail("bad-shape", `A ${type} message needs a "ref" (your request id)${type === "debrief.get" ? "" : ` and a "${type}" object`}.`);
    if (type === "debrief.get") return this.sendDebrief(client, ref);
    const event = this.toEvent(data, type, envelope.body, fail);
    if (!event) return;
    try {
      const result = await this.session.submit({ ...event, ref });
      if (!result.accepted) {
        services().log.info("move rejected", { negotiation: this.roomId, by: event.by, type: event.type, code: result.rejection.code });
        return fail(result.rejection.code, result.rejection.message);
      }
      const entries = this.mirror.transcript(data.viewer).lookup(result.entries.map((e) => e.seq));
      this.reply(client, { ref, ok: true, entries });
    } catch (error) {
      this.answerFailure(client, "move could not be stored", error, ref);
    }
  }

  /** Shape check, then identity from the session: the body never says who is moving. */
  private toEvent(data: ClientData, type: "move" | "control", body: unknown, fail: (c: ProtocolErrorCode, m: string, path?: string) => void): SessionEvent | null {
    const p = data.participant;
    if (type === "control") {
      const parsed = ControlInputSchema.safeParse(body);
      if (!parsed.success) return malformed(parsed.error.issues[0], type, fail);
      return { ...parsed.data, by: p.kind === "seat" ? p.seat : FACILITATOR };
    }
    const parsed = MoveInputSchema.safeParse(body);
    if (!parsed.success) return malformed(parsed.error.issues[0], type, fail);
    if (p.kind !== "seat") {
      fail("not-allowed", "The trainer watches and steers; only a seated player can make moves.");
      return null;
    }
    const move = this.mirror.transcript(data.viewer).incoming(parsed.data);
    if ("code" in move) {
      fail(move.code, move.message);
      return null;
    }
    return { ...move, by: p.seat };
  }

  private onChanged(entries: LogEntry[]) {
    if (!this.session) return; // during a restore: onCreate mirrors the whole log once the session exists
    this.mirror.addEntries(entries);
    this.mirror.updateContext(this.session.context(), this.session.finished !== null);
    this.cohort?.tracker.add(entries);
    this.publishSummary();
  }

  private followCohort(id: string | undefined, code: string, scenario: Scenario) {
    if (id) this.cohort = { id, tracker: new TableTracker(scenario, code), timer: undefined };
  }

  /** The dashboard's view of this table, now. */
  summary(): TableSummary | null {
    if (!this.cohort || !this.session) return null;
    const seats: SeatLine[] = this.session.scenario.seats.map((seat) => {
      const line = this.state.seats.get(seat.id);
      return { id: seat.id, side: seat.side, optional: seat.optional, displayName: line?.displayName ?? "", connection: line?.connection ?? "empty", occupant: line?.occupant ?? "" };
    });
    return this.cohort.tracker.summary(this.session.context(), seats, this.session.finished !== null, Date.now());
  }

  /** Tells the cohort's dashboard (on any process, through presence) at most every 250 ms. */
  private publishSummary() {
    const cohort = this.cohort;
    if (!cohort || cohort.timer) return;
    cohort.timer = this.clock.setTimeout(() => {
      cohort.timer = undefined;
      const summary = this.summary();
      if (summary) void Promise.resolve(this.presence.publish(cohortChannel(cohort.id), summary)).catch(() => undefined);
    }, SUMMARY_EVERY_MS);
  }

  /**
   * Cohort (called by the cohort room, possibly from another process): seat
   * the participant the trainer assigned. In the lobby the seat is claimed;
   * later it is handed to the new holder (a reassignment), whose token
   * replaces the old one.
   */
  async assignSeat(seat: string, displayName: string, tokenHash: string): Promise<{ ok: boolean; message: string }> {
    if (!this.session.scenario.seats.some((x) => x.id === seat)) return { ok: false, message: `No seat "${seat}".` };
    const ctx = this.session.context();
    if (ctx.phase === "lobby" && !Object.hasOwn(ctx.seats, seat)) {
      const claimed = await this.session.submit({ type: "seat.claim", by: FACILITATOR, seat, occupant: "human" });
      if (!claimed.accepted) return { ok: false, message: claimed.rejection.message };
    }
    await services().store.saveSeat(this.roomId, { seatId: seat, tokenHash, displayName, occupant: "human", claimedAt: Date.now() });
    for (const c of this.clients) if (c.userData?.participant.kind === "seat" && c.userData.participant.seat === seat) c.leave(CLOSE_SEAT_OPENED_ELSEWHERE, "The trainer gave this seat to someone else.");
    this.mirror.setConnection(seat, "absent", displayName);
    this.publishSummary();
    return { ok: true, message: "" };
  }

  /** Cohort: a trainer control for this table, with the machine's answer. */
  async trainerControl(control: ControlInput): Promise<{ ok: boolean; code?: string; message?: string }> {
    const result = await this.session.submit({ ...control, by: FACILITATOR });
    return result.accepted ? { ok: true } : { ok: false, code: result.rejection.code, message: result.rejection.message };
  }

  /** Cohort: the trainer's banner for every table. */
  setBanner(text: string, at: number): void {
    this.state.banner = JSON.stringify({ text, at });
  }

  private onFinished(debrief: NegotiationDebrief) {
    this.mirror.reveal(this.session.context().log, debrief, this.session.context());
  }

  private sendDebrief(client: RoomClient, ref: string) {
    const debrief = client.userData ? this.mirror.debrief(client.userData.viewer) : null;
    if (!debrief) return this.reply(client, { ref, ok: false, code: "not-ready", message: "The debrief opens when the negotiation and its reflection are over." });
    this.sendTo(client, "debrief", debrief);
    this.reply(client, { ref, ok: true, entries: [] });
  }

  /** Logs an unexpected failure under a correlation id and tells the sender, in words, that nothing changed. */
  private answerFailure(client: Client, what: string, error: unknown, ref: string | null = null) {
    const id = correlationId();
    services().log.error(what, { negotiation: this.roomId, correlationId: id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    this.reply(client, { ref, ok: false, code: "server-error", message: `The server could not process that (ref ${id}); nothing was changed. Please try again.` });
  }

  private seatHeldByAnother(seat: string, client: Client): boolean {
    return this.clients.some((c) => c !== client && c.userData?.participant.kind === "seat" && c.userData.participant.seat === seat);
  }

  private reply(client: Client, reply: ErrorReply | OkReply) {
    this.sendTo(client, "reply", reply);
  }

  /** Every server→client message goes through here, typed by shared/protocol.ts. */
  private sendTo<K extends keyof ServerMessages>(client: Client, type: K, message: ServerMessages[K]) {
    client.send(type, message);
  }
}

/** The body of a message of this type once its envelope is the right shape (parsed per type, so no cast is needed). */
function bodyOf(type: MessageType, message: unknown): { ok: true; body: unknown } | { ok: false } {
  switch (type) {
    case "move": {
      const r = ClientMessageSchemas.move.safeParse(message);
      return r.success ? { ok: true, body: r.data.move } : { ok: false };
    }
    case "control": {
      const r = ClientMessageSchemas.control.safeParse(message);
      return r.success ? { ok: true, body: r.data.control } : { ok: false };
    }
    case "debrief.get":
      return ClientMessageSchemas["debrief.get"].safeParse(message).success ? { ok: true, body: null } : { ok: false };
  }
}

function malformed(issue: { message: string; path: PropertyKey[] } | undefined, type: string, fail: (c: ProtocolErrorCode, m: string, path?: string) => void): null {
  const path = issue?.path.map(String).join(".");
  fail("bad-shape", `That ${type} is malformed: ${issue?.message ?? "invalid"}${path ? ` (at ${path})` : ""}.`, path || undefined);
  return null;
}

/** The request id of a decoded message, if it has a usable one (read as data, never through its methods). */
function refOf(message: unknown): string | null {
  if (typeof message !== "object" || message === null || !("ref" in message) || !Object.hasOwn(message, "ref")) return null;
  const ref = message.ref;
  return typeof ref === "string" && ref.length > 0 ? ref.slice(0, 64) : null;
}

function describeType(type: unknown): string {
  if (typeof type === "string") return `"${type.slice(0, 40).replace(/[^\x20-\x7e]/g, "?")}"`;
  if (typeof type === "number" && Number.isFinite(type)) return `#${type}`;
  return "(not a name)";
}

function describe(p: Participant): string {
  return p.kind === "seat" ? `seat ${p.seat}` : "trainer";
}

function clampTimeScale(n: number): number {
  return Number.isFinite(n) && n > 0 && n <= 10 ? n : 1;
}
