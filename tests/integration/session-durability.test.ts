import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SimulatedClock } from "xstate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { LogEntry } from "../../shared/negotiation/events.js";
import type { Logger } from "../../server/log.js";
import { NegotiationSession, REMEMBERED_REQUESTS, StorageError, TICK_RETRY_FIRST_MS, type SessionEvent, type SessionListener, type SessionStore } from "../../server/negotiation/session.js";
import { NegotiationStore, type AppendBatch, type NegotiationRecord, type StoredRequest } from "../../server/storage/store.js";
import { PACKAGES, partnership } from "../fixtures/machine/scenarios.js";

/** A real store that can be told to fail its next writes, and counts what it was asked to write. */
class FlakyStore implements SessionStore {
  attempts = 0;
  /** Bytes of each stored batch: its entries plus its snapshot, as JSON. */
  written: number[] = [];
  /** What happened, in order: "stored 12" after a write, for checking that listeners come after. */
  readonly events: string[];
  private failing = 0;

  constructor(private readonly inner: SessionStore, events: string[] = []) {
    this.events = events;
  }

  failNextWrites(count: number): void {
    this.failing = count;
  }

  createNegotiation(rec: Parameters<NegotiationStore["createNegotiation"]>[0]) {
    return this.inner.createNegotiation(rec);
  }

  async appendEntries(id: string, batch: AppendBatch): Promise<void> {
    this.attempts++;
    if (this.failing > 0) {
      this.failing--;
      throw new Error("disk full (test)");
    }
    await this.inner.appendEntries(id, batch);
    this.written.push(JSON.stringify(batch.entries).length + JSON.stringify(batch.snapshot).length);
    this.events.push(`stored ${batch.entries.map((e) => e.seq).join(",")}${batch.debrief === undefined ? "" : " with debrief"}`);
  }

  touch(id: string, at: number) {
    return this.inner.touch(id, at);
  }

  listEntries(id: string, afterSeq?: number) {
    return this.inner.listEntries(id, afterSeq);
  }

  listRequests(id: string, limit: number) {
    return this.inner.listRequests(id, limit);
  }
}

/** Keeps everything in memory: for tests that need many moves but not a database. */
class MemoryStore implements SessionStore {
  private readonly log: LogEntry[] = [];
  private readonly requests: StoredRequest[] = [];
  async createNegotiation() {}
  async touch() {}
  async appendEntries(_id: string, batch: AppendBatch) {
    this.log.push(...batch.entries);
    const first = batch.entries[0];
    const last = batch.entries.at(-1);
    if (batch.request && first && last) this.requests.push({ ...batch.request, firstSeq: first.seq, lastSeq: last.seq });
  }
  async listEntries() {
    return [...this.log];
  }
  async listRequests(_id: string, limit: number) {
    return this.requests.slice(-limit);
  }
}

function recordingLog(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const at = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

function recordingListener(events: string[]): SessionListener & { changes: LogEntry[][]; finishes: number } {
  const listener = {
    changes: [] as LogEntry[][],
    finishes: 0,
    changed(entries: LogEntry[]) {
      listener.changes.push(entries);
      events.push(`changed ${entries.map((e) => e.seq).join(",")}`);
    },
    finished() {
      listener.finishes++;
      events.push("finished");
    },
  };
  return listener;
}

const chat = (by: string, text: string, ref?: string): SessionEvent => ({ type: "chat.send", by, text, ...(ref === undefined ? {} : { ref }) });

let dir: string;
let db: NegotiationStore;
let serial = 0;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "negotiation-durability-"));
  db = await NegotiationStore.open({ dataDir: dir });
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A partnership negotiation with both seats taken, advanced to discovery (3 minutes, chat allowed). */
async function inDiscovery(inner: SessionStore = db) {
  const events: string[] = [];
  const store = new FlakyStore(inner, events);
  const clock = new SimulatedClock();
  clock.set(1_000_000);
  const log = recordingLog();
  const listener = recordingListener(events);
  const id = `n${++serial}`;
  const session = await NegotiationSession.create({ id, scenario: partnership, store, clock, log, listener, timeScale: 1 });
  await session.submit({ type: "seat.claim", by: "buyer", seat: "buyer", occupant: "human" });
  await session.submit({ type: "seat.claim", by: "seller", seat: "seller", occupant: "human" });
  await session.submit({ type: "session.start", by: "facilitator" });
  while (session.context().phase !== "discovery") await session.submit({ type: "phase.advance", by: "facilitator" });
  events.length = 0;
  listener.changes.length = 0;
  return { id, session, store, clock, log, listener, events };
}

async function storedRecord(id: string): Promise<NegotiationRecord> {
  const record = await db.getNegotiation(id);
  if (!record) throw new Error(`negotiation ${id} is not stored`);
  return record;
}

const storedSnapshotBytes = async (id: string) => JSON.stringify((await storedRecord(id)).snapshot).length;
const chatTexts = (log: readonly LogEntry[]) => log.filter((e) => e.type === "chat.send").map((e) => e.payload.text);

async function restart(a: { id: string; store: SessionStore; clock: SimulatedClock; log: Logger; listener: SessionListener }, from: NegotiationStore = db) {
  const record = await from.getNegotiation(a.id);
  if (!record) throw new Error(`negotiation ${a.id} is not stored`);
  return NegotiationSession.restore({ ...a, scenario: partnership, snapshot: record.snapshot, downSince: record.updatedAt });
}

describe("the stored snapshot", () => {
  it("stays the same size from move 10 to move 500, and each move writes the same few bytes: the log is kept once, in events", async () => {
    const t = await inDiscovery();
    let at10 = { snapshot: 0, written: 0 };
    for (let move = 1; move <= 500; move++) {
      t.clock.increment(100);
      const reply = await t.session.submit(chat(move % 2 ? "buyer" : "seller", `Message ${String(move).padStart(3, "0")}`, `r${move}`));
      expect(reply.accepted).toBe(true);
      if (move === 10) at10 = { snapshot: await storedSnapshotBytes(t.id), written: t.store.written.at(-1) ?? 0 };
    }
    const at500 = { snapshot: await storedSnapshotBytes(t.id), written: t.store.written.at(-1) ?? 0 };
    console.info(`[figures] stored snapshot: ${at10.snapshot} bytes after move 10, ${at500.snapshot} after move 500; bytes written for move 10: ${at10.written}, for move 500: ${at500.written}`);
    expect(at500.snapshot - at10.snapshot).toBeLessThanOrEqual(8);
    expect(at500.written - at10.written).toBeLessThanOrEqual(8);

    // The log comes back whole from the events table.
    const live = t.session.context();
    t.session.dispose();
    const back = await restart(t);
    expect(back.context().log.slice(0, live.log.length)).toEqual(live.log);
    expect(chatTexts(back.context().log)).toHaveLength(500);
    back.dispose();
  }, 120_000);
});

describe("a change the store could not write", () => {
  it("leaves no trace, is announced to nobody, and the next move works", async () => {
    const t = await inDiscovery();
    const before = t.session.context();
    t.store.failNextWrites(1);
    await expect(t.session.submit(chat("buyer", "Lost to a full disk", "a1"))).rejects.toBeInstanceOf(StorageError);
    expect(t.session.context()).toEqual(before);
    expect(t.listener.changes).toEqual([]);

    const kept = await t.session.submit(chat("buyer", "Kept", "a2"));
    expect(kept).toMatchObject({ accepted: true, entries: [{ seq: before.log.length + 1, payload: { text: "Kept" } }] });
    expect(chatTexts(await db.listEntries(t.id))).toEqual(["Kept"]);

    // "Try again": the same move, sent again, is applied once.
    await t.session.submit(chat("buyer", "Lost to a full disk", "a1"));
    expect(chatTexts(await db.listEntries(t.id))).toEqual(["Kept", "Lost to a full disk"]);
    expect(await db.listEntries(t.id)).toEqual(t.session.context().log);
    t.session.dispose();
  });

  it("a move the database cannot hold (a NUL character) is refused without a trace, and later moves still work", async () => {
    const t = await inDiscovery();
    const before = t.session.context();
    await expect(t.session.submit(chat("seller", "nul \u0000 inside", "b1"))).rejects.toBeInstanceOf(StorageError);
    expect(t.session.context()).toEqual(before);
    for (const text of ["First after", "Second after"]) expect((await t.session.submit(chat("seller", text))).accepted).toBe(true);
    expect(chatTexts(await db.listEntries(t.id))).toEqual(["First after", "Second after"]);
    expect(await db.listEntries(t.id)).toEqual(t.session.context().log);
    t.session.dispose();
  });

  it("a deadline passing while storage is down is retried 1 s, 2 s, 4 s later (never in a loop), then stored once", async () => {
    const t = await inDiscovery();
    const deadline = t.session.context().phaseEndsAt ?? 0;
    t.store.failNextWrites(3);
    const attempted = t.store.attempts;
    t.clock.set(deadline);
    await vi.waitFor(() => expect(t.store.attempts).toBe(attempted + 1));
    expect(t.session.context().phase).toBe("discovery");

    const waitFor = async (extra: number, wait: number) => {
      t.clock.increment(wait - 1);
      await new Promise((r) => setTimeout(r, 30)); // real time passes; the store is not asked again before the back-off
      expect(t.store.attempts).toBe(attempted + extra - 1);
      t.clock.increment(1);
      await vi.waitFor(() => expect(t.store.attempts).toBe(attempted + extra));
    };
    await waitFor(2, TICK_RETRY_FIRST_MS);
    await waitFor(3, 2 * TICK_RETRY_FIRST_MS);
    expect(t.listener.changes).toEqual([]);
    await waitFor(4, 4 * TICK_RETRY_FIRST_MS); // the store works again
    await vi.waitFor(() => expect(t.session.context().phase).toBe("proposals"));

    const started = (await db.listEntries(t.id)).filter((e) => e.type === "phase.started" && e.payload.phase === "proposals");
    expect(started).toHaveLength(1);
    expect(started[0]?.at).toBe(deadline); // the phase began when its deadline passed, not when the retry got through
    expect(t.listener.changes.map((c) => c.map((e) => e.type))).toEqual([["phase.started"]]);
    expect(t.log.lines.filter((l) => l.level === "warn")).toHaveLength(3);
    t.clock.increment(60_000);
    await new Promise((r) => setTimeout(r, 30));
    expect(t.store.attempts).toBe(attempted + 4);
    t.session.dispose();
  });

  it("a move that gets through during the back-off carries the deadline with it, and the retry stops", async () => {
    const t = await inDiscovery();
    t.store.failNextWrites(1);
    t.clock.set(t.session.context().phaseEndsAt ?? 0);
    await vi.waitFor(() => expect(t.log.lines.filter((l) => l.level === "warn")).toHaveLength(1));
    const late = await t.session.submit(chat("buyer", "Too late for discovery", "c1"));
    expect(late).toMatchObject({ accepted: false, rejection: { code: "wrong-phase" } });
    expect(t.session.context().phase).toBe("proposals");
    const attempts = t.store.attempts;
    t.clock.increment(10 * TICK_RETRY_FIRST_MS);
    await new Promise((r) => setTimeout(r, 30));
    expect(t.store.attempts).toBe(attempts);
    t.session.dispose();
  });
});

describe("a replayed request", () => {
  it("gets its first answer and is applied once, a rejected one is judged afresh, and this survives a restart", async () => {
    const t = await inDiscovery();
    const first = await t.session.submit(chat("buyer", "Hello", "q1"));
    const length = t.session.context().log.length;
    expect(await t.session.submit(chat("buyer", "Hello", "q1"))).toEqual(first);
    expect(t.session.context().log).toHaveLength(length);
    // The same ref from another seat, or for another move, is another request.
    expect(await t.session.submit(chat("seller", "Hello", "q1"))).toMatchObject({ accepted: true, entries: [{ by: "seller" }] });
    expect(await t.session.submit(chat("buyer", "A different move", "q9"))).toMatchObject({ accepted: true });

    const offer: SessionEvent = { type: "offer.propose", by: "buyer", to: "seller", package: PACKAGES.best, ref: "q2" };
    expect(await t.session.submit(offer)).toMatchObject({ accepted: false, rejection: { code: "wrong-phase" } });
    await t.session.submit({ type: "phase.advance", by: "facilitator", ref: "f1" });
    const proposed = await t.session.submit(offer);
    expect(proposed).toMatchObject({ accepted: true, entries: [{ type: "offer.propose" }] });

    // A restart, with the database closed and opened again.
    t.session.dispose();
    await db.close();
    db = await NegotiationStore.open({ dataDir: dir });
    const store = new FlakyStore(db);
    const back = await restart({ ...t, store });
    const restoredLength = back.context().log.length;
    expect(await back.submit(chat("buyer", "Hello", "q1"))).toEqual(first);
    expect(await back.submit(offer)).toEqual(proposed);
    expect(back.context().log).toHaveLength(restoredLength);
    expect(await db.listEntries(t.id)).toHaveLength(restoredLength);
    back.dispose();
  }, 60_000);

  it("remembers a bounded number of requests: the latest ones", async () => {
    const t = await inDiscovery(new MemoryStore());
    const answers: LogEntry[][] = [];
    for (let n = 1; n <= REMEMBERED_REQUESTS + 10; n++) {
      const reply = await t.session.submit(chat("buyer", "Same words", `m${n}`));
      if (reply.accepted) answers.push(reply.entries);
    }
    const length = t.session.context().log.length;
    expect(await t.session.submit(chat("buyer", "Same words", `m${REMEMBERED_REQUESTS + 10}`))).toEqual({ accepted: true, entries: answers.at(-1) });
    expect(await t.session.submit(chat("buyer", "Same words", "m11"))).toEqual({ accepted: true, entries: answers[10] });
    expect(t.session.context().log).toHaveLength(length);
    // m1 is long forgotten: sending it now is a new move.
    await t.session.submit(chat("buyer", "Same words", "m1"));
    expect(t.session.context().log).toHaveLength(length + 1);
    t.session.dispose();
  });
});

describe("the end of a negotiation", () => {
  it("stores entries before the listener hears of them, and reports the end once, with its debrief stored in the same write", async () => {
    const t = await inDiscovery();
    await t.session.submit({ type: "session.end", by: "facilitator", reason: "Plenary" });
    t.store.failNextWrites(1);
    const finishing: SessionEvent = { type: "session.end", by: "facilitator", reason: "Debrief now", ref: "end" };
    await expect(t.session.submit(finishing)).rejects.toBeInstanceOf(StorageError);
    expect(t.session.finished).toBeNull();
    expect(await db.getDebrief(t.id)).toBeNull();
    expect((await storedRecord(t.id)).status).toBe("running");

    await t.session.submit(finishing);
    expect(t.session.finished).not.toBeNull();
    expect(await db.getDebrief(t.id)).toEqual(t.session.finished);
    expect((await storedRecord(t.id)).status).toBe("finished");
    await t.session.submit(chat("buyer", "Anyone there?"));
    expect(t.listener.finishes).toBe(1);
    const [talksEnded, debriefOpened] = t.listener.changes.map((entries) => entries.map((e) => e.seq).join(","));
    expect(t.events).toEqual([`stored ${talksEnded}`, `changed ${talksEnded}`, `stored ${debriefOpened} with debrief`, `changed ${debriefOpened}`, "finished"]);
    t.session.dispose();
  });
});
