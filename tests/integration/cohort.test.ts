import type { Room } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXapiStatement } from "../../shared/cohort/export.js";
import type { Grouping } from "../../shared/cohort/types.js";
import { PACKAGE_3PL, REFLECTION, reachDiscovery } from "../support/plays.js";
import { SeatClient } from "../support/seat-client.js";
import { startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

interface CohortReply { ref: string | null; ok: boolean; code?: string; message?: string; data?: unknown }
interface Me { id: string; name: string; function: string; polls: string[]; assignment: { table: string; code: string; seat: string; token: string | null; shares: string[] } | null }

/** A client of the cohort room: requests with ids, and its one view. */
class CohortClient {
  private n = 0;
  hello: { role: string; participantId: string | null; token: string | null } | null = null;
  constructor(readonly room: Room, readonly name: string) {
    room.onMessage("hello", (h: CohortClient["hello"]) => (this.hello = h));
  }
  request(type: string, body: Record<string, unknown>): Promise<CohortReply> {
    const ref = `${this.name}-${++this.n}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to ${type}`)), 10_000);
      const off = this.room.onMessage("reply", (r: CohortReply) => {
        if (r.ref !== ref) return;
        clearTimeout(timer);
        off();
        resolve(r);
      });
      this.room.send(type, { ref, ...body });
    });
  }
  control(control: Record<string, unknown>) {
    return this.request("cohort.control", { control });
  }
  view(): { me: string; roster: string; grouping: string; tables: Record<string, string>; marketEvents: string } | undefined {
    const views = Object.values((this.room.state as { toJSON(): { views?: Record<string, never> } }).toJSON().views ?? {});
    if (views.length > 1) throw new Error(`${this.name} received ${views.length} cohort views`);
    return views[0];
  }
  me(): Me | null {
    const v = this.view();
    return v ? (JSON.parse(v.me) as Me | null) : null;
  }
}

async function createSession(body: Record<string, unknown>): Promise<{ code: string; trainerKey: string }> {
  const res = await fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; trainerKey: string };
}

describe("a facilitated cohort over real sockets", () => {
  it("a trainer and seven participants: role reversal, every table to a debrief, exports, and no control for participants", async () => {
    const sdk = server.colyseus.sdk;
    const { code, trainerKey } = await createSession({ title: "Sales academy, day 2", scenarioIds: ["strategic-3pl"], policy: "role-reversal" });
    const trainer = new CohortClient(await sdk.joinById(code, { trainerKey }), "trainer");
    await expect(sdk.joinById(code, { trainerKey: "not-it" })).rejects.toThrow(/trainer link is not valid/);

    const people: [string, "sales" | "procurement"][] = [["Ana", "sales"], ["Ben", "sales"], ["Cy", "sales"], ["Di", "sales"], ["Ed", "procurement"], ["Flo", "procurement"], ["Gus", "procurement"]];
    const participants: CohortClient[] = [];
    for (const [name, fn] of people) participants.push(new CohortClient(await sdk.joinById(code, { name, function: fn }), name));
    for (const p of participants) await expect.poll(() => p.me()?.name).toBe(p.name);
    await expect.poll(() => (JSON.parse(trainer.view()?.roster ?? "[]") as unknown[]).length).toBe(7);

    // The poll, and what a participant may not do.
    const ana = participants[0]!;
    expect((await ana.request("cohort.poll", { stage: "before", word: "barrier", attitude: 2 })).ok).toBe(true);
    expect(await ana.control({ type: "group.auto" })).toMatchObject({ ok: false, code: "not-allowed" });
    expect(await ana.request("cohort.plenary", { showNames: true })).toMatchObject({ ok: false, code: "not-allowed" });
    expect(ana.view()?.roster).toBe("[]"); // a participant never sees the roster

    const grouped = await trainer.control({ type: "group.auto" });
    expect(grouped.ok).toBe(true);
    const grouping = grouped.data as Grouping;
    const fnOf = new Map(participants.map((p, i) => [p.me()!.id, people[i]![1]]));
    for (const table of grouping.tables) {
      for (const id of table.seats.procurement ?? []) expect(fnOf.get(id)).not.toBe("procurement"); // reversed
      for (const id of table.seats.sales ?? []) expect(fnOf.get(id)).not.toBe("sales");
    }
    const seated = grouping.tables.flatMap((t) => Object.values(t.seats).flat());
    expect(new Set([...seated, ...grouping.unassigned]).size).toBe(7); // nobody left out

    const opened = await trainer.control({ type: "tables.open" });
    expect(opened.ok).toBe(true);
    for (const p of participants) await expect.poll(() => p.me()?.assignment?.code).toBeTruthy();

    // Every participant sits at their table with their own link; a shared seat is one screen.
    const tables = new Map<string, { procurement?: SeatClient; sales?: SeatClient }>();
    for (const p of participants) {
      const a = p.me()!.assignment!;
      if (!a.token) continue;
      const seat = new SeatClient(await sdk.joinById(a.code, { token: a.token }), `${p.name}-${a.table}`);
      await expect.poll(() => seat.hello?.seat).toBe(a.seat);
      const t = tables.get(a.code) ?? {};
      t[a.seat as "procurement" | "sales"] = seat;
      tables.set(a.code, t);
    }
    // A participant's link opens their own table only.
    const otherCode = [...tables.keys()].find((c) => c !== ana.me()!.assignment!.code)!;
    await expect(sdk.joinById(otherCode, { token: ana.me()!.assignment!.token })).rejects.toThrow(/does not hold a seat/);

    await expect.poll(() => Object.keys(trainer.view()?.tables ?? {}).length).toBe(tables.size);
    expect((await trainer.control({ type: "start" })).ok).toBe(true);
    await expect.poll(() => Object.values(trainer.view()?.tables ?? {}).map((t) => (JSON.parse(t) as { phase: string }).phase)).toEqual(Object.keys(trainer.view()!.tables).map(() => "briefing"));
    expect((await trainer.control({ type: "broadcast", text: "Ten minutes to the plenary." })).ok).toBe(true);
    expect(JSON.parse(trainer.view()!.marketEvents as string)).toMatchObject([{ id: "diesel-surcharge", title: "Diesel up 12 % in a month" }]);
    expect(JSON.parse(ana.view()!.marketEvents as string)).toEqual([]); // the news is a surprise to participants
    expect((await trainer.control({ type: "market", event: "diesel-surcharge" })).ok).toBe(true);
    for (const { sales } of tables.values()) if (sales) await sales.find((e) => e.type === "market.event" && e.payload.title === "Diesel up 12 % in a month");
    expect((await trainer.control({ type: "market", event: "diesel-surcharge" })).ok).toBe(false); // once per table

    for (const { procurement, sales } of tables.values()) {
      if (!procurement || !sales) continue;
      await reachDiscovery(procurement, sales); // the trainer has started it: the seat's own start is refused and ignored
      await procurement.must({ type: "phase.ready" });
      await sales.must({ type: "phase.ready" });
      await sales.must({ type: "offer.propose", to: "procurement", package: PACKAGE_3PL });
      const offer = await procurement.find((e) => e.type === "offer.propose");
      await procurement.must({ type: "offer.accept", offer: offer.seq });
      await procurement.must({ type: "reflection.submit", answers: REFLECTION });
      await sales.must({ type: "reflection.submit", answers: REFLECTION });
      await expect.poll(() => sales.state().status).toBe("finished");
      expect(JSON.parse(String(sales.state().banner))).toMatchObject({ text: "Ten minutes to the plenary." });
    }
    await expect.poll(() => Object.values(trainer.view()?.tables ?? {}).filter((t) => (JSON.parse(t) as { outcome: string | null }).outcome === "deal").length).toBeGreaterThan(0);

    // Exports: one CSV row per seated participant, every transcript in the JSON, valid xAPI.
    const auth = { headers: { authorization: `Bearer ${trainerKey}` } };
    const csv = await (await fetch(`${server.url}/api/sessions/${code}/export.csv`, auth)).text();
    const rows = csv.trim().split("\n");
    expect(rows.length - 1).toBe(seated.length);
    expect(rows[0]).toMatch(/scenario/);
    const json = (await (await fetch(`${server.url}/api/sessions/${code}/export.json`, auth)).json()) as { tables: { transcript: unknown[] }[] };
    expect(json.tables.every((t) => t.transcript.length > 0)).toBe(true);
    const xapi = (await (await fetch(`${server.url}/api/sessions/${code}/xapi.json`, auth)).json()) as unknown[];
    expect(xapi.length).toBeGreaterThan(0);
    for (const st of xapi) expect(validateXapiStatement(st)).toEqual([]);
    expect((await fetch(`${server.url}/api/sessions/${code}/export.csv`)).status).toBe(403);
    expect((await fetch(`${server.url}/api/sessions/${code}/export.csv`, { headers: { authorization: `Bearer ${ana.hello!.token}` } })).status).toBe(403);

    const plenary = await trainer.request("cohort.plenary", { showNames: false });
    expect(plenary.ok).toBe(true);
    expect(JSON.stringify(plenary.data)).not.toMatch(/Ana|Ben|Gus/); // names hidden by default

    for (const t of tables.values()) for (const c of Object.values(t)) void c.room.leave();
    for (const p of [trainer, ...participants]) void p.room.leave();
  });

  it("pauses one table, hands an absent participant's seat to someone else, comes back after everyone left, and erases on request", async () => {
    const sdk = server.colyseus.sdk;
    const { code, trainerKey } = await createSession({ title: "Onboarding", scenarioIds: ["strategic-3pl"], policy: "balanced" });
    let trainer = new CohortClient(await sdk.joinById(code, { trainerKey }), "trainer");
    const people = await Promise.all([["Hal", "sales"], ["Ivy", "procurement"], ["Jo", "sales"], ["Kai", "procurement"]].map(async ([name, fn]) => new CohortClient(await sdk.joinById(code, { name, function: fn }), name!)));
    for (const p of people) await expect.poll(() => p.me()?.id).toBeTruthy();
    expect((await trainer.control({ type: "group.auto" })).ok).toBe(true);
    expect((await trainer.control({ type: "tables.open" })).ok).toBe(true);
    await expect.poll(() => Object.keys(trainer.view()?.tables ?? {}).length).toBe(2);
    expect((await trainer.control({ type: "start" })).ok).toBe(true);

    // One table paused, the other runs on.
    expect((await trainer.control({ type: "pause", table: "T1" })).ok).toBe(true);
    const paused = () => Object.fromEntries(Object.entries(trainer.view()?.tables ?? {}).map(([id, t]) => [id, (JSON.parse(t) as { paused: boolean }).paused]));
    await expect.poll(paused).toEqual({ T1: true, T2: false });
    expect((await trainer.control({ type: "resume", table: "T1" })).ok).toBe(true);
    await expect.poll(paused).toEqual({ T1: false, T2: false });

    // Hal is absent: the trainer gives his seat to Jo, and the two swap.
    const hal = people[0]!.me()!;
    const jo = people[2]!.me()!;
    const before = hal.assignment!;
    expect((await trainer.control({ type: "group.move", participant: jo.id, table: before.table, seat: before.seat })).ok).toBe(true);
    await expect.poll(() => people[2]!.me()?.assignment?.code).toBe(before.code);
    const joSeat = new SeatClient(await sdk.joinById(before.code, { token: people[2]!.me()!.assignment!.token }), "jo");
    await expect.poll(() => joSeat.hello?.seat).toBe(before.seat);
    void joSeat.room.leave();
    // ...and Hal now holds the seat Jo had: his own link opens that one.
    await expect.poll(() => people[0]!.me()?.assignment?.seat).toBe(jo.assignment!.seat);
    const halSeat = new SeatClient(await sdk.joinById(jo.assignment!.code, { token: before.token }), "hal");
    await expect.poll(() => halSeat.hello?.seat).toBe(jo.assignment!.seat);
    void halSeat.room.leave();

    // Everyone leaves; the code brings the session back with its tables.
    for (const c of [trainer, ...people]) void c.room.leave();
    await expect.poll(async () => (await server.colyseus.sdk.http.get(`/api/sessions/${code}`)).status, { timeout: 10_000 }).toBe(200);
    trainer = new CohortClient(await sdk.joinById(code, { trainerKey }), "trainer-again");
    await expect.poll(() => Object.keys(trainer.view()?.tables ?? {}).sort()).toEqual(["T1", "T2"]);

    // Erase: the session, its participants and its negotiations are gone.
    const erase = await fetch(`${server.url}/api/sessions/${code}`, { method: "DELETE", headers: { authorization: `Bearer ${trainerKey}` } });
    expect(erase.status).toBe(204);
    expect((await fetch(`${server.url}/api/sessions/${code}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/negotiations/${before.code}`)).status).toBe(404);
  });

  it("self-select seats people on the side they asked for", async () => {
    const sdk = server.colyseus.sdk;
    const { code, trainerKey } = await createSession({ title: "Pick a side", scenarioIds: ["strategic-3pl"], policy: "self-select" });
    expect(await (await fetch(`${server.url}/api/sessions/${code}`)).json()).toMatchObject({ policy: "self-select" });
    const trainer = new CohortClient(await sdk.joinById(code, { trainerKey }), "trainer");
    // Two sales people who both want to play procurement, and two procurement people who want sales.
    const asked = [["Lea", "sales", "procurement"], ["Max", "sales", "procurement"], ["Ned", "procurement", "sales"], ["Ola", "procurement", "sales"]] as const;
    const people = [];
    for (const [name, fn, preference] of asked) people.push(new CohortClient(await sdk.joinById(code, { name, function: fn, preference }), name));
    for (const p of people) await expect.poll(() => p.me()?.id).toBeTruthy();
    const grouping = (await trainer.control({ type: "group.auto" })).data as Grouping;
    for (const [i, [, , preference]] of asked.entries()) {
      const id = people[i]!.me()!.id;
      expect(grouping.tables.some((t) => (t.seats[preference] ?? []).includes(id)), `${asked[i]![0]} on ${preference}`).toBe(true);
    }
    for (const c of [trainer, ...people]) void c.room.leave();
  });
});
