import { describe, expect, it } from "vitest";
import { MINUTE, partnership } from "../fixtures/machine/scenarios.js";
import { entriesOf, openTable, seated } from "../fixtures/machine/table.js";

// Partnership phases: briefing 1 min, preparation 2, discovery 3, proposals 4, reflection 5.
const START = 1_000;
const BRIEFING_ENDS = START + MINUTE;

describe("deadlines", () => {
  it("keeps a phase open until its deadline and moves on when the clock reaches it", () => {
    const table = seated(partnership, ["buyer", "seller"], START);
    table.send({ type: "time.tick", by: "system", at: BRIEFING_ENDS - 1 });
    expect(table.state()).toBe("briefing");
    const tick = table.send({ type: "time.tick", by: "system", at: BRIEFING_ENDS });
    expect(table.state()).toBe("preparation");
    expect(tick.rejection).toBeNull();
    expect(tick.entries).toEqual([
      expect.objectContaining({ type: "phase.started", at: BRIEFING_ENDS, payload: { phase: "preparation", endsAt: BRIEFING_ENDS + 2 * MINUTE } }),
    ]);
  });

  it("cascades through every missed deadline, each phase starting exactly where the last one ended", () => {
    const table = seated(partnership, ["buyer", "seller"], START);
    table.send({ type: "time.tick", by: "system", at: START + 7 * MINUTE });
    expect(table.state()).toBe("proposals");
    const starts = entriesOf(table, "phase.started").map((e) => [e.payload.phase, e.at]);
    expect(starts).toEqual([
      ["briefing", START],
      ["preparation", START + MINUTE],
      ["discovery", START + 3 * MINUTE],
      ["proposals", START + 6 * MINUTE],
    ]);
    expect(table.ctx().now).toBe(START + 7 * MINUTE);
  });

  it("ends the talks with no deal when the last deal-making phase runs out, then closes reflection on time", () => {
    const table = seated(partnership, ["buyer", "seller"], START);
    table.send({ type: "time.tick", by: "system", at: START + 10 * MINUTE });
    expect(table.state()).toBe("reflection");
    expect(entriesOf(table, "negotiation.ended")).toEqual([
      expect.objectContaining({ at: START + 10 * MINUTE, phase: "proposals", payload: { outcome: "no-deal", reason: "timeout", agreement: null } }),
    ]);
    table.send({ type: "time.tick", by: "system", at: START + 15 * MINUTE });
    expect(table.state()).toBe("debrief");
    expect(entriesOf(table, "negotiation.ended")).toHaveLength(1);
  });

  it("does not apply a move that arrives after its phase's deadline, and says the phase has ended", () => {
    const table = seated(partnership, ["buyer", "seller"], START);
    const late = table.send({ type: "phase.ready", by: "buyer", at: BRIEFING_ENDS + 5 });
    expect(table.state()).toBe("preparation");
    expect(late.rejection).toMatchObject({ code: "wrong-phase", by: "buyer", type: "phase.ready", at: BRIEFING_ENDS + 5 });
    expect(late.rejection?.message).toContain("phase ended before");
    expect(late.entries.map((e) => e.type)).toEqual(["phase.started"]);
    expect(table.ctx().ready).toEqual([]);
  });

  it("greys out a move whose deadline has passed even before the clock ticks", () => {
    const table = seated(partnership, ["buyer", "seller"], START);
    expect(table.snapshot().can({ type: "phase.ready", by: "buyer", at: BRIEFING_ENDS - 1 })).toBe(true);
    expect(table.snapshot().can({ type: "phase.ready", by: "buyer", at: BRIEFING_ENDS })).toBe(false);
  });

  it("scales every phase and every extension with the time scale", () => {
    const table = seated(partnership, ["buyer", "seller"], 0, { timeScale: 0.5 });
    expect(table.ctx().phaseEndsAt).toBe(MINUTE / 2);
    table.send({ type: "phase.extend", by: "facilitator", minutes: 2, at: 10 });
    expect(table.ctx().phaseEndsAt).toBe(MINUTE / 2 + MINUTE);
  });
});

describe("facilitator clock controls", () => {
  it("extends the running phase by the given minutes", () => {
    const table = seated(partnership, ["buyer", "seller"], START);
    const extended = table.send({ type: "phase.extend", by: "facilitator", minutes: 3, at: START + 10 });
    expect(extended.entries).toEqual([expect.objectContaining({ type: "phase.extend", payload: { minutes: 3 }, audience: "all" })]);
    table.send({ type: "time.tick", by: "system", at: BRIEFING_ENDS });
    expect(table.state()).toBe("briefing");
    table.send({ type: "time.tick", by: "system", at: BRIEFING_ENDS + 3 * MINUTE });
    expect(table.state()).toBe("preparation");
  });

  it("refuses clock controls from seats and nonsense extensions", () => {
    const table = seated(partnership, ["buyer", "seller"], START);
    expect(table.send({ type: "phase.extend", by: "buyer", minutes: 3, at: START + 1 }).rejection?.code).toBe("not-allowed");
    expect(table.send({ type: "session.pause", by: "seller", at: START + 2 }).rejection?.code).toBe("not-allowed");
    expect(table.send({ type: "phase.extend", by: "facilitator", minutes: 0, at: START + 3 }).rejection?.code).toBe("invalid-input");
    expect(table.send({ type: "phase.extend", by: "facilitator", minutes: -5, at: START + 4 }).rejection?.code).toBe("invalid-input");
    expect(table.ctx().phaseEndsAt).toBe(BRIEFING_ENDS);
  });

  it("freezes the phase while paused, rejects moves, and adds the paused time back on resume", () => {
    const table = seated(partnership, ["buyer", "seller"], START);
    table.send({ type: "session.pause", by: "facilitator", at: START + 10_000 });
    expect(table.send({ type: "session.pause", by: "facilitator", at: START + 10_001 }).rejection?.code).toBe("already-done");
    const paused = table.send({ type: "phase.ready", by: "buyer", at: START + 20_000 }).rejection;
    expect(paused?.code).toBe("paused");
    table.send({ type: "time.tick", by: "system", at: BRIEFING_ENDS + 5 * MINUTE });
    expect(table.state()).toBe("briefing");
    table.send({ type: "session.resume", by: "facilitator", at: START + 10_000 + 6 * MINUTE });
    expect(table.ctx().phaseEndsAt).toBe(BRIEFING_ENDS + 6 * MINUTE);
    expect(table.send({ type: "session.resume", by: "facilitator", at: BRIEFING_ENDS + 6 * MINUTE - 2 }).rejection?.code).toBe("already-done");
    table.send({ type: "time.tick", by: "system", at: BRIEFING_ENDS + 6 * MINUTE });
    expect(table.state()).toBe("preparation");
  });

  it("starts the next phase running when the facilitator advances during a pause", () => {
    const table = seated(partnership, ["buyer", "seller"], START);
    table.send({ type: "session.pause", by: "facilitator", at: START + 100 });
    table.send({ type: "phase.advance", by: "facilitator", at: START + 200 });
    expect(table.ctx()).toMatchObject({ phase: "preparation", pausedAt: null, phaseStartedAt: START + 200, phaseEndsAt: START + 200 + 2 * MINUTE });
  });

  it("refuses to pause or extend before the session has started", () => {
    const lobby = openTable(partnership);
    expect(lobby.snapshot().can({ type: "session.pause", by: "facilitator", at: START })).toBe(false);
    expect(lobby.send({ type: "session.pause", by: "facilitator", at: START }).rejection?.code).toBe("wrong-phase");
    expect(lobby.send({ type: "phase.extend", by: "facilitator", minutes: 1, at: START }).rejection?.message).toContain("Start the session");
  });
});
