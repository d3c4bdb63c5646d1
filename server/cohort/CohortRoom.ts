import { matchMaker, Room, ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { autoGroup, moveParticipant } from "../../shared/cohort/grouping.js";
import { buildPlenary } from "../../shared/cohort/plenary.js";
import type { Grouping, Participant, PollAnswer, RolePolicy } from "../../shared/cohort/types.js";
import { ROLE_POLICIES } from "../../shared/cohort/types.js";
import { publicScenario, readableTeachingNotes, TRAINER } from "../../shared/negotiation/visibility.js";
import { PROTOCOL_VERSION } from "../../shared/protocol.js";
import { mulberry32 } from "../../shared/random.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { normaliseDisplayName, checkFreeText } from "../../shared/text.js";
import type { NegotiationDebrief } from "../../shared/scoring/types.js";
import { correlationId } from "../http/errors.js";
import { RateLimiter } from "../rooms/rate-limit.js";
import { checkMessageBounds } from "../rooms/message-bounds.js";
import type { CreateOptions, NegotiationRoom } from "../rooms/NegotiationRoom.js";
import { ensureHosted } from "../rooms/resume.js";
import { hashToken, newSeatToken, sameHash } from "../rooms/seat-tokens.js";
import { services } from "../services.js";
import type { CohortRecord, ParticipantRecord } from "../storage/cohort-store.js";
import { Control, hashSeed, isPoll, Join, PlenaryRequest, Poll, policyOf, storedGrouping, type CohortControl } from "./messages.js";
import { cohortChannel } from "./channels.js";
import { CohortState, CohortViewState } from "./cohort-state.js";
import type { TableSummary } from "./table-tracker.js";

export interface CohortCreateOptions {
  cohort: string;
}

const TRAINER_VIEW = "#trainer";

type Who = { kind: "trainer" } | { kind: "participant"; id: string; token: string };
interface ClientData { who: Who; limiter: RateLimiter }
type CohortClient = Client<{ userData: ClientData }>;

interface Reply { ref: string | null; ok: boolean; code?: string; message?: string; data?: unknown }

/**
 * One cohort: a trainer's session. Thin like the negotiation room: it
 * authenticates, checks shapes, keeps the roster and the grouping (pure
 * functions in shared/cohort decide), opens one negotiation per table, and
 * shows the trainer every table live from the summaries the tables publish.
 * A participant's view holds only their own record and assignment.
 */
export class CohortRoom extends Room<{ state: CohortState; client: CohortClient }> {
  override maxMessagesPerSecond = 60;
  private record!: CohortRecord;
  private scenarios: Scenario[] = [];
  private participants: ParticipantRecord[] = [];
  private grouping: Grouping | null = null;
  /** Table id (T1…) → its negotiation's code, once the tables are open. */
  private codes = new Map<string, string>();
  private readonly onSummary = (summary: TableSummary) => this.showTable(summary);

  override async onCreate(options: CohortCreateOptions) {
    const s = services();
    this.autoDispose = true; // everything is stored: a lookup of the code brings it back
    const record = await s.store.cohorts.get(options.cohort);
    if (!record) throw new ServerError(404, `No session ${options.cohort}.`);
    this.record = record;
    this.roomId = record.id;
    this.scenarios = record.scenarioIds.flatMap((id) => s.scenarios.get(id) ?? []);
    this.participants = await s.store.cohorts.listParticipants(record.id);
    const stored = storedGrouping(record.grouping);
    this.grouping = stored?.grouping ?? null;
    for (const [table, code] of Object.entries(stored?.codes ?? {})) this.codes.set(table, code);
    const state = new CohortState();
    state.protocol = PROTOCOL_VERSION;
    state.code = record.id;
    state.title = record.title;
    state.status = record.status;
    state.policy = record.policy;
    state.scenarios = JSON.stringify(this.scenarios.map((sc) => { const p = publicScenario(sc); return { id: p.id, title: p.title, kind: p.kind, durationMinutes: p.durationMinutes, seats: p.seats }; }));
    const news = this.scenarios.flatMap((sc) => sc.marketEvents.map((m) => ({ scenarioId: sc.id, id: m.id, title: m.title, text: m.text, note: m.note ?? "" })));
    // The teaching notes of every scenario of the session, for the trainer's view alone (a participant's view never has the field set).
    const notes = this.scenarios.flatMap((sc) => { const n = readableTeachingNotes({ scenario: sc, revealed: false }, TRAINER); return n ? [{ scenarioId: sc.id, title: sc.title, notes: n }] : []; });
    state.views.set(TRAINER_VIEW, Object.assign(new CohortViewState(), { viewer: TRAINER_VIEW, marketEvents: JSON.stringify(news), teachingNotes: JSON.stringify(notes) }));
    this.state = state;
    for (const p of this.participants) this.addParticipantView(p);
    this.refreshRoster();
    await this.presence.subscribe(cohortChannel(record.id), this.onSummary);
    await this.pullSummaries();

    this.onMessage("cohort.poll", (client, message) => void this.guard(client, message, () => this.poll(client, message)));
    this.onMessage("cohort.control", (client, message) => void this.guard(client, message, () => this.control(client, message)));
    this.onMessage("cohort.plenary", (client, message) => void this.guard(client, message, () => this.plenary(client, message)));
    this.onMessage("*", (client) => this.reply(client, { ref: null, ok: false, code: "unknown-message", message: "Use cohort.poll, cohort.control or cohort.plenary." }));
  }

  override async onJoin(client: CohortClient, raw: unknown) {
    const s = services();
    const o = Join.safeParse(raw ?? {});
    if (!o.success) throw new ServerError(400, "Join with your name and function, your personal link, or the trainer link.");
    let who: Who;
    if (o.data.trainerKey !== undefined) {
      if (!sameHash(this.record.trainerKeyHash, hashToken(o.data.trainerKey))) throw new ServerError(403, "That trainer link is not valid for this session.");
      who = { kind: "trainer" };
    } else if (o.data.token !== undefined) {
      const hash = hashToken(o.data.token);
      const p = this.participants.find((x) => sameHash(x.tokenHash, hash));
      if (!p) throw new ServerError(403, "That link does not belong to this session. Join again with your name.");
      who = { kind: "participant", id: p.id, token: o.data.token };
    } else {
      if (this.record.status === "ended") throw new ServerError(409, "This session has ended.");
      const name = normaliseDisplayName(o.data.name);
      if (!name.ok) throw new ServerError(400, name.message);
      if (!o.data.function) throw new ServerError(400, "Say which function you work in: sales, procurement or other.");
      const token = newSeatToken();
      const preference = this.record.policy === "self-select" ? (o.data.preference ?? null) : null;
      const p: ParticipantRecord = { id: `p${this.participants.length + 1}-${token.slice(0, 4)}`, displayName: name.name, function: o.data.function, tokenHash: hashToken(token), joinedAt: Date.now(), polls: [], preference };
      await s.store.cohorts.addParticipant(this.record.id, p);
      this.participants.push(p);
      this.addParticipantView(p);
      this.refreshRoster();
      who = { kind: "participant", id: p.id, token };
    }
    client.userData = { who, limiter: new RateLimiter(s.config.messagesPerSecond, Date.now) };
    client.view = new StateView();
    const view = this.state.views.get(who.kind === "trainer" ? TRAINER_VIEW : who.id);
    if (view) client.view.add(view);
    if (who.kind === "participant") this.refreshMe(who.id, who.token);
    client.send("hello", { protocol: PROTOCOL_VERSION, role: who.kind, participantId: who.kind === "participant" ? who.id : null, token: who.kind === "participant" ? who.token : null, cohort: this.record.id, serverTime: Date.now() });
  }

  override async onDispose() {
    await this.presence.unsubscribe(cohortChannel(this.record.id), this.onSummary);
  }

  /** Rate limit, bounds, then the handler; any failure is answered, never thrown into the process. */
  private async guard(client: CohortClient, message: unknown, handler: () => Promise<Reply>) {
    const data = client.userData;
    const ref = typeof message === "object" && message !== null && "ref" in message && typeof message.ref === "string" ? message.ref.slice(0, 64) : null;
    if (!data) return;
    if (!data.limiter.take()) return this.reply(client, { ref, ok: false, code: "rate-limited", message: "Too many messages at once: wait a moment, then try again." });
    const bounds = checkMessageBounds(message);
    if (!bounds.ok) return this.reply(client, { ref, ok: false, code: bounds.code, message: bounds.message });
    try {
      this.reply(client, await handler());
    } catch (error) {
      const id = correlationId();
      services().log.error("cohort message failed", { cohort: this.roomId, correlationId: id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      this.reply(client, { ref, ok: false, code: "server-error", message: `The server could not do that (ref ${id}). Please try again.` });
    }
  }

  private async poll(client: CohortClient, message: unknown): Promise<Reply> {
    const who = client.userData?.who;
    const m = Poll.safeParse(message);
    if (!m.success) return { ref: null, ok: false, code: "bad-shape", message: "A poll answer needs a stage, one word and an attitude from 1 to 7." };
    if (who?.kind !== "participant") return { ref: m.data.ref, ok: false, code: "not-allowed", message: "The poll is for participants." };
    const word = checkFreeText(m.data.word, { maxLength: 40 });
    if (!word.ok) return { ref: m.data.ref, ok: false, code: "bad-shape", message: word.message };
    const p = this.participants.find((x) => x.id === who.id);
    if (!p) return { ref: m.data.ref, ok: false, code: "not-allowed", message: "You are not in this session." };
    const answer: PollAnswer = { stage: m.data.stage, word: word.text.split(/\s+/)[0] ?? word.text, attitude: m.data.attitude };
    p.polls = [...p.polls.filter((x) => isPoll(x) && x.stage !== answer.stage), answer];
    await services().store.cohorts.savePolls(this.record.id, p.id, p.polls);
    this.refreshMe(p.id, who.token);
    this.refreshRoster();
    return { ref: m.data.ref, ok: true };
  }

  private async control(client: CohortClient, message: unknown): Promise<Reply> {
    const m = Control.safeParse(message);
    if (!m.success) return { ref: null, ok: false, code: "bad-shape", message: "That control is malformed." };
    const ref = m.data.ref;
    if (client.userData?.who.kind !== "trainer") {
      services().log.warn("cohort control refused", { cohort: this.roomId, control: m.data.control.type });
      return { ref, ok: false, code: "not-allowed", message: "Only the trainer steers the session." };
    }
    const c = m.data.control;
    switch (c.type) {
      case "group.auto":
        return this.autoGroupNow(ref);
      case "group.move":
        return this.move(ref, c.participant, c.table, c.seat);
      case "tables.open":
        return this.openTables(ref);
      case "broadcast":
        return this.broadcastBanner(ref, c.text);
      case "market":
        return this.announce(ref, c.event, c.table);
      case "end":
        return this.end(ref);
      default:
        return this.forward(ref, c);
    }
  }

  private async autoGroupNow(ref: string): Promise<Reply> {
    if (this.codes.size > 0) return { ref, ok: false, code: "already-done", message: "The tables are open; move people between seats instead." };
    const preferences: Record<string, string> = {};
    for (const p of this.participants) if (p.preference) preferences[p.id] = p.preference;
    this.grouping = autoGroup(this.roster(), this.scenarios, policyOf(this.record.policy), mulberry32(hashSeed(this.record.id)), preferences);
    await this.saveGrouping();
    return { ref, ok: true, data: this.grouping };
  }

  private async move(ref: string, participant: string, table: string, seat: string): Promise<Reply> {
    if (!this.grouping) return { ref, ok: false, code: "not-ready", message: "Group the participants first." };
    const change = moveParticipant(this.grouping, participant, table, seat, { participants: this.roster(), scenarios: this.scenarios, policy: policyOf(this.record.policy) });
    if (!change.ok) return { ref, ok: false, code: change.code, message: change.message };
    const before = this.grouping;
    this.grouping = change.grouping;
    await this.saveGrouping();
    // Open tables: every seat whose holder changed (the mover's, and the one swapped out) goes to its new holder at once.
    for (const t of this.grouping.tables) {
      const code = this.codes.get(t.id);
      if (!code) continue;
      for (const [seatId, ids] of Object.entries(t.seats)) {
        const holder = this.participants.find((x) => x.id === ids[0]);
        const was = before.tables.find((x) => x.id === t.id)?.seats[seatId]?.[0];
        if (!holder || was === holder.id) continue;
        await ensureHosted(services().store, code, services().log);
        await matchMaker.remoteRoomCall<NegotiationRoom, "assignSeat">(code, "assignSeat", [seatId, ids.map((id) => this.nameOf(id)).join(" & "), holder.tokenHash]);
      }
    }
    this.refreshAllMe();
    return { ref, ok: true, data: this.grouping };
  }

  private async openTables(ref: string): Promise<Reply> {
    const s = services();
    if (!this.grouping) return { ref, ok: false, code: "not-ready", message: "Group the participants first." };
    for (const table of this.grouping.tables) {
      if (this.codes.has(table.id)) continue;
      const scenario = this.scenarios.find((x) => x.id === table.scenarioId);
      if (!scenario) continue;
      const minutes = typeof this.record.options.minutes === "number" ? this.record.options.minutes : scenario.durationMinutes;
      const options: CreateOptions = { scenarioId: scenario.id, timeScale: Math.min(10, Math.max(0.05, minutes / scenario.durationMinutes)), trainerKeyHash: this.record.trainerKeyHash, cohort: this.record.id };
      const room = await matchMaker.createRoom("negotiation", options);
      this.codes.set(table.id, room.roomId);
      for (const [seat, ids] of Object.entries(table.seats)) {
        // A seat shared by two people is one screen: its first holder's link opens it.
        const holder = this.participants.find((p) => p.id === ids[0]);
        if (holder) await matchMaker.remoteRoomCall<NegotiationRoom, "assignSeat">(room.roomId, "assignSeat", [seat, ids.map((id) => this.nameOf(id)).join(" & "), holder.tokenHash]);
      }
    }
    this.record = { ...this.record, status: "running" };
    this.state.status = "running";
    await s.store.cohorts.update(this.record.id, { status: "running" }, Date.now());
    await this.saveGrouping();
    this.refreshAllMe();
    await this.pullSummaries();
    return { ref, ok: true, data: Object.fromEntries(this.codes) };
  }

  /** A table control (start, pause, resume, extend) for one table or every table, with each table's answer. */
  private async forward(ref: string, c: Extract<CohortControl, { type: "start" | "pause" | "resume" | "extend" }>): Promise<Reply> {
    const targets = c.table ? [c.table] : [...this.codes.keys()];
    const control = c.type === "start" ? { type: "session.start" as const } : c.type === "pause" ? { type: "session.pause" as const } : c.type === "resume" ? { type: "session.resume" as const } : { type: "phase.extend" as const, minutes: c.minutes };
    const results: Record<string, { ok: boolean; message?: string | undefined }> = {};
    for (const table of targets) {
      const code = this.codes.get(table);
      if (!code) {
        results[table] = { ok: false, message: "No such table." };
        continue;
      }
      await ensureHosted(services().store, code, services().log);
      results[table] = await matchMaker.remoteRoomCall<NegotiationRoom, "trainerControl">(code, "trainerControl", [control]);
    }
    const failed = Object.entries(results).filter(([, r]) => !r.ok);
    const message = failed.length ? failed.map(([t, r]) => `${t}: ${r.message ?? "refused"}`).join(" · ") : undefined;
    return { ref, ok: failed.length < targets.length || targets.length === 0, ...(message ? { message } : {}), data: results };
  }

  /** A market event of the scenario, announced at one table or every table playing that scenario. */
  private async announce(ref: string, event: string, only: string | undefined): Promise<Reply> {
    const tables = (this.grouping?.tables ?? []).filter((t) => (only ? t.id === only : true) && this.scenarios.find((sc) => sc.id === t.scenarioId)?.marketEvents.some((m) => m.id === event));
    if (tables.length === 0) return { ref, ok: false, code: "unknown-reference", message: "No open table plays a scenario with that market event." };
    const results: Record<string, { ok: boolean; message?: string | undefined }> = {};
    for (const t of tables) {
      const code = this.codes.get(t.id);
      if (!code) continue;
      await ensureHosted(services().store, code, services().log);
      results[t.id] = await matchMaker.remoteRoomCall<NegotiationRoom, "trainerControl">(code, "trainerControl", [{ type: "market.event", event }]);
    }
    const failed = Object.entries(results).filter(([, r]) => !r.ok);
    return { ref, ok: failed.length < Object.keys(results).length, ...(failed.length ? { message: failed.map(([id, r]) => `${id}: ${r.message ?? "refused"}`).join(" · ") } : {}), data: results };
  }

  private async broadcastBanner(ref: string, raw: string): Promise<Reply> {
    const text = checkFreeText(raw, { maxLength: 500 });
    if (!text.ok) return { ref, ok: false, code: "bad-shape", message: text.message };
    const at = Date.now();
    this.state.banner = JSON.stringify({ text: text.text, at });
    for (const code of this.codes.values()) {
      if ((await matchMaker.query({ roomId: code })).length > 0) await matchMaker.remoteRoomCall<NegotiationRoom, "setBanner">(code, "setBanner", [text.text, at]);
    }
    return { ref, ok: true };
  }

  private async end(ref: string): Promise<Reply> {
    for (const code of this.codes.values()) {
      if ((await matchMaker.query({ roomId: code })).length === 0) continue;
      await matchMaker.remoteRoomCall<NegotiationRoom, "trainerControl">(code, "trainerControl", [{ type: "session.end", reason: "The trainer ended the session." }]);
    }
    this.record = { ...this.record, status: "ended" };
    this.state.status = "ended";
    await services().store.cohorts.update(this.record.id, { status: "ended" }, Date.now());
    return { ref, ok: true };
  }

  private async plenary(client: CohortClient, message: unknown): Promise<Reply> {
    const m = PlenaryRequest.safeParse(message);
    if (!m.success) return { ref: null, ok: false, code: "bad-shape", message: "Ask for the plenary with { ref, showNames }." };
    if (client.userData?.who.kind !== "trainer") return { ref: m.data.ref, ok: false, code: "not-allowed", message: "The plenary is the trainer's." };
    const store = services().store;
    const tables = [];
    for (const table of this.grouping?.tables ?? []) {
      const scenario = this.scenarios.find((x) => x.id === table.scenarioId);
      const code = this.codes.get(table.id);
      if (!scenario) continue;
      const debrief = code ? await store.getDebrief<NegotiationDebrief>(code) : null;
      tables.push({ table, scenario, debrief, policy: policyOf(this.record.policy) });
    }
    const polls = Object.fromEntries(this.participants.map((p) => [p.id, p.polls.filter(isPoll)]));
    return { ref: m.data.ref, ok: true, data: buildPlenary({ tables, participants: this.roster(), polls, showNames: m.data.showNames }) };
  }

  /** The tables publish their summaries; a table the trainer has not opened yet is ignored. */
  private showTable(summary: TableSummary) {
    const table = [...this.codes.entries()].find(([, code]) => code === summary.code)?.[0];
    if (!table) return;
    this.state.views.get(TRAINER_VIEW)?.tables.set(table, JSON.stringify({ id: table, ...summary }));
  }

  private async pullSummaries() {
    for (const code of this.codes.values()) {
      if ((await matchMaker.query({ roomId: code })).length === 0) continue;
      const summary = await matchMaker.remoteRoomCall<NegotiationRoom, "summary">(code, "summary").catch(() => null);
      if (summary) this.showTable(summary);
    }
  }

  private async saveGrouping() {
    // Stored with the table → negotiation codes, so a reopened room knows its tables.
    await services().store.cohorts.update(this.record.id, { grouping: { grouping: this.grouping, codes: Object.fromEntries(this.codes) } }, Date.now());
    const view = this.state.views.get(TRAINER_VIEW);
    if (view) view.grouping = JSON.stringify(this.grouping);
  }

  private roster(): Participant[] {
    return this.participants.map((p) => ({ id: p.id, name: p.displayName, function: p.function }));
  }

  private nameOf(id: string): string {
    return this.participants.find((p) => p.id === id)?.displayName ?? id;
  }

  private addParticipantView(p: ParticipantRecord) {
    if (!this.state.views.has(p.id)) this.state.views.set(p.id, Object.assign(new CohortViewState(), { viewer: p.id }));
  }

  private refreshRoster() {
    this.state.participantCount = this.participants.length;
    const view = this.state.views.get(TRAINER_VIEW);
    if (!view) return;
    view.roster = JSON.stringify(this.participants.map((p) => ({ id: p.id, name: p.displayName, function: p.function, polls: p.polls.filter(isPoll).map((x) => x.stage) })));
    view.grouping = JSON.stringify(this.grouping);
  }

  /** A participant's own record and assignment; the token is theirs (the same secret opens their seat). */
  private refreshMe(id: string, token: string | null) {
    const p = this.participants.find((x) => x.id === id);
    const view = this.state.views.get(id);
    if (!p || !view) return;
    const table = this.grouping?.tables.find((t) => Object.values(t.seats).some((ids) => ids.includes(id)));
    const seat = table ? Object.entries(table.seats).find(([, ids]) => ids.includes(id))?.[0] : undefined;
    const code = table ? this.codes.get(table.id) : undefined;
    const shares = table && seat ? (table.seats[seat] ?? []).filter((x) => x !== id).map((x) => this.nameOf(x)) : [];
    const assignment = table && seat && code ? { table: table.id, code, seat, shares, token: shares.length && table.seats[seat]?.[0] !== id ? null : token } : null;
    view.me = JSON.stringify({ id: p.id, name: p.displayName, function: p.function, polls: p.polls.filter(isPoll).map((x) => x.stage), assignment });
  }

  private refreshAllMe() {
    for (const c of this.clients) if (c.userData?.who.kind === "participant") this.refreshMe(c.userData.who.id, c.userData.who.token);
  }

  private reply(client: Client, reply: Reply) {
    client.send("reply", reply);
  }
}
