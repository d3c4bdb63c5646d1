// record-frames must load before the Colyseus SDK: it wraps the WebSocket the SDK picks up on import.
import { receivedText } from "../support/record-frames.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privateMarkers } from "../../shared/negotiation/visibility.js";
import type { SeatDebriefView } from "../../shared/scoring/reveal.js";
import { REFLECTION, TENDER_BUYER_REFLECTION, allReady } from "../support/plays.js";
import { SeatClient } from "../support/seat-client.js";
import { loadScenario } from "../support/scenarios.js";
import { createNegotiation, startTestServer, type TestServer } from "../support/server.js";
import { leaveTable, openTable } from "../support/tables.js";

const scenario = loadScenario("commodity-corrugated.yaml");

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const bid = (price: string, share: string, programme = "current-designs") => ({
  "unit-price": price, "payment-terms": "net-60", "lead-time": "days-5", "volume-share": share, "case-programme": programme,
});

describe("commodity tender over real sockets", () => {
  it("runs an RFQ, three sealed rounds with rank feedback and an award, keeping every bid sealed from rival suppliers", async () => {
    const sdk = server.colyseus.sdk;
    const buyer = new SeatClient(await sdk.joinById((await createNegotiation(server.url, { scenarioId: scenario.id })).code, { seat: "buyer", name: "Bea" }), "buyer");
    const a = new SeatClient(await sdk.joinById(buyer.room.roomId, { seat: "supplier-a", name: "Al" }), "a");
    const b = new SeatClient(await sdk.joinById(buyer.room.roomId, { seat: "supplier-b", name: "Bo" }), "b");

    expect((await buyer.control({ type: "session.start" })).ok).toBe(true); // supplier-c is optional and stays empty
    await allReady(buyer, a, b);
    await buyer.must({ type: "objectives.set", objectives: ["deliver-savings", "extend-payment", "secure-supply"] });
    await a.must({ type: "objectives.set", objectives: ["win-majority", "protect-margin", "get-paid-on-time"] });
    await b.must({ type: "objectives.set", objectives: ["win-majority", "win-on-value", "protect-margin"] });
    await allReady(buyer, a, b);

    await buyer.must({ type: "rfq.issue", note: "Bids by round, best total cost wins." });
    await b.must({ type: "question.ask", text: "Would you consider a right-sizing programme as a variant?" });
    const question = await buyer.find((e) => e.type === "question.ask");
    await buyer.must({ type: "question.answer", question: question.seq, text: "Yes, quote it as an option." });
    await expect.poll(() => a.log().some((e) => e.type === "question.answer")).toBe(true); // clarifications reach every bidder
    expect(a.log().some((e) => e.type === "question.ask")).toBe(false); // ...but not who asked what
    await allReady(buyer, a, b);

    for (const [round, prices] of [["round-1", ["eur-450", "eur-465"]], ["round-2", ["eur-435", "eur-450"]], ["bafo", ["eur-420", "eur-435"]]] as const) {
      await expect.poll(() => buyer.state().phase).toBe(round);
      await a.must({ type: "bid.submit", package: bid(prices[0], "share-60") });
      await b.must({ type: "bid.submit", package: bid(prices[1], "share-60", "right-sizing") });
      expect((await buyer.control({ type: "phase.advance" })).ok).toBe(true); // procurement closes its round
      await expect.poll(() => b.log().filter((e) => e.type === "bid.ranked" && e.payload.phase === round).length).toBe(1);
    }
    const ranks = b.log().filter((e) => e.type === "bid.ranked").map((e) => e.payload);
    expect(ranks.every((r) => r.seat === "supplier-b" && r.of === 2)).toBe(true);
    expect(buyer.log().filter((e) => e.type === "round.closed")).toHaveLength(3); // the buyer opens every round

    // Sealed: a rival's bids, ranks and the opened rounds never reach a supplier's socket.
    expect(a.log().some((e) => e.by === "supplier-b" && e.type === "bid.submit")).toBe(false);
    expect(a.log().some((e) => e.type === "round.closed" || (e.type === "bid.ranked" && e.payload.seat !== "supplier-a"))).toBe(false);
    const aSeen = receivedText(a.room.sessionId);
    const bSeen = receivedText(b.room.sessionId);
    for (const m of [...privateMarkers(scenario, "supplier-b"), ...privateMarkers(scenario, "buyer")]) expect(aSeen).not.toContain(m);
    for (const m of [...privateMarkers(scenario, "supplier-a"), ...privateMarkers(scenario, "buyer")]) expect(bSeen).not.toContain(m);
    expect(aSeen).toContain(privateMarkers(scenario, "supplier-a")[0]); // the recording works: each sees its own brief
    expect(bSeen).toContain(privateMarkers(scenario, "supplier-b")[0]);

    await expect.poll(() => buyer.state().phase).toBe("award");
    await buyer.must({ type: "award.make", to: "supplier-b" });
    await expect.poll(() => a.state().phase).toBe("reflection");
    expect(a.log().some((e) => e.type === "award.make")).toBe(false); // the loser learns the outcome, not the winning terms
    expect(JSON.parse(a.state().ending as string)).toMatchObject({ outcome: "deal", reason: "awarded" });

    await buyer.must({ type: "reflection.submit", answers: TENDER_BUYER_REFLECTION });
    for (const s of [a, b]) await s.must({ type: "reflection.submit", answers: REFLECTION });
    await expect.poll(() => b.state().status).toBe("finished");
    await expect.poll(() => b.view()?.debrief).toBeTruthy();
    const debrief = JSON.parse(b.view()?.debrief ?? "") as SeatDebriefView;
    expect(debrief.outcome).toMatchObject({ deal: true, reason: "awarded" });
    expect(debrief.own?.outcome.ownPoints.value).toBeGreaterThan(scenario.seats.find((s) => s.id === "supplier-b")!.brief.batna.points);
    await expect.poll(() => a.view()?.debrief).toBeTruthy();
    const loser = JSON.parse(a.view()?.debrief ?? "") as SeatDebriefView;
    expect(loser.own?.outcome.deal).toBe(false);
    // the buyer rated each supplier by name: A 2 of 7 → 17, B 6 of 7 → 83
    expect(loser.own?.trust.components.find((c) => c.id === "rating")?.value).toBe(17);
    expect(debrief.own?.trust.components.find((c) => c.id === "rating")?.value).toBe(83);
    expect(loser.outcome.agreement).toBeNull(); // not the winner's terms, even after the reveal

    // After the reveal: the loser reads the buyer's brief, never its rival's, nor the rival's bids or the buyer's survey.
    await expect.poll(() => Object.keys(a.briefs()).sort()).toEqual(["buyer", "supplier-a"]);
    const aAfter = receivedText(a.room.sessionId);
    for (const m of privateMarkers(scenario, "supplier-b")) expect(aAfter).not.toContain(m);
    expect(aAfter).toContain(privateMarkers(scenario, "buyer")[0]);
    // Of its rival it knows only what every bidder knows: that the seat was taken and when it was ready.
    expect(a.log().filter((e) => e.by === "supplier-b").map((e) => e.type).filter((t) => t !== "seat.claim" && t !== "phase.ready")).toEqual([]);
    expect(a.log().some((e) => e.type === "award.make" || (e.type === "reflection.submit" && e.by !== "supplier-a"))).toBe(false);
    expect(a.log().map((e) => e.seq)).toEqual(a.log().map((_, i) => i + 1)); // its own numbering, no gaps
    const archive = (await (await fetch(`${server.url}/api/negotiations/${buyer.room.roomId}/debrief`, { headers: { authorization: `Bearer ${a.hello!.token}` } })).json()) as { briefs: Record<string, unknown>; log: { by: string; type: string }[] };
    expect(Object.keys(archive.briefs).sort()).toEqual(["buyer", "supplier-a"]);
    expect(archive.log.filter((e) => e.by === "supplier-b" && e.type !== "seat.claim" && e.type !== "phase.ready")).toEqual([]);
    expect(archive.log.length).toBe(a.log().length);
    for (const s of [buyer, a, b]) void s.room.leave();
  });

  it("tells the buyer and the trainer how many bids are in during a round, and no bidder's socket ever carries the count", async () => {
    const t = await openTable(server, scenario.id, { buyer: "Bea", "supplier-a": "Al", "supplier-b": "Bo" }, { trainer: true });
    const { buyer, "supplier-a": a, "supplier-b": b } = t.seats;
    const trainer = t.trainer!;
    const count = (c: SeatClient) => (c.view() as { bidCount?: string } | undefined)?.bidCount;
    expect((await trainer.control({ type: "session.start" })).ok).toBe(true);
    await allReady(buyer!, a!, b!);
    await buyer!.must({ type: "objectives.set", objectives: ["deliver-savings", "extend-payment", "secure-supply"] });
    await a!.must({ type: "objectives.set", objectives: ["win-majority", "protect-margin", "get-paid-on-time"] });
    await b!.must({ type: "objectives.set", objectives: ["win-majority", "win-on-value", "protect-margin"] });
    await allReady(buyer!, a!, b!);
    expect(count(buyer!) ?? "").toBe(""); // no count outside a sealed round
    await buyer!.must({ type: "rfq.issue" });
    await allReady(buyer!, a!, b!);

    await expect.poll(() => buyer!.state().phase).toBe("round-1");
    await expect.poll(() => count(buyer!)).toBe(JSON.stringify({ round: "round-1", bidsIn: 0 }));
    await a!.must({ type: "bid.submit", package: bid("eur-450", "share-60") });
    await expect.poll(() => count(buyer!)).toBe(JSON.stringify({ round: "round-1", bidsIn: 1 }));
    await expect.poll(() => count(trainer)).toBe(JSON.stringify({ round: "round-1", bidsIn: 1 }));
    await b!.must({ type: "bid.submit", package: bid("eur-465", "share-60") });
    await a!.must({ type: "bid.submit", package: bid("eur-435", "share-60") }); // a replaced bid is still one bidder's
    await expect.poll(() => count(buyer!)).toBe(JSON.stringify({ round: "round-1", bidsIn: 2 }));
    expect(count(trainer)).toBe(JSON.stringify({ round: "round-1", bidsIn: 2 }));
    // The count is all the buyer learns before the round closes: no bid entry reaches its transcript.
    expect(buyer!.log().some((e) => e.type === "bid.submit")).toBe(false);

    expect((await buyer!.control({ type: "phase.advance" })).ok).toBe(true);
    await expect.poll(() => count(buyer!)).toBe(JSON.stringify({ round: "round-2", bidsIn: 0 })); // a fresh round starts at none
    await b!.must({ type: "bid.submit", package: bid("eur-450", "share-60") });
    await expect.poll(() => count(buyer!)).toBe(JSON.stringify({ round: "round-2", bidsIn: 1 }));

    // A bidder's view never has the field, and its frames never carry the count's JSON; the buyer's and trainer's do.
    for (const bidder of [a!, b!]) {
      expect(count(bidder)).toBeUndefined();
      expect(receivedText(bidder.room.sessionId)).not.toContain('"bidsIn"');
    }
    expect(receivedText(buyer!.room.sessionId)).toContain('"bidsIn"');
    expect(receivedText(trainer.room.sessionId)).toContain('"bidsIn"');
    leaveTable(t);
  });
});
