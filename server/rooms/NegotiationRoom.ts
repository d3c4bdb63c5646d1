import { CloseCode, Room, ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { FACILITATOR } from "../../shared/negotiation/events.js";
import { canSee, type Viewer } from "../../shared/negotiation/visibility.js";
import { ClientMessageSchemas, ControlInputSchema, MAX_MESSAGE_BYTES, MoveInputSchema, PROTOCOL_VERSION, type ErrorReply, type ProtocolErrorCode } from "../../shared/protocol.js";
import { debriefForSeat } from "../../shared/scoring/reveal.js";
import type { NegotiationDebrief } from "../../shared/scoring/types.js";
import { NegotiationSession, type SessionEvent } from "../negotiation/session.js";
import { services } from "../services.js";
import { CLOSE_SEAT_OPENED_ELSEWHERE, resolveJoin, type JoinOptions, type Participant } from "./join.js";
import { initialState, mirrorContext, mirrorEntries, OBSERVER_VIEW } from "./mirror.js";
import { NegotiationState } from "./negotiation-state.js";
import { RateLimiter } from "./rate-limit.js";
import { roomClock } from "./room-clock.js";
import { newJoinCode } from "./seat-tokens.js";
import { isRestoreKey } from "./resume.js";

export interface CreateOptions {
  scenarioId?: string;
  timeScale?: number;
  /** Server-internal: resume a stored negotiation (with the process's restore key). */
  restore?: string;
  restoreKey?: string;
}

interface ClientData {
  participant: Participant;
  limiter: RateLimiter;
}

const HEARTBEAT_MS = 5_000;

/**
 * One negotiation. Thin by design: it authenticates seats, checks message
 * shapes, forwards moves to the session (machine + durable log) and mirrors
 * what the session says into the synced state. Rules live in the machine.
 */
export class NegotiationRoom extends Room<{ state: NegotiationState; client: Client<{ userData: ClientData }> }> {
  private session!: NegotiationSession;
  private idleTimer: { clear(): void } | undefined;

  override async onCreate(options: CreateOptions = {}) {
    const s = services();
    this.autoDispose = false; // an unfinished negotiation waits for its seats to come back
    const listener = { changed: (entries: LogEntry[]) => this.onChanged(entries), finished: (d: NegotiationDebrief) => this.onFinished(d) };
    const clock = roomClock(this.clock);

    if (options.restore) {
      if (!isRestoreKey(options.restoreKey)) throw new ServerError(403, "Only the server can resume a stored negotiation.");
      const record = await s.store.getNegotiation(options.restore);
      const scenario = record && s.scenarios.get(record.scenarioId);
      if (!record || !scenario) throw new ServerError(404, `Negotiation ${options.restore} cannot be resumed (missing record or scenario).`);
      this.roomId = record.id;
      this.state = initialState(record.id, scenario);
      this.session = await NegotiationSession.restore({ id: record.id, scenario, snapshot: record.snapshot, downSince: record.updatedAt, store: s.store, clock, log: s.log, listener });
      this.replay(await s.store.listEntries(record.id));
      for (const seat of await s.store.listSeats(record.id)) this.setConnection(seat.seatId, "absent", seat.displayName);
      this.putAwayWhenIdle(); // nobody may come back to it
    } else {
      const scenario = options.scenarioId ? s.scenarios.get(options.scenarioId) : undefined;
      if (!scenario) throw new ServerError(404, `Unknown scenario "${options.scenarioId ?? ""}". Pick one from the list.`);
      this.roomId = newJoinCode();
      this.state = initialState(this.roomId, scenario);
      const timeScale = clampTimeScale(options.timeScale ?? s.config.timeScale);
      this.session = await NegotiationSession.create({ id: this.roomId, scenario, store: s.store, clock, log: s.log, listener, timeScale });
    }
    this.setMetadata({ scenarioId: this.session.scenario.id, title: this.session.scenario.title });
    mirrorContext(this.state, this.session.context(), false);
    this.clock.setInterval(() => void this.session.heartbeat().catch((e) => s.log.warn("heartbeat failed", { negotiation: this.roomId, error: String(e) })), HEARTBEAT_MS);

    this.onMessage("move", (client, message) => this.handle(client, "move", message));
    this.onMessage("control", (client, message) => this.handle(client, "control", message));
    this.onMessage("debrief.get", (client, message) => this.handle(client, "debrief.get", message));
    this.onMessage("*", (client, type) => this.reply(client, { ref: null, ok: false, code: "unknown-message", message: `Unknown message type "${String(type)}". Use move, control or debrief.get.` }));
  }

  override async onJoin(client: Client<{ userData: ClientData }>, options: JoinOptions = {}) {
    const s = services();
    const joined = await resolveJoin(this.session, s.store, options, this.clients, client);
    this.idleTimer?.clear();
    this.idleTimer = undefined;
    client.userData = { participant: joined.participant, limiter: new RateLimiter(s.config.messagesPerSecond, Date.now) };
    client.view = new StateView();
    // A seat sees its own private view; the facilitator watches everything (every brief, every private move).
    if (joined.participant.kind === "seat") client.view.add(this.state.seatViews.get(joined.participant.seat)!);
    if (joined.participant.kind === "facilitator" || this.session.finished) this.revealTo(client);
    if (joined.participant.kind === "seat") this.setConnection(joined.participant.seat, "connected", joined.displayName);
    client.send("hello", { protocol: PROTOCOL_VERSION, seat: joined.participant.kind === "seat" ? joined.participant.seat : null, token: joined.token, negotiationId: this.roomId, serverTime: Date.now() });
    s.log.info("joined", { negotiation: this.roomId, who: describe(joined.participant), rejoin: joined.rejoin });
  }

  override onDrop(client: Client<{ userData: ClientData }>) {
    const p = client.userData?.participant;
    if (p?.kind === "seat" && this.seatHeldByAnother(p.seat, client)) return; // the seat already moved to a new window
    if (p?.kind === "seat") this.setConnection(p.seat, "reconnecting");
    // Rejected when the window closes, or when the room is shutting down (its negotiation resumes from storage).
    Promise.resolve(this.allowReconnection(client, services().config.reconnectSeconds)).catch(() => undefined);
  }

  override onReconnect(client: Client<{ userData: ClientData }>) {
    const p = client.userData?.participant;
    if (p?.kind !== "seat") return;
    if (this.seatHeldByAnother(p.seat, client)) return client.leave(CLOSE_SEAT_OPENED_ELSEWHERE, "This seat was opened in another window.");
    this.setConnection(p.seat, "connected");
  }

  override onLeave(client: Client<{ userData: ClientData }>, code?: number) {
    const p = client.userData?.participant;
    // A seat stays its player's (the token brings them back); others see it as absent.
    if (p?.kind === "seat" && !this.seatHeldByAnother(p.seat, client)) this.setConnection(p.seat, "absent");
    if (p) services().log.info("left", { negotiation: this.roomId, who: describe(p), consented: code === CloseCode.CONSENTED });
    if (this.clients.length === 0) this.putAwayWhenIdle();
  }

  /**
   * With nobody connected, a finished room goes at once and an unfinished one
   * after IDLE_MINUTES; its negotiation stays stored and the join screen's
   * lookup of its code reopens it (see ensureHosted).
   */
  private putAwayWhenIdle() {
    if (this.session.finished) return void (this.autoDispose = true);
    this.idleTimer?.clear();
    this.idleTimer = this.clock.setTimeout(() => {
      if (this.clients.length > 0) return;
      services().log.info("idle room put away", { negotiation: this.roomId });
      void this.disconnect();
    }, services().config.idleMinutes * 60_000);
  }

  override onDispose() {
    this.session?.dispose();
  }

  private async handle(client: Client<{ userData: ClientData }>, type: "move" | "control" | "debrief.get", message: unknown) {
    const data = client.userData;
    if (!data) return; // still joining: Colyseus only routes messages after onJoin, so this is defensive
    const ref = typeof (message as { ref?: unknown })?.ref === "string" ? ((message as { ref: string }).ref.slice(0, 64)) : null;
    const fail = (code: ProtocolErrorCode, text: string, path?: string) => this.reply(client, { ref, ok: false, code, message: text, ...(path ? { path } : {}) });
    try {
      if (!data.limiter.take()) return fail("rate-limited", "Too many messages at once: wait a moment, then try again.");
      if (JSON.stringify(message ?? null).length > MAX_MESSAGE_BYTES) return fail("too-large", `That message is too large (limit ${MAX_MESSAGE_BYTES} bytes).`);
      const envelope = ClientMessageSchemas[type].safeParse(message);
      if (!envelope.success || ref === null) return fail("bad-shape", `A ${type} message needs a "ref" (your request id)${type === "debrief.get" ? "" : ` and a "${type}" object`}.`);
      if (type === "debrief.get") return this.sendDebrief(client, ref);
      const event = this.toEvent(data.participant, type, (envelope.data as { move?: unknown; control?: unknown })[type], fail);
      if (!event) return;
      const result = await this.session.submit({ ...event, ref } as SessionEvent);
      if (!result.accepted) {
        services().log.info("move rejected", { negotiation: this.roomId, by: event.by, type: event.type, code: result.rejection.code });
        return fail(result.rejection.code, result.rejection.message);
      }
      const viewer = viewerOf(data.participant);
      this.reply(client, { ref, ok: true, entries: result.entries.filter((e) => canSee(e, viewer)) });
    } catch (error) {
      services().log.error("message failed", { negotiation: this.roomId, type, error: (error as Error).stack ?? String(error) });
      fail("server-error", "The server could not process that; nothing was changed. Please try again.");
    }
  }

  /** Shape check, then identity from the session: the body never says who is moving. */
  private toEvent(p: Participant, type: "move" | "control", body: unknown, fail: (c: ProtocolErrorCode, m: string, path?: string) => void): SessionEvent | null {
    const parsed = type === "move" ? MoveInputSchema.safeParse(body) : ControlInputSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail("bad-shape", `That ${type} is malformed: ${issue?.message ?? "invalid"}${issue?.path.length ? ` (at ${issue.path.join(".")})` : ""}.`, issue?.path.join("."));
      return null;
    }
    if (type === "move" && p.kind !== "seat") {
      fail("not-allowed", "Observers watch; only a seated player can make moves.");
      return null;
    }
    const by = p.kind === "seat" ? p.seat : FACILITATOR;
    return { ...(parsed.data as object), by } as SessionEvent;
  }

  private onChanged(entries: LogEntry[]) {
    if (!this.session) return; // during a restore: onCreate replays the whole stored log once the session exists
    mirrorEntries(this.state, entries);
    mirrorContext(this.state, this.session.context(), this.session.finished !== null);
  }

  private onFinished(debrief: NegotiationDebrief) {
    this.state.seatViews.forEach((view, key) => {
      if (key !== OBSERVER_VIEW) view.debrief = JSON.stringify(debriefForSeat(debrief, key));
    });
    mirrorContext(this.state, this.session.context(), true);
    for (const client of this.clients) this.revealTo(client);
  }

  /** The debrief reveal: every private view (briefs, private moves) becomes visible to everyone. */
  private revealTo(client: Client<{ userData: ClientData }>) {
    this.state.seatViews.forEach((view) => client.view?.add(view));
  }

  private sendDebrief(client: Client<{ userData: ClientData }>, ref: string) {
    const debrief = this.session.finished;
    if (!debrief) return this.reply(client, { ref, ok: false, code: "not-ready", message: "The debrief opens when the negotiation and its reflection are over." });
    const p = client.userData?.participant;
    if (!p) return;
    client.send("debrief", p.kind === "seat" ? debriefForSeat(debrief, p.seat) : debrief);
    this.reply(client, { ref, ok: true, entries: [] });
  }

  private replay(entries: LogEntry[]) {
    mirrorEntries(this.state, entries);
  }

  private seatHeldByAnother(seat: string, client: Client): boolean {
    return this.clients.some((c) => c !== client && c.userData?.participant.kind === "seat" && c.userData.participant.seat === seat);
  }

  private setConnection(seat: string, connection: "connected" | "reconnecting" | "absent", displayName?: string) {
    const s = this.state.seats.get(seat);
    if (!s) return;
    s.connection = connection;
    if (displayName !== undefined) s.displayName = displayName;
  }

  private reply(client: Client, reply: ErrorReply | { ref: string; ok: true; entries: LogEntry[] }) {
    client.send("reply", reply);
  }
}

function viewerOf(p: Participant): Viewer {
  return p.kind === "seat" ? { kind: "seat", seat: p.seat } : { kind: "observer" };
}

function describe(p: Participant): string {
  return p.kind === "seat" ? `seat ${p.seat}` : "facilitator";
}

function clampTimeScale(n: number): number {
  return Number.isFinite(n) && n > 0 && n <= 10 ? n : 1;
}
