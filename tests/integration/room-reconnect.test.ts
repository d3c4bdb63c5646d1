import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeatClient } from "../support/seat-client.js";
import { createNegotiation, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ reconnectSeconds: 2, logLevel: "warn" });
});
afterAll(async () => server?.close());

type Seats = Record<string, { connection: string; displayName: string }>;
const seatsOf = (c: SeatClient) => c.state().seats as Seats;

/** Cuts the socket the way a network drop does (4010 is what the SDK itself uses when the browser goes offline). */
function dropSocket(c: SeatClient) {
  (c.room.connection.transport as unknown as { ws: WebSocket }).ws.close(4010, "network gone");
}

async function table() {
  const sdk = server.colyseus.sdk;
  const p = new SeatClient(await sdk.joinById((await createNegotiation(server.url, { scenarioId: "strategic-3pl" })).code, { seat: "procurement", name: "Pat" }), "procurement");
  const s = new SeatClient(await sdk.joinById(p.room.roomId, { seat: "sales", name: "Sam" }), "sales");
  await p.control({ type: "session.start" });
  return { p, s };
}

describe("reconnection", () => {
  it("holds the seat through a short network loss, shows it as reconnecting, and carries on", async () => {
    const { p, s } = await table();
    s.room.reconnection.minUptime = 0; // the SDK otherwise waits 5 s after joining before it reconnects by itself
    const reconnected = new Promise<void>((resolve) => s.room.onReconnect(() => resolve()));
    dropSocket(s);
    await expect.poll(() => seatsOf(p).sales?.connection).toBe("reconnecting");
    await reconnected;
    await expect.poll(() => seatsOf(p).sales?.connection).toBe("connected");
    expect((await s.move({ type: "phase.ready" })).ok).toBe(true);
    await expect.poll(() => (p.state().seats as Record<string, { ready: boolean }>).sales?.ready).toBe(true);
    void p.room.leave();
    void s.room.leave();
  });

  it("marks the seat absent after the window, and the seat token brings the player back to it", async () => {
    const { p, s } = await table();
    const token = s.hello!.token!;
    s.room.reconnection.enabled = false;
    dropSocket(s);
    await expect.poll(() => seatsOf(p).sales?.connection).toBe("reconnecting");
    await expect.poll(() => seatsOf(p).sales?.connection, { timeout: 6_000 }).toBe("absent");
    expect(seatsOf(p).sales?.displayName).toBe("Sam"); // the seat stays Sam's

    const back = new SeatClient(await server.colyseus.sdk.joinById(p.room.roomId, { token }), "sales-back");
    await expect.poll(() => seatsOf(p).sales?.connection).toBe("connected");
    await expect.poll(() => back.hello?.seat).toBe("sales");
    const brief = JSON.parse(back.view()?.briefs.sales ?? "{}") as { seat: string };
    expect(brief.seat).toBe("sales");
    expect((await back.move({ type: "phase.ready" })).ok).toBe(true);
    void p.room.leave();
    void back.room.leave();
  });

  it("refuses a stranger's token and a seat that is already taken, with a message", async () => {
    const { p } = await table();
    await expect(server.colyseus.sdk.joinById(p.room.roomId, { token: "not-a-real-token" })).rejects.toThrow(/does not hold a seat/);
    await expect(server.colyseus.sdk.joinById(p.room.roomId, { seat: "sales", name: "Eve" })).rejects.toThrow(/taken|lobby|started/i);
    void p.room.leave();
  });
});
