import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorReply } from "../../shared/protocol.js";
import { allReady, reachDiscovery } from "../support/plays.js";
import { SeatClient, type Reply } from "../support/seat-client.js";
import { createNegotiation, startTestServer, type TestServer } from "../support/server.js";
import { leaveTable, openTable } from "../support/tables.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

function refusal(r: Reply): ErrorReply {
  if (r.ok) throw new Error("expected a refusal, got ok");
  return r;
}

async function post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

describe("the trainer's chair", () => {
  it("goes only to the key given once at creation; a participant, a stranger or a guess never gets it", async () => {
    const t = await openTable(server, "strategic-3pl", { procurement: "Pat", sales: "Sam" }, { trainer: true });
    expect(t.trainerKey).toMatch(/^[\w-]{32}$/);
    const sdk = server.colyseus.sdk;
    // The old way in, and a guessed key, are refused with a message.
    await expect(sdk.joinById(t.code, { facilitator: true, name: "Eve" })).rejects.toThrow(/display name|seat/i);
    await expect(sdk.joinById(t.code, { trainerKey: "guess" })).rejects.toThrow(/trainer link is not valid/);
    // A player's own seat token is not a trainer key, and the trainer key is not a seat token.
    await expect(sdk.joinById(t.code, { trainerKey: t.seats.sales!.hello?.token })).rejects.toThrow(/trainer link is not valid/);
    await expect(sdk.joinById(t.code, { token: t.trainerKey })).rejects.toThrow(/does not hold a seat/);
    // A trainer's controls work; the same controls from a player are refused.
    expect(t.trainer?.hello?.role).toBe("trainer");
    expect((await t.trainer!.control({ type: "session.start" })).ok).toBe(true);
    expect(refusal(await t.seats.sales!.control({ type: "session.pause" })).code).toBe("not-allowed");
    leaveTable(t);
  });

  it("is not created for a negotiation its players run themselves", async () => {
    const created = await createNegotiation(server.url, { scenarioId: "strategic-3pl", role: "player" });
    expect(created.trainerKey).toBeNull();
  });

  it("closes Colyseus's generic matchmaking routes: no room is created or handed out without the product's flow", async () => {
    const before = (await (await fetch(`${server.url}/healthz`)).json()) as { rooms: number };
    for (const method of ["create", "joinOrCreate", "join"]) {
      const r = await post(`/matchmake/${method}/negotiation`, { scenarioId: "strategic-3pl", seat: "procurement", name: "Eve" });
      expect(r.status, method).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(r.json)).toMatch(/created from the home page/);
    }
    await expect(server.colyseus.sdk.joinOrCreate("negotiation", { scenarioId: "strategic-3pl", seat: "sales", name: "Eve" })).rejects.toThrow();
    const after = (await (await fetch(`${server.url}/healthz`)).json()) as { rooms: number };
    expect(after.rooms).toBe(before.rooms);
  });
});

describe("hostile messages", () => {
  it("a message named '*' with an object that has no usable toString is answered, and the server keeps serving every room", async () => {
    const hit = await openTable(server, "strategic-3pl", { procurement: "Pat", sales: "Sam" });
    const bystander = await openTable(server, "strategic-3pl", { procurement: "Bo", sales: "Bea" });
    const answered = new Promise<ErrorReply>((resolve) => hit.seats.sales!.room.onMessage("reply", (r: Reply) => !r.ok && r.ref === null && resolve(r)));
    hit.seats.sales!.room.send("*", { toString: 1, valueOf: 2 });
    expect((await answered).code).toBe("unknown-message");
    expect((await bystander.seats.procurement!.control({ type: "session.start" })).ok).toBe(true);
    expect((await hit.seats.procurement!.control({ type: "session.start" })).ok).toBe(true);
    leaveTable(hit);
    leaveTable(bystander);
  });

  it("refuses a NUL or control character in free text with a typed error, and the negotiation goes on", async () => {
    const t = await openTable(server, "strategic-3pl", { procurement: "Pat", sales: "Sam" });
    const p = t.seats.procurement!;
    const s = t.seats.sales!;
    await reachDiscovery(p, s);
    for (const text of ["nul\u0000inside", "bell\u0007", "\u202Ereversed", "\u200B\u200B"]) {
      const r = refusal(await p.move({ type: "chat.send", text }));
      expect(r.code, JSON.stringify(text)).toBe("bad-shape");
    }
    expect((await p.move({ type: "chat.send", text: "Plain text still works." })).ok).toBe(true);
    expect((await s.move({ type: "chat.send", text: "And for the other seat." })).ok).toBe(true);
    leaveTable(t);
  });

  it("refuses invisible, reversed, control-character and reserved display names, and leaves the seat free", async () => {
    const created = await createNegotiation(server.url, { scenarioId: "strategic-3pl" });
    const sdk = server.colyseus.sdk;
    for (const name of ["\u200B\u200C", "Pat\u0000", "\u202Enap", "The facilitator", "Trainer"]) {
      await expect(sdk.joinById(created.code, { seat: "sales", name }), JSON.stringify(name)).rejects.toThrow();
    }
    const info = (await (await fetch(`${server.url}/api/negotiations/${created.code}`)).json()) as { seats: { id: string; taken: boolean }[] };
    expect(info.seats.find((x) => x.id === "sales")?.taken).toBe(false);
    const ok = new SeatClient(await sdk.joinById(created.code, { seat: "sales", name: "  Sam  Trainerson " }), "sales");
    await expect.poll(() => (ok.state().seats as Record<string, { displayName: string }>).sales?.displayName).toBe("Sam Trainerson");
    void ok.room.leave();
  });
});

describe("side channels", () => {
  it("a bidder's walk-away reaches the buyer, not its rivals: no public flag, no gap in their numbering", async () => {
    const t = await openTable(server, "commodity-corrugated", { buyer: "Bea", "supplier-a": "Al", "supplier-b": "Bo" });
    const [buyer, a, b] = [t.seats.buyer!, t.seats["supplier-a"]!, t.seats["supplier-b"]!];
    await buyer.control({ type: "session.start" });
    await allReady(buyer, a, b);
    await buyer.must({ type: "objectives.set", objectives: ["deliver-savings", "extend-payment", "secure-supply"] });
    await a.must({ type: "objectives.set", objectives: ["win-majority", "protect-margin", "get-paid-on-time"] });
    await b.must({ type: "objectives.set", objectives: ["win-majority", "win-on-value", "protect-margin"] });
    await allReady(buyer, a, b); // preparation
    await buyer.must({ type: "rfq.issue", note: "Bids by round." });
    await b.must({ type: "walkaway", reason: "Our mill is full this year." });
    await expect.poll(() => buyer.view()?.withdrawn).toEqual(["supplier-b"]);
    await a.must({ type: "question.ask", text: "Is the spec final?" });
    expect(a.view()?.withdrawn).toEqual([]);
    expect(JSON.stringify(a.state().seats)).not.toMatch(/withdrawn/);
    expect(a.log().some((e) => e.type === "walkaway")).toBe(false);
    expect(a.log().map((e) => e.seq)).toEqual(a.log().map((_, i) => i + 1));
    leaveTable(t);
  });
});

describe("storage that fails", () => {
  it("leaves no trace of a move it could not store, says so, and takes the next one", async () => {
    const t = await openTable(server, "strategic-3pl", { procurement: "Pat", sales: "Sam" });
    const p = t.seats.procurement!;
    const s = t.seats.sales!;
    await reachDiscovery(p, s);
    const store = server.running.services.store;
    const append = store.appendEntries.bind(store);
    let failures = 1;
    store.appendEntries = async (...args) => {
      if (failures-- > 0) throw new Error("disk full");
      return append(...args);
    };
    try {
      await expect.poll(() => s.state().phase).toBe("discovery"); // the seller's view has caught up before we count
      const before = s.log().length;
      const r = refusal(await p.move({ type: "chat.send", text: "This one is lost." }));
      expect(r.code).toBe("server-error");
      expect(r.message).toMatch(/nothing was changed/);
      expect(r.message).not.toMatch(/disk full/);
      expect((await p.move({ type: "chat.send", text: "This one arrives." })).ok).toBe(true);
      await expect.poll(() => s.log().length).toBe(before + 1);
      expect(s.log().some((e) => e.payload.text === "This one is lost.")).toBe(false);
      expect((await store.listEntries(t.code)).some((e) => e.payload.text === "This one is lost.")).toBe(false);
    } finally {
      store.appendEntries = append;
    }
    leaveTable(t);
  });

  it("answers a repeated request id with its first answer instead of applying it twice", async () => {
    const t = await openTable(server, "strategic-3pl", { procurement: "Pat", sales: "Sam" });
    const p = t.seats.procurement!;
    await p.control({ type: "session.start" });
    const replies: Reply[] = [];
    p.room.onMessage("reply", (r: Reply) => r.ref === "same-ref" && replies.push(r));
    p.room.send("move", { ref: "same-ref", move: { type: "phase.ready" } });
    p.room.send("move", { ref: "same-ref", move: { type: "phase.ready" } });
    await expect.poll(() => replies.length).toBe(2);
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(replies[0]).toEqual(replies[1]);
    expect(p.log().filter((e) => e.type === "phase.ready")).toHaveLength(1);
    leaveTable(t);
  });
});

describe("what strangers see over HTTP", () => {
  it("answers every HTTP error as JSON with a code and a message, never a stack or a path", async () => {
    for (const path of ["/api/negotiations/%E0%A4%A", "/api/nothing-here", "/api/negotiations/ABCDEFGH", "/api/negotiations/x/debrief"]) {
      const res = await fetch(`${server.url}${path}`);
      const text = await res.text();
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(JSON.parse(text), path).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      expect(text, path).not.toMatch(/\/work\/|node_modules|at \w+ \(/);
    }
    const notJson = await fetch(`${server.url}/api/negotiations`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: "bad-request" });
  });

  it("hides the database's words behind a reference when a join fails inside the server", async () => {
    const created = await createNegotiation(server.url, { scenarioId: "strategic-3pl" });
    const store = server.running.services.store;
    const listSeats = store.listSeats.bind(store);
    store.listSeats = () => Promise.reject(new Error('relation "seats" does not exist at /var/lib/postgres'));
    try {
      await expect(server.colyseus.sdk.joinById(created.code, { seat: "sales", name: "Sam" })).rejects.toThrow(/could not let you in just now \(ref [0-9a-f]{8}\)/);
    } finally {
      store.listSeats = listSeats;
    }
  });
});

describe("limits", () => {
  it("rate-limits creation, lookups and joins per address with a typed 429 and a retry hint", async () => {
    const strict = await startTestServer({ rateLimitScale: 0.1 }); // bursts of 2 creates, 12 lookups, 6 joins
    try {
      const create = () => fetch(`${strict.url}/api/negotiations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "strategic-3pl", role: "player" }) });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await create()).status);
      expect(statuses.slice(0, 2)).toEqual([201, 201]);
      const limited = await create();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ error: "rate-limited", retryAfterSeconds: expect.any(Number) });

      let lookups = 0;
      while ((await fetch(`${strict.url}/api/negotiations/ABCDEFGH`)).status === 404 && lookups < 50) lookups++;
      expect(lookups).toBeLessThan(20);

      const sdk = strict.colyseus.sdk;
      const tries = await Promise.allSettled(Array.from({ length: 10 }, () => sdk.joinById("ABCDEFGH", { seat: "sales", name: "Eve" })));
      expect(tries.some((r) => r.status === "rejected" && /Too many join attempts/.test(String(r.reason)))).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it("puts away a room nobody joins, and its code still opens it", async () => {
    const quick = await startTestServer({ unjoinedMinutes: 0.01 }); // 0.6 s
    try {
      const created = await createNegotiation(quick.url, { scenarioId: "strategic-3pl" });
      const rooms = async () => ((await (await fetch(`${quick.url}/healthz`)).json()) as { rooms: number }).rooms;
      expect(await rooms()).toBe(1);
      await expect.poll(rooms, { timeout: 15_000 }).toBe(0);
      expect((await fetch(`${quick.url}/api/negotiations/${created.code}`)).status).toBe(200); // the lookup reopens it
      const p = new SeatClient(await quick.colyseus.sdk.joinById(created.code, { seat: "procurement", name: "Pat" }), "p");
      await expect.poll(() => p.hello?.seat).toBe("procurement");
      void p.room.leave();
    } finally {
      await quick.close();
    }
  });
});
