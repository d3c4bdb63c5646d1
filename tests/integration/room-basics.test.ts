import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeatClient } from "../support/seat-client.js";
import { createNegotiation, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

async function table(options: Record<string, unknown> = {}) {
  const sdk = server.colyseus.sdk;
  const procurement = new SeatClient(await sdk.joinById((await createNegotiation(server.url, { scenarioId: "strategic-3pl", ...options })).code, { seat: "procurement", name: "Pat" }), "procurement");
  const sales = new SeatClient(await sdk.joinById(procurement.room.roomId, { seat: "sales", name: "Sam" }), "sales");
  return { procurement, sales };
}

describe("negotiation room", () => {
  it("refuses to start until every required seat is taken, then starts for everyone", async () => {
    const sdk = server.colyseus.sdk;
    const p = new SeatClient(await sdk.joinById((await createNegotiation(server.url, { scenarioId: "strategic-3pl" })).code, { seat: "procurement", name: "Pat" }), "p");
    const early = await p.control({ type: "session.start" });
    expect(early.ok === false && early.code).toBe("requirements-not-met");
    const s = new SeatClient(await sdk.joinById(p.room.roomId, { seat: "sales", name: "Sam" }), "s");
    expect((await p.control({ type: "session.start" })).ok).toBe(true);
    await expect.poll(() => s.state().phase).toBe("briefing");
    void p.room.leave();
    void s.room.leave();
  });

  it("refuses an unknown scenario with a message", async () => {
    await expect(createNegotiation(server.url, { scenarioId: "no-such-thing" })).rejects.toThrow(/404.*Unknown scenario/);
  });

  it("runs phase deadlines on the room clock and shows every client the deadline", async () => {
    const { procurement, sales } = await table({ timeScale: 0.002 }); // the 8-minute briefing lasts about a second
    await procurement.control({ type: "session.start" });
    await expect.poll(() => sales.state().phase).toBe("briefing");
    const { phaseStartedAt, phaseEndsAt } = sales.state() as { phaseStartedAt: number; phaseEndsAt: number };
    expect(phaseEndsAt - phaseStartedAt).toBe(8 * 60_000 * 0.002);
    await expect.poll(() => sales.state().phase, { timeout: 5_000 }).toBe("preparation"); // nobody clicked ready
    expect(sales.log().some((e) => e.type === "phase.started" && e.payload.phase === "preparation")).toBe(true);
    void procurement.room.leave();
    void sales.room.leave();
  });

  it("gives the trainer a read-only view of everything, and the controls of the session", async () => {
    const created = await createNegotiation(server.url, { scenarioId: "strategic-3pl", role: "trainer" });
    const sdk = server.colyseus.sdk;
    const procurement = new SeatClient(await sdk.joinById(created.code, { seat: "procurement", name: "Pat" }), "procurement");
    const sales = new SeatClient(await sdk.joinById(created.code, { seat: "sales", name: "Sam" }), "sales");
    const facilitator = new SeatClient(await sdk.joinById(created.code, { trainerKey: created.trainerKey }), "facilitator");
    await expect.poll(() => facilitator.hello?.role).toBe("trainer");
    expect(facilitator.hello?.seat).toBeNull();
    expect(facilitator.hello?.token).toBeNull();
    await facilitator.control({ type: "session.start" });
    await expect.poll(() => sales.state().phase).toBe("briefing");
    await sales.must({ type: "phase.ready" });
    await procurement.must({ type: "phase.ready" });
    await sales.must({ type: "objectives.set", objectives: ["multi-year", "grow-account", "land-reference"] });

    const refused = await facilitator.move({ type: "chat.send", text: "hello" });
    expect(refused.ok === false && refused.code).toBe("not-allowed");
    await expect.poll(() => facilitator.log().some((e) => e.type === "objectives.set" && e.by === "sales")).toBe(true); // private moves too
    expect(Object.keys(facilitator.briefs()).sort()).toEqual(["procurement", "sales"]);
    expect(sales.log().some((e) => e.type === "objectives.set" && e.by === "procurement")).toBe(false);

    expect((await facilitator.control({ type: "session.pause" })).ok).toBe(true);
    await expect.poll(() => sales.state().paused).toBe(true);
    const paused = await sales.move({ type: "phase.ready" });
    expect(paused.ok === false && paused.code).toBe("paused");
    expect((await facilitator.control({ type: "session.resume" })).ok).toBe(true);
    const before = sales.state().phaseEndsAt as number;
    expect((await facilitator.control({ type: "phase.extend", minutes: 5 })).ok).toBe(true);
    await expect.poll(() => sales.state().phaseEndsAt as number).toBeGreaterThanOrEqual(before + 5 * 60_000);
    for (const c of [procurement, sales, facilitator]) void c.room.leave();
  });

  it("tells the join screen which seats of a code are taken", async () => {
    const { procurement, sales } = await table();
    const res = await fetch(`${server.url}/api/negotiations/${procurement.room.roomId.toLowerCase()}`);
    const info = (await res.json()) as { scenario: { id: string }; seats: { id: string; taken: boolean }[] };
    expect(info.scenario.id).toBe("strategic-3pl");
    expect(info.seats.map((s) => [s.id, s.taken])).toEqual([["procurement", true], ["sales", true]]);
    const missing = await fetch(`${server.url}/api/negotiations/NOPE4222`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not-found" });
    expect(info).not.toHaveProperty("facilitator"); // nothing about the trainer's chair reaches a stranger
    void procurement.room.leave();
    void sales.room.leave();
  });
});
