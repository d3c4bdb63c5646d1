import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { MIGRATIONS } from "../../server/storage/migrations.js";
import { openPglite } from "../../server/storage/sql.js";
import { NegotiationStore } from "../../server/storage/store.js";
import { optionalService, uniqueName } from "../support/services.js";

const entry = (seq: number, type: LogEntry["type"], payload: Record<string, unknown> = {}): LogEntry => ({
  seq, at: 1_000 + seq, by: seq === 1 ? "system" : "buyer", type, phase: "rfq", payload, audience: seq === 3 ? ["buyer"] : "all",
});

function storeContract(name: string, open: () => Promise<NegotiationStore>) {
  describe(name, () => {
    let store: NegotiationStore;
    afterAll(async () => store?.close());

    it("keeps a negotiation, its seats, its log and snapshot, and its debrief across a reopen", async () => {
      store = await open();
      await store.createNegotiation({ id: "n1", scenarioId: "demo", scenarioVersion: 2, status: "lobby", options: { timeScale: 1 }, createdAt: 1_000 });
      await store.saveSeat("n1", { seatId: "buyer", tokenHash: "h1", displayName: "Ana", occupant: "human", claimedAt: 1_001 });
      await store.appendEntries("n1", { entries: [entry(1, "phase.started", { phase: "rfq" }), entry(2, "rfq.issue")], snapshot: { value: "rfq" }, status: "running", at: 1_002 });
      await store.appendEntries("n1", { entries: [entry(3, "objectives.set", { objectives: ["a", "b", "c"] })], snapshot: { value: "rfq", n: 3 }, status: "running", at: 1_003, request: { by: "buyer", ref: "r-3", digest: "d3" } });
      await store.close();
      store = await open();

      const rec = await store.getNegotiation("n1");
      expect(rec).toMatchObject({ scenarioId: "demo", scenarioVersion: 2, status: "running", snapshot: { value: "rfq", n: 3 }, updatedAt: 1_003 });
      const log = await store.listEntries("n1");
      expect(log.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(log[2]).toEqual(entry(3, "objectives.set", { objectives: ["a", "b", "c"] }));
      expect(await store.listEntries("n1", 2)).toHaveLength(1);
      expect(await store.listSeats("n1")).toEqual([{ seatId: "buyer", tokenHash: "h1", displayName: "Ana", occupant: "human", claimedAt: 1_001 }]);
      expect((await store.listUnfinished()).map((r) => r.id)).toContain("n1");
      expect(await store.listRequests("n1", 10)).toEqual([{ by: "buyer", ref: "r-3", digest: "d3", firstSeq: 3, lastSeq: 3 }]);

      await store.appendEntries("n1", { entries: [], snapshot: { value: "debrief" }, status: "finished", at: 2_000, debrief: { headline: "deal" } });
      expect(await store.getDebrief("n1")).toEqual({ headline: "deal" });
      expect((await store.listUnfinished()).map((r) => r.id)).not.toContain("n1");
      expect((await store.getNegotiation("n1"))?.endedAt).toBe(2_000);
    });

    it("refuses a duplicate log sequence and stores none of that batch", async () => {
      await expect(store.appendEntries("n1", { entries: [entry(4, "chat.send"), entry(3, "chat.send")], snapshot: { value: "x" }, status: "running", at: 3_000, request: { by: "buyer", ref: "r-4", digest: "d4" } })).rejects.toThrow();
      expect((await store.listEntries("n1")).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await store.getNegotiation("n1"))?.snapshot).toEqual({ value: "debrief" });
      expect(await store.listRequests("n1", 10)).toHaveLength(1);
    });

    it("stores a batch's entries, request and debrief together, or none of them", async () => {
      await store.createNegotiation({ id: "n2", scenarioId: "demo", scenarioVersion: 1, status: "running", options: {}, createdAt: 1_000 });
      await store.appendEntries("n2", { entries: [entry(1, "phase.started"), entry(2, "chat.send")], snapshot: { value: "a" }, status: "running", at: 1_001, request: { by: "buyer", ref: "x", digest: "dx" } });
      // A NUL cannot go into jsonb: the whole batch fails, the debrief and the request included.
      const poisoned = { entries: [entry(3, "chat.send", { text: "a\u0000b" })], snapshot: { value: "b" }, status: "finished" as const, at: 1_002, request: { by: "buyer", ref: "y", digest: "dy" }, debrief: { headline: "never" } };
      await expect(store.appendEntries("n2", poisoned)).rejects.toThrow();
      expect((await store.listEntries("n2")).map((e) => e.seq)).toEqual([1, 2]);
      expect(await store.listRequests("n2", 10)).toEqual([{ by: "buyer", ref: "x", digest: "dx", firstSeq: 1, lastSeq: 2 }]);
      expect(await store.getDebrief("n2")).toBeNull();
      expect(await store.getNegotiation("n2")).toMatchObject({ status: "running", snapshot: { value: "a" } });
    });

    it("lists only the latest requests, oldest first", async () => {
      await store.createNegotiation({ id: "n3", scenarioId: "demo", scenarioVersion: 1, status: "running", options: {}, createdAt: 1_000 });
      for (let seq = 1; seq <= 5; seq++) {
        await store.appendEntries("n3", { entries: [entry(seq, "chat.send")], snapshot: {}, status: "running", at: 1_000 + seq, request: { by: "buyer", ref: `r${seq}`, digest: "d" } });
      }
      expect((await store.listRequests("n3", 2)).map((r) => r.ref)).toEqual(["r4", "r5"]);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "negotiation-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
storeContract("PGlite store (embedded default)", () => NegotiationStore.open({ dataDir: dir }));

describe("a database written by the previous version (migration 1 only)", () => {
  it("opens with its negotiations and log intact, and remembers requests from then on", async () => {
    const oldDir = mkdtempSync(join(tmpdir(), "negotiation-store-v1-"));
    const db = await openPglite(oldDir);
    await db.query("create table schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())");
    const [first] = MIGRATIONS;
    for (const statement of first!.sql.split(";").map((s) => s.trim()).filter(Boolean)) await db.query(statement);
    await db.query("insert into schema_migrations (version, name) values (1, $1)", [first!.name]);
    await db.query("insert into negotiations (id, scenario_id, scenario_version, status, snapshot, created_at, updated_at) values ('old', 'demo', 1, 'running', '{}', 1, 1)");
    await db.query("insert into events (negotiation_id, seq, at, by_actor, type, phase, payload, audience) values ('old', 1, 1, 'system', 'phase.started', 'rfq', '{}', '\"all\"')");
    await db.close();

    const store = await NegotiationStore.open({ dataDir: oldDir });
    try {
      expect((await store.listEntries("old")).map((e) => e.seq)).toEqual([1]);
      expect(await store.listRequests("old", 10)).toEqual([]);
      await store.appendEntries("old", { entries: [entry(2, "chat.send")], snapshot: {}, status: "running", at: 2, request: { by: "buyer", ref: "r1", digest: "d" } });
      expect(await store.listRequests("old", 10)).toEqual([{ by: "buyer", ref: "r1", digest: "d", firstSeq: 2, lastSeq: 2 }]);
    } finally {
      await store.close();
      rmSync(oldDir, { recursive: true, force: true });
    }
  });
});

const databaseUrl = optionalService("DATABASE_URL", "PostgreSQL store");
if (databaseUrl) {
    const databaseSchema = uniqueName("t_store");
  storeContract("PostgreSQL store (DATABASE_URL)", () => NegotiationStore.open({ databaseUrl, databaseSchema, dataDir: dir }));
  afterAll(async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`drop schema if exists ${databaseSchema} cascade`);
    await client.end();
  });
}
