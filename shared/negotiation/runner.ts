import { createActor, type Snapshot, type SnapshotFrom } from "xstate";
import type { Clock } from "../clock.js";
import type { Scenario } from "../scenario/schema.js";
import type { NegotiationInput } from "./context.js";
import { SYSTEM, type LogEntry, type NegotiationEvent, type Rejection } from "./events.js";
import { buildNegotiationMachine, type NegotiationMachine } from "./machine.js";

/** An event as a caller sends it: the runner stamps `at` from its clock. */
export type UnstampedEvent = NegotiationEvent extends infer E ? (E extends NegotiationEvent ? Omit<E, "at"> : never) : never;

/** What one send did. A rejected event may still have let a deadline pass, hence `entries` on both. */
export type SendResult = { accepted: true; entries: LogEntry[] } | { accepted: false; rejection: Rejection; entries: LogEntry[] };

export interface RunnerOptions {
  clock: Clock;
  /** A persisted snapshot (`getPersistedSnapshot()`, possibly through JSON) to resume from. */
  snapshot?: unknown;
  input?: NegotiationInput;
  /** Called with the entries every change appends, including those of clock ticks: the hook for durable storage. */
  onEntries?: (entries: LogEntry[]) => void;
}

export interface NegotiationRunner {
  /**
   * Apply an event stamped with the clock's time, or with `at` when given
   * (e.g. to book an outage as a pause that began when the process went down).
   */
  send(event: UnstampedEvent, at?: number): SendResult;
  /** The machine's current snapshot (value, context, `can()`). */
  snapshot(): SnapshotFrom<NegotiationMachine>;
  /** The JSON-serialisable snapshot to store and later pass back as `snapshot`. */
  persisted(): Snapshot<unknown>;
  /** Called after every change; returns the function that unsubscribes. Do not send from inside it. */
  subscribe(listener: (snapshot: SnapshotFrom<NegotiationMachine>) => void): () => void;
  /** Clears the deadline timer and stops the actor; later sends are rejected. */
  stop(): void;
}

/**
 * Runs one negotiation on an injected clock: stamps every event with the
 * clock's time, answers each send with its entries or its rejection, and
 * keeps one timer armed for the running phase's deadline, which sends a
 * `time.tick` when it fires. A snapshot restored after its deadline catches
 * up on the first tick (armed with no delay).
 */
export function createNegotiationRunner(scenario: Scenario, options: RunnerOptions): NegotiationRunner {
  const { clock, onEntries } = options;
  const actor = createActor(buildNegotiationMachine(scenario), {
    input: options.input,
    ...(options.snapshot === undefined ? {} : { snapshot: options.snapshot as Snapshot<unknown> as never }),
  });
  let timer: { id: unknown; due: number } | null = null;
  let busy = false;
  let stopped = false;
  actor.start();

  const context = () => actor.getSnapshot().context;

  function arm(): void {
    const snapshot = actor.getSnapshot();
    const running = snapshot.status === "active" && !stopped && snapshot.context.pausedAt === null;
    const due = running ? snapshot.context.phaseEndsAt : null;
    if (timer !== null && timer.due === due) return;
    if (timer !== null) clock.clearTimeout(timer.id);
    timer = null;
    if (due === null) return;
    const id = clock.setTimeout(() => {
      timer = null;
      dispatch({ type: "time.tick", by: SYSTEM }, undefined);
    }, Math.max(0, due - clock.now()));
    timer = { id, due };
  }

  function over(event: UnstampedEvent, message: string): SendResult {
    const rejection: Rejection = { code: "negotiation-over", message, by: event.by, type: event.type, at: clock.now(), ...(event.ref === undefined ? {} : { ref: event.ref }) };
    return { accepted: false, rejection, entries: [] };
  }

  function dispatch(event: UnstampedEvent, at: number | undefined): SendResult {
    if (stopped) return over(event, "This negotiation is no longer running.");
    if (actor.getSnapshot().status !== "active") return over(event, "The session is over; the debrief is open.");
    // Events are answered synchronously; a send from inside a listener would be queued and could not be.
    if (busy) throw new Error("NegotiationRunner.send() called while another event was being processed");
    busy = true;
    const before = context();
    try {
      actor.send({ ...event, at: at ?? clock.now() } as NegotiationEvent);
    } finally {
      busy = false;
    }
    const after = context();
    const entries = after.log.slice(before.log.length);
    if (entries.length > 0) onEntries?.(entries);
    arm();
    const rejected = after.lastRejection !== before.lastRejection && after.lastRejection !== null;
    return rejected ? { accepted: false, rejection: after.lastRejection!, entries } : { accepted: true, entries };
  }

  arm();
  return {
    send: (event, at) => dispatch(event, at),
    snapshot: () => actor.getSnapshot(),
    persisted: () => actor.getPersistedSnapshot(),
    subscribe(listener) {
      const subscription = actor.subscribe(listener);
      return () => subscription.unsubscribe();
    },
    stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer.id);
      timer = null;
      actor.stop();
    },
  };
}
