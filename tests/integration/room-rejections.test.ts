import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorReply } from "../../shared/protocol.js";
import { SeatClient, type Reply } from "../support/seat-client.js";
import { createNegotiation, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
let p: SeatClient;
let s: SeatClient;

beforeAll(async () => {
  server = await startTestServer({ messagesPerSecond: 5 });
  const sdk = server.colyseus.sdk;
  p = new SeatClient(await sdk.joinById((await createNegotiation(server.url, { scenarioId: "strategic-3pl" })).code, { seat: "procurement", name: "Pat" }), "procurement");
  s = new SeatClient(await sdk.joinById(p.room.roomId, { seat: "sales", name: "Sam" }), "sales");
  await p.control({ type: "session.start" });
});
afterAll(async () => server?.close());

function refused(r: Reply) {
  if (r.ok) throw new Error("expected a refusal, got ok");
  return r;
}
/** Spreads requests out so the rate limiter (5/s, bursts of 10) is not what answers. */
const pause = () => new Promise((r) => setTimeout(r, 250));

describe("bad input gets a typed reply and never a disconnect", () => {
  it("names the field of a malformed move", async () => {
    const r = refused(await s.move({ type: "offer.accept", offer: "the last one" }));
    expect(r).toMatchObject({ code: "bad-shape", path: "offer" });
    expect(r.message).toMatch(/offer/);
  });

  it("refuses an unknown move type and an unknown message type", async () => {
    await pause();
    expect(refused(await s.move({ type: "offer.steal" })).code).toBe("bad-shape");
    const unknown = new Promise<ErrorReply>((resolve) => s.room.onMessage("reply", (r: Reply) => !r.ok && r.code === "unknown-message" && resolve(r)));
    s.room.send("cheat", { ref: "x" });
    expect((await unknown).message).toMatch(/Unknown message type "cheat"/);
  });

  it("refuses a message without a request id", async () => {
    await pause();
    const reply = new Promise<ErrorReply>((resolve) => s.room.onMessage("reply", (r: Reply) => !r.ok && r.ref === null && r.code === "bad-shape" && resolve(r)));
    s.room.send("move", { move: { type: "phase.ready" } });
    expect((await reply).message).toMatch(/ref/);
  });

  it("refuses an oversized payload", async () => {
    await pause();
    const r = refused(await s.move({ type: "chat.send", text: "x".repeat(20_000) }));
    expect(r.code).toBe("too-large");
  });

  it("refuses a move out of phase with the machine's reason", async () => {
    await pause();
    const r = refused(await s.move({ type: "offer.propose", to: "procurement", package: {} }));
    expect(r.code).toBe("wrong-phase");
    expect(r.message.length).toBeGreaterThan(10);
  });

  it("refuses a facilitator control from a player", async () => {
    await pause();
    expect(refused(await s.control({ type: "session.pause" })).code).toBe("not-allowed");
  });

  it("takes identity from the session, never from the message body", async () => {
    await pause();
    const r = await s.move({ type: "phase.ready", by: "procurement" });
    expect(r.ok).toBe(true);
    const seats = p.state().seats as Record<string, { ready: boolean }>;
    await expect.poll(() => (p.state().seats as Record<string, { ready: boolean }>).sales?.ready).toBe(true);
    expect(seats.procurement?.ready).toBe(false);
  });

  it("answers a flood with rate-limited replies and keeps the player connected", async () => {
    await pause();
    await new Promise((r) => setTimeout(r, 2_000)); // refill the bucket
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => s.move({ type: "chat.send", text: `spam ${i}` })));
    const limited = replies.filter((r) => !r.ok && r.code === "rate-limited");
    expect(limited.length).toBeGreaterThan(10);
    expect(limited[0]?.ok === false && limited[0].message).toMatch(/wait/i);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(s.room.connection.isOpen).toBe(true);
    expect((await s.move({ type: "phase.ready" })).ok).toBe(false); // answered by the machine again (already ready)
  });
});
