import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { LogEntry } from "../../shared/negotiation/events.js";
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
      await store.appendEntries("n1", [entry(1, "phase.started", { phase: "rfq" }), entry(2, "rfq.issue")], { value: "rfq" }, "running", 1_002);
      await store.appendEntries("n1", [entry(3, "objectives.set", { objectives: ["a", "b", "c"] })], { value: "rfq", n: 3 }, "running", 1_003);
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

      await store.saveDebrief("n1", { headline: "deal" }, 2_000);
      await store.appendEntries("n1", [], { value: "debrief" }, "finished", 2_000);
      expect(await store.getDebrief("n1")).toEqual({ headline: "deal" });
      expect((await store.listUnfinished()).map((r) => r.id)).not.toContain("n1");
      expect((await store.getNegotiation("n1"))?.endedAt).toBe(2_000);
    });

    it("refuses a duplicate log sequence and stores none of that batch", async () => {
      await expect(store.appendEntries("n1", [entry(4, "chat.send"), entry(3, "chat.send")], { value: "x" }, "running", 3_000)).rejects.toThrow();
      expect((await store.listEntries("n1")).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await store.getNegotiation("n1"))?.snapshot).toEqual({ value: "debrief" });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "negotiation-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
storeContract("PGlite store (embedded default)", () => NegotiationStore.open({ dataDir: dir }));

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
