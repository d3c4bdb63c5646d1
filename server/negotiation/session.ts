import type { Clock } from "../../shared/clock.js";
import type { NegotiationContext } from "../../shared/negotiation/context.js";
import type { LogEntry, NegotiationEvent, Rejection } from "../../shared/negotiation/events.js";
import { createNegotiationRunner, type NegotiationRunner } from "../../shared/negotiation/runner.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import type { NegotiationDebrief } from "../../shared/scoring/types.js";
import type { Logger } from "../log.js";
import type { NegotiationStatus, NegotiationStore } from "../storage/store.js";

type WithoutAt<E> = E extends unknown ? Omit<E, "at"> : never;
export type SessionEvent = WithoutAt<NegotiationEvent>;

export type SubmitResult = { accepted: true; entries: LogEntry[] } | { accepted: false; rejection: Rejection };

export interface SessionListener {
  /** New log entries, already durable, plus the context they led to. */
  changed(entries: LogEntry[], context: NegotiationContext): void;
  /** The negotiation is over and its debrief is stored. */
  finished(debrief: NegotiationDebrief): void;
}

/**
 * One negotiation in one process: the machine runner, and the rule that an
 * accepted move is written to storage before anyone hears of it. Entries the
 * runner makes on its own (a deadline passing) are persisted the same way.
 * All writes go through one queue, so storage sees the log in order.
 */
export class NegotiationSession {
  private persistedSeq: number;
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribe: () => void;
  private finishedDebrief: NegotiationDebrief | null = null;

  private constructor(
    readonly id: string,
    readonly scenario: Scenario,
    private readonly runner: NegotiationRunner,
    private readonly store: NegotiationStore,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly listener: SessionListener,
  ) {
    this.persistedSeq = this.context().log.length;
    // A timer-driven change (deadline) produces entries outside submit(): persist them too.
    this.unsubscribe = runner.subscribe(() => void this.enqueue(() => this.flush()));
  }

  static async create(a: { id: string; scenario: Scenario; store: NegotiationStore; clock: Clock; log: Logger; listener: SessionListener; timeScale: number }) {
    const runner = createNegotiationRunner(a.scenario, { clock: a.clock, input: { timeScale: a.timeScale } });
    await a.store.createNegotiation({
      id: a.id, scenarioId: a.scenario.id, scenarioVersion: a.scenario.version, status: "lobby",
      options: { timeScale: a.timeScale }, createdAt: a.clock.now(), snapshot: runner.persisted(),
    });
    return new NegotiationSession(a.id, a.scenario, runner, a.store, a.clock, a.log, a.listener);
  }

  /**
   * Rebuilds a negotiation from its stored snapshot after a restart. The
   * outage is booked as a pause, so every seat keeps the time it had left.
   */
  static async restore(a: { id: string; scenario: Scenario; snapshot: unknown; downSince: number; store: NegotiationStore; clock: Clock; log: Logger; listener: SessionListener }) {
    const runner = createNegotiationRunner(a.scenario, { clock: a.clock, snapshot: a.snapshot });
    const session = new NegotiationSession(a.id, a.scenario, runner, a.store, a.clock, a.log, a.listener);
    const ctx = session.context();
    // Only a running clock is paused, and never before the last thing the machine saw (or past its deadline).
    const pauseAt = Math.max(a.downSince, ctx.now);
    if (ctx.phaseEndsAt !== null && ctx.pausedAt === null && pauseAt < ctx.phaseEndsAt) {
      await session.submit({ type: "session.pause", by: "system" }, pauseAt);
      await session.submit({ type: "session.resume", by: "system" });
    }
    return session;
  }

  context(): NegotiationContext {
    return this.runner.snapshot().context;
  }

  get finished(): NegotiationDebrief | null {
    return this.finishedDebrief;
  }

  /** Applies an event; resolves once its entries are durable (or with the machine's rejection). */
  submit(event: SessionEvent, at?: number): Promise<SubmitResult> {
    return this.enqueue(async () => {
      const result = this.runner.send(event, at);
      if (!result.accepted) return result;
      await this.flush();
      return { accepted: true as const, entries: result.entries };
    });
  }

  /** Keeps the stored snapshot fresh so a restart knows when the process went down. */
  heartbeat(): Promise<void> {
    return this.enqueue(() => this.store.touch(this.id, this.clock.now()));
  }

  dispose(): void {
    this.unsubscribe();
    this.runner.stop();
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private status(): NegotiationStatus {
    const snap = this.runner.snapshot();
    if (snap.status === "done") return "finished";
    return snap.context.phase === "lobby" ? "lobby" : "running";
  }

  private async flush(): Promise<void> {
    const ctx = this.context();
    const fresh = ctx.log.slice(this.persistedSeq);
    const status = this.status();
    if (fresh.length === 0 && (status !== "finished" || this.finishedDebrief)) return;
    const now = this.clock.now();
    await this.store.appendEntries(this.id, fresh, this.runner.persisted(), status, now);
    this.persistedSeq = ctx.log.length;
    if (fresh.length) this.listener.changed(fresh, ctx);
    if (status === "finished" && !this.finishedDebrief) {
      const debrief = scoreNegotiation(this.scenario, ctx.log);
      await this.store.saveDebrief(this.id, debrief, now);
      this.finishedDebrief = debrief;
      this.log.info("negotiation finished", { negotiation: this.id, outcome: ctx.ending?.outcome ?? "none" });
      this.listener.finished(debrief);
    }
  }
}
