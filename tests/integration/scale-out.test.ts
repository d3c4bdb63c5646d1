import type { ChildProcess } from "node:child_process";
import { Client } from "@colyseus/sdk";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { REFLECTION, play3pl } from "../support/plays.js";
import { killHard, startServerProcess } from "../support/process.js";
import { SeatClient } from "../support/seat-client.js";
import { createNegotiation, freePort, startTestServer } from "../support/server.js";
import { optionalService, uniqueName } from "../support/services.js";

const databaseUrl = optionalService("DATABASE_URL", "PostgreSQL storage");
const redisUrl = optionalService("REDIS_URL", "Redis scale-out");
const schemas: string[] = [];
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) await killHard(c);
  if (!databaseUrl || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  for (const schema of schemas) await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

async function rows(schema: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`set search_path to ${schema}`);
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.runIf(databaseUrl)("PostgreSQL storage (DATABASE_URL)", () => {
  it("plays a whole negotiation with its log, seats and debrief stored in PostgreSQL", async () => {
    const schema = uniqueName("t_pg");
    schemas.push(schema);
    const server = await startTestServer({ databaseUrl, databaseSchema: schema });
    try {
      expect(server.running.services.store.kind).toBe("postgres");
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { storage: string };
      expect(health.storage).toBe("postgres");
      const sdk = server.colyseus.sdk;
      const p = new SeatClient(await sdk.joinById((await createNegotiation(server.url, { scenarioId: "strategic-3pl" })).code, { seat: "procurement", name: "Pat" }), "p");
      const s = new SeatClient(await sdk.joinById(p.room.roomId, { seat: "sales", name: "Sam" }), "s");
      const { counter } = await play3pl({ procurement: p, sales: s });
      await p.must({ type: "offer.accept", offer: counter });
      for (const c of [p, s]) await c.must({ type: "reflection.submit", answers: REFLECTION });
      await expect.poll(() => p.state().status).toBe("finished");

      const [negotiation] = await rows(schema, `select status, scenario_id from negotiations where id = '${p.room.roomId}'`);
      expect(negotiation).toEqual({ status: "finished", scenario_id: "strategic-3pl" });
      const [events] = await rows(schema, `select count(*)::int as n, max(seq) as last from events where negotiation_id = '${p.room.roomId}'`);
      expect(events?.n).toBe(events?.last); // gap-free log
      expect(p.log().at(-1)?.seq).toBeLessThanOrEqual(Number(events?.last));
      expect(await rows(schema, `select seat_id from seats where negotiation_id = '${p.room.roomId}' order by seat_id`)).toEqual([{ seat_id: "procurement" }, { seat_id: "sales" }]);
      expect(await rows(schema, `select count(*)::int as n from debriefs where negotiation_id = '${p.room.roomId}'`)).toEqual([{ n: 1 }]);
      void p.room.leave();
      void s.room.leave();
    } finally {
      await server.close();
    }
  });
});

describe.runIf(databaseUrl && redisUrl)("two processes sharing Redis and PostgreSQL (REDIS_URL)", () => {
  it("lets players who reach different processes meet in one negotiation", async () => {
    const schema = uniqueName("t_scale");
    schemas.push(schema);
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      children.push(await startServerProcess(port, {
        DATABASE_URL: databaseUrl!, DATABASE_SCHEMA: schema, REDIS_URL: redisUrl!, PUBLIC_ADDRESS: `127.0.0.1:${port}`, DATA_DIR: `/tmp/unused-${port}`,
      }));
    }
    const first = new Client(`http://127.0.0.1:${ports[0]}`);
    const second = new Client(`http://127.0.0.1:${ports[1]}`);
    const p = new SeatClient(await first.joinById((await createNegotiation(`http://127.0.0.1:${ports[0]}`, { scenarioId: "strategic-3pl" })).code, { seat: "procurement", name: "Pat" }), "p");
    // The join screen on the second process knows the code (shared PostgreSQL)...
    const info = (await (await fetch(`http://127.0.0.1:${ports[1]}/api/negotiations/${p.room.roomId}`)).json()) as { seats: { id: string; taken: boolean }[] };
    expect(info.seats.find((x) => x.id === "procurement")?.taken).toBe(true);
    // ...and its matchmaker reserves the seat on the process where the room lives (shared Redis).
    const s = new SeatClient(await second.joinById(p.room.roomId, { seat: "sales", name: "Sam" }), "s");
    await expect.poll(() => (p.state().seats as Record<string, { connection: string }>).sales?.connection).toBe("connected");
    expect((await p.control({ type: "session.start" })).ok).toBe(true);
    await expect.poll(() => s.state().phase).toBe("briefing");
    const health = await Promise.all(ports.map(async (port) => (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { rooms: number; scale: string }));
    // One room in all, on whichever process the matchmaker chose: one of the two players crossed processes to reach it.
    expect(health.map((h) => h.rooms).sort()).toEqual([0, 1]);
    expect(health.every((h) => h.scale === "redis")).toBe(true);
    void p.room.leave();
    void s.room.leave();
  }, 60_000);
});
