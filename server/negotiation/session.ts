import type { Clock } from "../../shared/clock.js";
import type { NegotiationContext, NegotiationInput } from "../../shared/negotiation/context.js";
import { SYSTEM, type LogEntry, type NegotiationEvent, type Rejection } from "../../shared/negotiation/events.js";
import { createNegotiationRunner, type NegotiationRunner, type SendResult } from "../../shared/negotiation/runner.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import type { NegotiationDebrief } from "../../shared/scoring/types.js";
import type { Logger } from "../log.js";
import type { NegotiationStatus, NegotiationStore } from "../storage/store.js";
import { RequestMemory, requestOf, type NewRequest } from "./requests.js";

type WithoutAt<E> = E extends unknown ? Omit<E, "at"> : never;
export type SessionEvent = WithoutAt<NegotiationEvent>;

export type SubmitResult = { accepted: true; entries: LogEntry[] } | { accepted: false; rejection: Rejection };

export interface SessionListener {
  /** New log entries, already durable, plus the context they led to. */
  changed(entries: LogEntry[], context: NegotiationContext): void;
  /** The negotiation is over and its debrief is stored. */
  finished(debrief: NegotiationDebrief): void;
}

/** What a session needs from storage: `NegotiationStore` provides it (a test may wrap one). */
export type SessionStore = Pick<NegotiationStore, "createNegotiation" | "appendEntries" | "touch" | "listEntries" | "listRequests">;

/**
 * A change the store could not write. The session has put the machine back
 * exactly as it was before the change, told no listener and stored nothing,
 * so the same move may simply be sent again. `submit` rejects with it; the
 * room answers "The server could not store that move; nothing was changed.
 * Try again."
 */
export class StorageError extends Error {
  override readonly name = "StorageError";
  constructor(cause: unknown) {
    super(`The change could not be stored: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Accepted requests remembered per negotiation for replays: retries come within seconds, so the latest few hundred are plenty. */
export const REMEMBERED_REQUESTS = 512;
/** First wait before retrying a deadline change that could not be stored; it doubles up to the cap. */
export const TICK_RETRY_FIRST_MS = 1_000;
export const TICK_RETRY_MAX_MS = 60_000;

interface SessionParts {
  id: string;
  scenario: Scenario;
  store: SessionStore;
  clock: Clock;
  log: Logger;
  listener: SessionListener;
}

type RunnerStart = { input: NegotiationInput } | { snapshot: unknown; log: readonly LogEntry[] };

/**
 * One negotiation in one process: the machine runner, and the rule that a
 * change exists only once it is stored. Every change (a move, a control, a
 * deadline passing) goes through one queue, is written with the snapshot it
 * led to in one transaction, and only then is the listener told; a change
 * the store refuses is rolled back as if it never happened. A replayed
 * request (same seat, same ref, same move) gets its first answer again.
 */
export class NegotiationSession {
  readonly id: string;
  readonly scenario: Scenario;
  private readonly runner: NegotiationRunner;
  private readonly requests = new RequestMemory(REMEMBERED_REQUESTS);
  private queue: Promise<unknown> = Promise.resolve();
  /** The context as last stored: what `context()` shows, never a change still waiting for the store. */
  private committed: NegotiationContext;
  private finishedDebrief: NegotiationDebrief | null = null;
  private tickQueued = false;
  private retry: { timer: unknown; attempts: number } | null = null;
  private disposed = false;

  private constructor(private readonly parts: SessionParts, start: RunnerStart) {
    this.id = parts.id;
    this.scenario = parts.scenario;
    // Deadlines come back to the session so their ticks queue behind the writes (and retry when storing fails).
    this.runner = createNegotiationRunner(parts.scenario, { clock: parts.clock, onDeadline: () => this.onDeadline(), ...start });
    this.committed = this.runner.snapshot().context;
  }

  static async create(a: SessionParts & { timeScale: number; cohort?: string | undefined }): Promise<NegotiationSession> {
    const session = new NegotiationSession(a, { input: { timeScale: a.timeScale } });
    try {
      await a.store.createNegotiation({
        id: a.id, scenarioId: a.scenario.id, scenarioVersion: a.scenario.version, status: "lobby",
        options: { timeScale: a.timeScale, ...(a.cohort ? { cohort: a.cohort } : {}) }, createdAt: a.clock.now(), snapshot: session.runner.persisted(),
      });
    } catch (error) {
      session.dispose();
      throw error;
    }
    return session;
  }

  /**
   * Rebuilds a negotiation after a restart from its stored snapshot and, from
   * the store, its log and its latest accepted requests. The outage is booked
   * as a pause, so every seat keeps the time it had left.
   */
  static async restore(a: SessionParts & { snapshot: unknown; downSince: number }): Promise<NegotiationSession> {
    const log = await a.store.listEntries(a.id);
    const requests = await a.store.listRequests(a.id, REMEMBERED_REQUESTS);
    const session = new NegotiationSession(a, { snapshot: a.snapshot, log });
    for (const request of requests) session.requests.remember(request);
    try {
      await session.bookOutage(a.downSince);
    } catch (error) {
      session.dispose(); // its deadline timer must not outlive a restore that failed
      throw error;
    }
    return session;
  }

  /** The time the process was down becomes a pause, so the running phase loses none of it. */
  private async bookOutage(downSince: number): Promise<void> {
    const ctx = this.context();
    // Only a running clock is paused, and never before the last thing the machine saw (or past its deadline).
    const pauseAt = Math.max(downSince, ctx.now);
    if (ctx.phaseEndsAt === null || ctx.pausedAt !== null || pauseAt >= ctx.phaseEndsAt) return;
    await this.submit({ type: "session.pause", by: SYSTEM }, pauseAt);
    await this.submit({ type: "session.resume", by: SYSTEM });
  }

  /** The negotiation as stored; `context().log` is the whole log. */
  context(): NegotiationContext {
    return this.committed;
  }

  get finished(): NegotiationDebrief | null {
    return this.finishedDebrief;
  }

  /**
   * Applies an event and resolves once its entries are stored (or with the
   * machine's rejection). Rejects with `StorageError` when the store fails:
   * the event is then undone and nobody heard of it (any other error, a bug,
   * is undone the same way and rethrown as it is). A repeat of an accepted
   * request (same `by`, `ref` and move) resolves with its first answer.
   */
  submit(event: SessionEvent, at?: number): Promise<SubmitResult> {
    return this.enqueue(() => this.apply(event, at));
  }

  /** Keeps the stored snapshot fresh so a restart knows when the process went down. */
  heartbeat(): Promise<void> {
    return this.enqueue(() => this.parts.store.touch(this.id, this.parts.clock.now()));
  }

  dispose(): void {
    this.disposed = true;
    this.stopRetrying();
    this.runner.stop();
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async apply(event: SessionEvent, at: number | undefined): Promise<SubmitResult> {
    const replayed = this.requests.answerTo(event, this.committed.log);
    if (replayed) return { accepted: true, entries: replayed };
    const before = this.runner.snapshot();
    const result = this.runner.send(event, at);
    if (result.entries.length === 0) return answer(result); // a rejection or a quiet tick: nothing to store
    const ctx = this.runner.snapshot().context;
    // Only accepted moves are remembered: a rejected one is judged afresh when it comes again.
    const request = result.accepted ? requestOf(event) : undefined;
    let debrief: NegotiationDebrief | null;
    try {
      debrief = await this.persist(result.entries, request, ctx);
    } catch (error) {
      this.runner.rollBack(before);
      throw error;
    }
    this.committed = ctx;
    this.stopRetrying(); // any stored change made after a deadline has taken that deadline with it
    if (request) this.requests.rememberAnswer(request, result.entries);
    this.tell(result.entries, ctx, debrief);
    return answer(result);
  }

  /** Writes a change with its snapshot, its request and (when it finishes the negotiation) the debrief; returns that debrief. */
  private async persist(entries: LogEntry[], request: NewRequest | undefined, ctx: NegotiationContext): Promise<NegotiationDebrief | null> {
    const status = this.status();
    const debrief = status === "finished" && !this.finishedDebrief ? scoreNegotiation(this.scenario, ctx.log) : null;
    const batch = { entries, snapshot: this.runner.persisted(), status, at: this.parts.clock.now(), request, ...(debrief ? { debrief } : {}) };
    try {
      await this.parts.store.appendEntries(this.id, batch);
    } catch (error) {
      throw new StorageError(error);
    }
    return debrief;
  }

  private tell(entries: LogEntry[], ctx: NegotiationContext, debrief: NegotiationDebrief | null): void {
    if (debrief) this.finishedDebrief = debrief;
    if (this.disposed) return;
    // The change is stored whatever a listener does: its failure must not turn into a "not stored" answer.
    this.safely("changed", () => this.parts.listener.changed(entries, ctx));
    if (!debrief) return;
    this.parts.log.info("negotiation finished", { negotiation: this.id, outcome: ctx.ending?.outcome ?? "none" });
    this.safely("finished", () => this.parts.listener.finished(debrief));
  }

  private safely(what: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.parts.log.error("session listener failed", { negotiation: this.id, listener: what, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }

  private status(): NegotiationStatus {
    const snap = this.runner.snapshot();
    if (snap.status === "done") return "finished";
    return snap.context.phase === "lobby" ? "lobby" : "running";
  }

  /** The runner's deadline timer fired; a booked retry already covers it. */
  private onDeadline(): void {
    if (this.retry?.timer != null) return;
    this.queueTick();
  }

  /** One `time.tick` joins the queue, behind any write in progress; never two at once. */
  private queueTick(): void {
    if (this.disposed || this.tickQueued) return;
    this.tickQueued = true;
    void this.enqueue(async () => {
      this.tickQueued = false;
      await this.tick();
    });
  }

  private async tick(): Promise<void> {
    try {
      await this.apply({ type: "time.tick", by: SYSTEM }, undefined);
      this.stopRetrying();
    } catch (error) {
      this.retryTickLater(error);
    }
  }

  /** Books the next try of a deadline change the store refused: 1 s, 2 s, 4 s … up to a minute apart, one log line each. */
  private retryTickLater(error: unknown): void {
    if (this.disposed) return;
    const attempts = (this.retry?.attempts ?? 0) + 1;
    const delay = Math.min(TICK_RETRY_MAX_MS, TICK_RETRY_FIRST_MS * 2 ** (attempts - 1));
    this.stopRetrying();
    this.parts.log.warn("deadline change not stored; will retry", { negotiation: this.id, attempt: attempts, retryInMs: delay, error: error instanceof Error ? error.message : String(error) });
    const timer = this.parts.clock.setTimeout(() => {
      if (this.retry) this.retry.timer = null;
      this.queueTick();
    }, delay);
    this.retry = { timer, attempts };
  }

  private stopRetrying(): void {
    if (this.retry?.timer != null) this.parts.clock.clearTimeout(this.retry.timer);
    this.retry = null;
  }
}

function answer(result: SendResult): SubmitResult {
  return result.accepted ? { accepted: true, entries: result.entries } : { accepted: false, rejection: result.rejection };
}
