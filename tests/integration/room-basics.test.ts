import "../support/record-frames.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeatClient } from "../support/seat-client.js";
import { startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

async function table() {
  const sdk = server.colyseus.sdk;
  const procurement = new SeatClient(await sdk.create("negotiation", { scenarioId: "strategic-3pl", seat: "procurement", name: "Pat" }), "procurement");
  const sales = new SeatClient(await sdk.joinById(procurement.room.roomId, { seat: "sales", name: "Sam" }), "sales");
  return { procurement, sales };
}

describe("negotiation room basics", () => {
  it("seats two players and starts the session", async () => {
    const { procurement, sales } = await table();
    const r = await procurement.control({ type: "session.start" });
    expect(r.ok).toBe(true);
    await expect.poll(() => sales.state().phase).toBe("briefing");
    procurement.room.leave();
    sales.room.leave();
  });
});
