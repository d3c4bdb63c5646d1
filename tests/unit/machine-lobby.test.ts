import { describe, expect, it } from "vitest";
import { MINUTE, partnership, tender } from "../fixtures/machine/scenarios.js";
import { entriesOf, openTable, seated } from "../fixtures/machine/table.js";

describe("lobby", () => {
  it("lets each seat be claimed once, by an existing seat id", () => {
    const table = openTable(partnership);
    expect(table.send({ type: "seat.claim", by: "buyer", seat: "buyer", occupant: "human", at: 0 }).rejection).toBeNull();
    const taken = table.send({ type: "seat.claim", by: "facilitator", seat: "buyer", occupant: "bot", at: 1 }).rejection;
    expect(taken?.code).toBe("seat-taken");
    expect(taken?.message).toContain("Buyer seat is already taken");
    const unknown = table.send({ type: "seat.claim", by: "facilitator", seat: "constructor", occupant: "bot", at: 2 }).rejection;
    expect(unknown?.code).toBe("unknown-reference");
    expect(table.ctx().seats).toEqual({ buyer: "human" });
  });

  it("frees a released seat for someone else, and only its holder or the facilitator may release it", () => {
    const table = openTable(partnership);
    table.send({ type: "seat.claim", by: "buyer", seat: "buyer", occupant: "human", at: 0 });
    expect(table.send({ type: "seat.release", by: "seller", seat: "buyer", at: 1 }).rejection?.code).toBe("not-allowed");
    expect(table.send({ type: "seat.release", by: "buyer", seat: "buyer", at: 2 }).rejection).toBeNull();
    expect(table.send({ type: "seat.release", by: "facilitator", seat: "buyer", at: 3 }).rejection?.code).toBe("already-done");
    expect(table.send({ type: "seat.claim", by: "facilitator", seat: "buyer", occupant: "bot", at: 4 }).rejection).toBeNull();
    expect(table.ctx().seats).toEqual({ buyer: "bot" });
  });

  it("starts only when every required seat is taken, naming the missing ones", () => {
    const table = openTable(tender);
    for (const seat of ["buyer", "alpha"]) table.send({ type: "seat.claim", by: seat, seat, occupant: "human", at: 0 });
    const early = table.send({ type: "session.start", by: "facilitator", at: 10 }).rejection;
    expect(early?.code).toBe("requirements-not-met");
    expect(early?.message).toContain("Sales rep (Beta)");
    expect(early?.message).not.toContain("Gamma");
    expect(table.snapshot().can({ type: "session.start", by: "facilitator", at: 10 })).toBe(false);
    table.send({ type: "seat.claim", by: "beta", seat: "beta", occupant: "bot", at: 20 });
    expect(table.snapshot().can({ type: "session.start", by: "facilitator", at: 30 })).toBe(true);
    expect(table.send({ type: "session.start", by: "beta", at: 30 }).rejection).toBeNull();
    expect(table.state()).toBe("rfq");
    expect(table.ctx().present).toEqual(["buyer", "alpha", "beta"]);
  });

  it("lets only the facilitator or a seated player start the session", () => {
    const table = openTable(partnership);
    for (const seat of ["buyer", "seller"]) table.send({ type: "seat.claim", by: seat, seat, occupant: "human", at: 0 });
    expect(table.send({ type: "session.start", by: "someone", at: 1 }).rejection?.code).toBe("not-allowed");
    expect(table.state()).toBe("lobby");
  });

  it("rejects moves before the start and seat changes after it", () => {
    const table = openTable(partnership);
    table.send({ type: "seat.claim", by: "buyer", seat: "buyer", occupant: "human", at: 0 });
    expect(table.send({ type: "chat.send", by: "buyer", text: "hello", at: 1 }).rejection?.code).toBe("wrong-phase");
    table.send({ type: "seat.claim", by: "seller", seat: "seller", occupant: "human", at: 2 });
    table.send({ type: "session.start", by: "facilitator", at: 3 });
    expect(table.send({ type: "seat.release", by: "seller", seat: "seller", at: 4 }).rejection?.code).toBe("wrong-phase");
  });

  it("keeps an optional seat left empty out of the whole negotiation", () => {
    const table = seated(tender, ["buyer", "alpha", "beta"]);
    const gamma = table.send({ type: "question.ask", by: "gamma", text: "May I bid?", at: 1 }).rejection;
    expect(gamma?.code).toBe("not-a-seat");
    expect(table.send({ type: "chat.send", by: "nobody", text: "hi", at: 2 }).rejection?.code).toBe("not-a-seat");
    const question = table.send({ type: "chat.send", by: "buyer", text: "Welcome", at: 3 }).entries[0];
    expect(question?.audience).toEqual(["buyer", "alpha", "beta"]);
  });

  it("logs claims and the start for every seat to see", () => {
    const table = seated(partnership, ["buyer", "seller"], 5);
    expect(table.ctx().log.map((e) => [e.type, e.audience, e.phase])).toEqual([
      ["seat.claim", "all", "lobby"],
      ["seat.claim", "all", "lobby"],
      ["session.start", "all", "lobby"],
      ["phase.started", "all", "briefing"],
    ]);
    expect(entriesOf(table, "phase.started")[0]).toMatchObject({ at: 5, payload: { phase: "briefing", endsAt: 5 + MINUTE } });
  });

  it("lets the facilitator cancel a session from the lobby, straight to the debrief", () => {
    const table = openTable(partnership);
    expect(table.send({ type: "session.end", by: "facilitator", reason: "Nobody came", at: 7 }).rejection).toBeNull();
    expect(table.state()).toBe("debrief");
    expect(table.snapshot().status).toBe("done");
    expect(entriesOf(table, "negotiation.ended")[0]?.payload).toEqual({ outcome: "no-deal", reason: "ended-by-facilitator", agreement: null });
  });
});

describe("phase order", () => {
  it("runs lobby, every scenario phase in order, then the debrief", () => {
    const table = seated(partnership, ["buyer", "seller"]);
    const visited = [table.state()];
    for (let at = 1; table.snapshot().status === "active"; at++) {
      expect(table.send({ type: "phase.advance", by: "facilitator", at }).rejection).toBeNull();
      visited.push(table.state());
    }
    expect(visited).toEqual(["briefing", "preparation", "discovery", "proposals", "reflection", "debrief"]);
    expect(entriesOf(table, "phase.started").map((e) => e.payload.phase)).toEqual(visited);
    expect(entriesOf(table, "phase.started").at(-1)?.payload).toEqual({ phase: "debrief", endsAt: null });
  });

  it("numbers entries consecutively and stamps each with the phase it happened in", () => {
    const table = seated(partnership, ["buyer", "seller"]);
    table.send({ type: "phase.advance", by: "facilitator", at: 10 });
    table.send({ type: "plan.set", by: "buyer", text: "Anchor low", at: 20 });
    const log = table.ctx().log;
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(log.at(-1)).toMatchObject({ type: "plan.set", phase: "preparation", at: 20, audience: ["buyer"] });
  });

  it("advances when every present seat is ready, and readiness starts afresh in the next phase", () => {
    const table = seated(partnership, ["buyer", "seller"]);
    table.send({ type: "phase.ready", by: "buyer", at: 10 });
    expect(table.send({ type: "phase.ready", by: "buyer", at: 11 }).rejection?.code).toBe("already-done");
    expect(table.state()).toBe("briefing");
    const last = table.send({ type: "phase.ready", by: "seller", at: 12 });
    expect(table.state()).toBe("preparation");
    expect(last.entries.at(-1)).toMatchObject({ type: "phase.started", at: 12, payload: { phase: "preparation", endsAt: 12 + 2 * MINUTE } });
    expect(table.ctx().ready).toEqual([]);
  });

  it("lets only the facilitator advance a phase that waits for everyone", () => {
    const table = seated(partnership, ["buyer", "seller"]);
    const refused = table.send({ type: "phase.advance", by: "buyer", at: 1 }).rejection;
    expect(refused?.code).toBe("not-allowed");
    expect(refused?.message).toContain("mark yourself ready");
    expect(table.send({ type: "phase.advance", by: "facilitator", at: 2 }).entries.map((e) => e.type)).toEqual(["phase.advance", "phase.started"]);
  });
});
