import { createActor, type Snapshot, type SnapshotFrom } from "xstate";
import type { Clock } from "../clock.js";
import type { Scenario } from "../scenario/schema.js";
import type { NegotiationContext, NegotiationInput } from "./context.js";
import { SYSTEM, type LogEntry, type NegotiationEvent, type Rejection } from "./events.js";
import { buildNegotiationMachine, type NegotiationMachine } from "./machine.js";

/** An event as a caller sends it: the runner stamps `at` from its clock. */
export type UnstampedEvent = NegotiationEvent extends infer E ? (E extends NegotiationEvent ? Omit<E, "at"> : never) : never;

/** What one send did. A rejected event may still have let a deadline pass, hence `entries` on both. */
export type SendResult = { accepted: true; entries: LogEntry[] } | { accepted: false; rejection: Rejection; entries: LogEntry[] };

type MachineSnapshot = SnapshotFrom<NegotiationMachine>;

/**
 * What is stored for a negotiation besides its log: the machine's state with
 * the history left out (`context.log` empty, the per-event scratch fields
 * `lastEvent` / `lastRejection` null), so its size does not grow with the
 * negotiation. `logLength` says how many log entries it was taken after; a
 * restore must be given exactly those entries.
 */
export interface DurableSnapshot {
  format: 2;
  logLength: number;
  machine: Snapshot<unknown>;
}

interface BaseOptions {
  clock: Clock;
  input?: NegotiationInput;
  /** Called with the entries every change appends, including those of clock ticks. */
  onEntries?: (entries: LogEntry[]) => void;
  /**
   * Called when the running phase's deadline passes, instead of the runner
   * sending `time.tick` itself: lets a caller put the tick in line with its
   * writes (and retry it when storing fails). Send the tick with `send`.
   */
  onDeadline?: () => void;
}

/** Resume from a stored snapshot and the log it was taken after (the events table holds the log). */
interface RestoreOptions {
  /** A `persisted()` value (possibly through JSON), or a pre-format-2 XState snapshot that still carries its log. */
  snapshot: unknown;
  log: readonly LogEntry[];
}

export type RunnerOptions = BaseOptions & (RestoreOptions | { snapshot?: undefined; log?: undefined });

export interface NegotiationRunner {
  /**
   * Apply an event stamped with the clock's time, or with `at` when given
   * (e.g. to book an outage as a pause that began when the process went down).
   */
  send(event: UnstampedEvent, at?: number): SendResult;
  /** The machine's current snapshot (value, context, `can()`); immutable, so it doubles as a rollback point. */
  snapshot(): MachineSnapshot;
  /** The JSON-serialisable state to store; restore it with the log as `{ snapshot, log }`. */
  persisted(): DurableSnapshot;
  /**
   * Puts the machine back to a snapshot taken earlier with `snapshot()` (the
   * state before a change that could not be stored), re-arms the deadline
   * timer for it and tells subscribers.
   */
  rollBack(to: MachineSnapshot): void;
  /** Called after every change; returns the function that unsubscribes. Do not send from inside it. */
  subscribe(listener: (snapshot: MachineSnapshot) => void): () => void;
  /** Clears the deadline timer and stops the actor; later sends are rejected. */
  stop(): void;
}

/**
 * Runs one negotiation on an injected clock: stamps every event with the
 * clock's time, answers each send with its entries or its rejection, and
 * keeps one timer armed for the running phase's deadline, which sends a
 * `time.tick` (or calls `onDeadline`) when it fires. A snapshot restored
 * after its deadline catches up on the first tick (armed with no delay).
 */
export function createNegotiationRunner(scenario: Scenario, options: RunnerOptions): NegotiationRunner {
  const { clock, onEntries, onDeadline } = options;
  const machine = buildNegotiationMachine(scenario);
  const listeners = new Set<(snapshot: MachineSnapshot) => void>();
  const initial = options.snapshot === undefined ? undefined : restorableSnapshot(options.snapshot, options.log);
  let actor = startActor(initial);
  let timer: { id: unknown; due: number } | null = null;
  let busy = false;
  let stopped = false;

  const context = () => actor.getSnapshot().context;

  function startActor(snapshot: Snapshot<unknown> | undefined) {
    const created = createActor(machine, { input: options.input, ...(snapshot === undefined ? {} : { snapshot }) }).start();
    // Only the current actor speaks to subscribers: one replaced by a rollback stays silent.
    created.subscribe((next) => {
      if (created === actor) for (const listener of listeners) listener(next);
    });
    return created;
  }

  function clearTimer(): void {
    if (timer !== null) clock.clearTimeout(timer.id);
    timer = null;
  }

  function onTimer(): void {
    timer = null;
    if (onDeadline) onDeadline();
    else dispatch({ type: "time.tick", by: SYSTEM }, undefined);
  }

  function arm(): void {
    const snapshot = actor.getSnapshot();
    const running = snapshot.status === "active" && !stopped && snapshot.context.pausedAt === null;
    const due = running ? snapshot.context.phaseEndsAt : null;
    if (timer !== null && timer.due === due) return;
    clearTimer();
    if (due === null) return;
    timer = { id: clock.setTimeout(onTimer, Math.max(0, due - clock.now())), due };
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
      actor.send(stamped(event, at ?? clock.now()));
    } finally {
      busy = false;
    }
    const after = context();
    const entries = after.log.slice(before.log.length);
    if (entries.length > 0) onEntries?.(entries);
    arm();
    const rejection = after.lastRejection !== before.lastRejection ? after.lastRejection : null;
    return rejection === null ? { accepted: true, entries } : { accepted: false, rejection, entries };
  }

  function rollBack(to: MachineSnapshot): void {
    if (stopped || to === actor.getSnapshot()) return;
    const replaced = actor;
    actor = startActor(machine.getPersistedSnapshot(to));
    replaced.stop();
    clearTimer();
    arm();
    for (const listener of listeners) listener(actor.getSnapshot());
  }

  arm();
  return {
    send: (event, at) => dispatch(event, at),
    snapshot: () => actor.getSnapshot(),
    persisted: () => durableSnapshot(machine, actor.getSnapshot()),
    rollBack,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop() {
      stopped = true;
      clearTimer();
      actor.stop();
    },
  };
}

/** The clock's time put on an event; the spread keeps each member of the union intact. */
function stamped(event: UnstampedEvent, at: number): NegotiationEvent {
  return { ...event, at } as NegotiationEvent;
}

/**
 * The stored form of a machine snapshot: its state without its history. The
 * log is left out before XState copies the context, so this costs the same
 * on move 500 as on move 5.
 */
export function durableSnapshot(machine: NegotiationMachine, snapshot: MachineSnapshot): DurableSnapshot {
  const withoutHistory: MachineSnapshot = { ...snapshot, context: { ...snapshot.context, log: [], lastEvent: null, lastRejection: null } };
  return { format: 2, logLength: snapshot.context.log.length, machine: machine.getPersistedSnapshot(withoutHistory) };
}

/**
 * A snapshot XState can restore: the stored state with `log` put back and the
 * per-event scratch fields cleared (a restored actor never sees the event they
 * referred to again, so null behaves the same). Throws when the log is not the
 * one the snapshot was taken after, rather than resuming a machine whose offer
 * numbers point at the wrong entries.
 */
export function restorableSnapshot(stored: unknown, log: readonly LogEntry[]): Snapshot<unknown> {
  const found = storedMachine(stored);
  if (found.logLength !== log.length) {
    throw new Error(`The stored snapshot was taken after ${found.logLength} log entries, but ${log.length} were given: the log and the snapshot disagree.`);
  }
  log.forEach((entry, i) => {
    if (entry.seq !== i + 1) throw new Error(`The log given to restore has seq ${entry.seq} at position ${i + 1}; seqs must run 1, 2, 3...`);
  });
  const scratch: Pick<NegotiationContext, "log" | "lastEvent" | "lastRejection"> = { log: [...log], lastEvent: null, lastRejection: null };
  const revived: StoredMachine = { ...found.machine, context: { ...found.machine.context, ...scratch } };
  return revived;
}

type StoredMachine = Snapshot<unknown> & { context: Record<string, unknown> };

/** The machine part of a stored snapshot, format 2 or the older one that carried its log. */
function storedMachine(stored: unknown): { machine: StoredMachine; logLength: number } {
  if (isRecord(stored) && stored.format === 2 && typeof stored.logLength === "number" && isMachineSnapshot(stored.machine)) {
    return { machine: stored.machine, logLength: stored.logLength };
  }
  // Stored before format 2: the log inside is a stale copy; the events table's must match its length.
  if (isMachineSnapshot(stored) && Array.isArray(stored.context.log)) return { machine: stored, logLength: stored.context.log.length };
  throw new Error("The stored snapshot is not one this version can restore (expected a negotiation machine snapshot).");
}

const STATUSES: ReadonlySet<unknown> = new Set(["active", "done", "error", "stopped"]);

function isMachineSnapshot(value: unknown): value is StoredMachine {
  return isRecord(value) && STATUSES.has(value.status) && isRecord(value.context);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
