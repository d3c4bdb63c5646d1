// record-frames must load before the Colyseus SDK: it wraps the WebSocket the SDK picks up on import.
import { receivedText } from "../support/record-frames.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privateMarkers } from "../../shared/negotiation/visibility.js";
import type { SeatDebriefView } from "../../shared/scoring/reveal.js";
import type { NegotiationDebrief, SeatDebrief } from "../../shared/scoring/types.js";
import { REFLECTION, play3pl } from "../support/plays.js";
import { SeatClient } from "../support/seat-client.js";
import { loadScenario } from "../support/scenarios.js";
import { createNegotiation, startTestServer, type TestServer } from "../support/server.js";

const scenario = loadScenario("strategic-3pl.yaml");
const COMMENT = "For the trainer only: Sam pushed far too hard on price.";

/** The sentences of a seat's debrief: explanations, coaching, tips. */
function personalTexts(d: SeatDebrief): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string" && v.length >= 30) out.push(v.slice(0, 60));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === "object" && v !== null) Object.values(v).forEach(walk);
  };
  walk({ trust: d.trust, valueFraming: d.valueFraming, style: d.style, coaching: d.coaching, risk: d.risk });
  return out;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("strategic partnership over real sockets", () => {
  it("plays to an agreement with a reconnect, keeps every secret until the debrief, and stores the debrief", async () => {
    const sdk = server.colyseus.sdk;
    const p = new SeatClient(await sdk.joinById((await createNegotiation(server.url, { scenarioId: scenario.id })).code, { seat: "procurement", name: "Pat" }), "procurement");
    const s = new SeatClient(await sdk.joinById(p.room.roomId, { seat: "sales", name: "Sam" }), "sales");
    const id = p.room.roomId;
    const sessions = { procurement: [p.room.sessionId], sales: [s.room.sessionId] };
    const table = { procurement: p, sales: s };
    let sales = s;

    const { counter } = await play3pl(table, async () => {
      // A page refresh: the sales player comes back with its seat token and sees its own brief again.
      const token = sales.hello?.token;
      expect(token).toBeTruthy();
      void sales.room.leave(false);
      sales = new SeatClient(await sdk.joinById(id, { token }), "sales-again");
      table.sales = sales;
      sessions.sales.push(sales.room.sessionId);
      await expect.poll(() => sales.view()?.briefs.sales ?? "").toContain(scenario.seats[1]!.brief.story.slice(0, 30));
      await expect.poll(() => ((p.state().seats as Record<string, { connection: string }>).sales?.connection)).toBe("connected");
    });

    // Before the end: no socket has received the other seat's secrets.
    const procurementSeen = sessions.procurement.map(receivedText).join("\n");
    const salesSeen = sessions.sales.map(receivedText).join("\n");
    for (const marker of privateMarkers(scenario, "sales", ["spare-capacity"])) expect(procurementSeen).not.toContain(marker);
    for (const marker of privateMarkers(scenario, "procurement")) expect(salesSeen).not.toContain(marker);
    // ...but each has received its own.
    expect(salesSeen).toContain(privateMarkers(scenario, "sales")[0]);
    expect(procurementSeen).toContain(privateMarkers(scenario, "procurement")[0]);
    // The objectives each side chose stay private too.
    expect(salesSeen).not.toContain("meet-cfo-target\",\"lift-service");

    await p.must({ type: "offer.accept", offer: counter });
    await expect.poll(() => sales.state().phase).toBe("reflection");
    await p.must({ type: "reflection.submit", answers: { ...REFLECTION, "one-word": "slippery", comment: COMMENT } });
    await sales.must({ type: "reflection.submit", answers: REFLECTION });
    await expect.poll(() => sales.state().status).toBe("finished");

    await expect.poll(() => sales.view()?.debrief).toBeTruthy();
    const debrief = JSON.parse(sales.view()?.debrief ?? "") as SeatDebriefView;
    expect(debrief.outcome.deal).toBe(true);
    expect(debrief.own?.outcome.ownPoints.value).toBeGreaterThan(scenario.seats[1]!.brief.batna.points);
    expect(debrief.counterparts[0]?.objectives.sort()).toEqual(["lift-service", "meet-cfo-target", "protect-data"]);
    // The reveal: the sales seat now sees the procurement brief.
    await expect.poll(() => sales.view()?.briefs.procurement ?? "").toContain("brief");

    // The debrief can be fetched again later with the seat token.
    const res = await fetch(`${server.url}/api/negotiations/${id}/debrief`, { headers: { authorization: `Bearer ${sales.hello!.token}` } });
    expect(res.status).toBe(200);
    const again = (await res.json()) as { seat: string; debrief: SeatDebriefView; briefs: Record<string, { seat: string }>; log: { seq: number; type: string; by: string }[]; scenario: { id: string } };
    expect(again.seat).toBe("sales");
    expect(again.debrief.own?.trust.value).toBe(debrief.own?.trust.value);
    // ...with everything the debrief screen reveals, so it still opens once the room is gone.
    expect(again.scenario.id).toBe(scenario.id);
    expect(Object.keys(again.briefs).sort()).toEqual(["procurement", "sales"]);
    expect(again.log.length).toBe(sales.log().length);
    const stranger = await fetch(`${server.url}/api/negotiations/${id}/debrief`, { headers: { authorization: "Bearer nope" } });
    expect(stranger.status).toBe(403);

    // Through the debrief and after it: what is personal to procurement never reaches the sales seat's sockets or archive.
    const full = (await server.running.services.store.getDebrief<NegotiationDebrief>(id))!;
    const salesOwn = JSON.stringify(full.seats.sales);
    const personal = personalTexts(full.seats.procurement!).filter((t) => !salesOwn.includes(t));
    expect(personal.length).toBeGreaterThan(3); // procurement's own scores and coaching, worded for it alone
    const salesEverything = sessions.sales.map(receivedText).join("\n") + JSON.stringify(again);
    for (const text of [...personal, COMMENT, "slippery"]) expect(salesEverything).not.toContain(text);
    const surveys = again.log.filter((e) => e.type === "reflection.submit");
    expect(surveys.map((e) => e.by)).toEqual(["sales"]); // its own survey only, in the archive too
    // The procurement seat reads its own comment and answers back; the trainer reads both seats'.
    expect(sessions.procurement.map(receivedText).join("\n")).toContain(COMMENT);
    void p.room.leave();
    void sales.room.leave();
  });
});
