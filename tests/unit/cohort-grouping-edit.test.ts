import { describe, expect, it } from "vitest";
import { moveParticipant, reassignSeat, syncParticipants, type GroupingChange, type GroupingContext } from "../../shared/cohort/grouping.js";
import type { Grouping, Participant } from "../../shared/cohort/types.js";
import { loadScenario } from "../support/scenarios.js";

const pair = loadScenario("strategic-3pl.yaml");
const tender = loadScenario("commodity-corrugated.yaml");

const participants: Participant[] = [
  { id: "ana", name: "Ana", function: "sales" },
  { id: "ben", name: "Ben", function: "procurement" },
  { id: "cy", name: "Cy", function: "sales" },
  { id: "dee", name: "Dee", function: "procurement" },
  { id: "eli", name: "Eli", function: "other" },
];
const ctx: GroupingContext = { participants, scenarios: [pair, tender], policy: "balanced" };

/** T1: a pair (Ben buys, Ana sells); T2: a tender (Dee buys, Cy bids, one required and the optional supplier seat empty); Eli waits. */
function start(): Grouping {
  return {
    tables: [
      { id: "T1", scenarioId: "strategic-3pl", seats: { procurement: ["ben"], sales: ["ana"] } },
      { id: "T2", scenarioId: "commodity-corrugated", seats: { buyer: ["dee"], "supplier-a": ["cy"], "supplier-b": [], "supplier-c": [] } },
    ],
    unassigned: ["eli"],
    notes: [],
  };
}

function ok(change: GroupingChange): Grouping {
  if (!change.ok) throw new Error(`refused: ${change.code} ${change.message}`);
  return change.grouping;
}

const seats = (g: Grouping) => Object.fromEntries(g.tables.map((t) => [t.id, t.seats]));

describe("moving a participant", () => {
  it("into an empty seat: they move, and the notes follow the new seating", () => {
    const g = ok(moveParticipant(start(), "eli", "T2", "supplier-b", ctx));
    expect(seats(g).T2).toEqual({ buyer: ["dee"], "supplier-a": ["cy"], "supplier-b": ["eli"], "supplier-c": [] });
    expect(g.unassigned).toEqual([]);
    expect(g.notes).toEqual([]);
  });

  it("into an occupied seat: the two swap places", () => {
    const g = ok(moveParticipant(start(), "ana", "T2", "supplier-a", ctx));
    expect(seats(g).T1).toEqual({ procurement: ["ben"], sales: ["cy"] });
    expect(seats(g).T2!["supplier-a"]).toEqual(["ana"]);
  });

  it("from the unassigned list into an occupied seat: the occupant becomes unassigned", () => {
    const g = ok(moveParticipant(start(), "eli", "T1", "sales", ctx));
    expect(seats(g).T1).toEqual({ procurement: ["ben"], sales: ["eli"] });
    expect(g.unassigned).toEqual(["ana"]);
    expect(g.notes).toContain("Not at a table yet: Ana.");
  });

  it("out of a seat leaves it empty, and the note says so", () => {
    const g = ok(moveParticipant(start(), "cy", "T2", "supplier-b", ctx));
    expect(seats(g).T2!["supplier-a"]).toEqual([]);
    expect(g.notes).toContain("One sales seat is empty at T2: assign someone or leave it for a bot.");
  });

  it("out of a shared seat into an occupied one: the occupant joins the one who stayed", () => {
    const shared = ok(reassignSeat(start(), "T1", "procurement", ["ben", "eli"], ctx));
    const g = ok(moveParticipant(shared, "eli", "T2", "buyer", ctx));
    expect(seats(g).T1!.procurement).toEqual(["ben", "dee"]);
    expect(seats(g).T2!.buyer).toEqual(["eli"]);
  });

  it("into the seat they already hold changes nothing", () => {
    const g = ok(moveParticipant(start(), "ben", "T1", "procurement", ctx));
    expect(seats(g)).toEqual(seats(start()));
  });

  it("a participant who arrived after grouping can be moved in", () => {
    const late = { participants: [...participants, { id: "fay", name: "Fay", function: "sales" as const }], scenarios: ctx.scenarios, policy: ctx.policy };
    const g = ok(moveParticipant(start(), "fay", "T2", "supplier-b", late));
    expect(seats(g).T2!["supplier-b"]).toEqual(["fay"]);
  });

  // [participant, table, seat, code]
  it.each([
    ["eli", "T9", "sales", "unknown-table"],
    ["eli", "T1", "supplier-a", "unknown-seat"],
    ["zed", "T1", "sales", "unknown-participant"],
  ])("refuses %s → %s/%s with %s", (who, table, seat, code) => {
    const change = moveParticipant(start(), who, table, seat, ctx);
    expect(change).toMatchObject({ ok: false, code });
    expect(change.ok ? "" : change.message).not.toBe("");
  });

  it("refuses a seat already shared by two", () => {
    const shared = ok(reassignSeat(start(), "T1", "procurement", ["ben", "eli"], ctx));
    expect(moveParticipant(shared, "cy", "T1", "procurement", ctx)).toMatchObject({ ok: false, code: "seat-full" });
  });

  it("never changes the grouping it is given", () => {
    const g = start();
    const before = JSON.stringify(g);
    ok(moveParticipant(g, "ana", "T2", "supplier-a", ctx));
    ok(reassignSeat(g, "T1", "sales", [], ctx));
    expect(JSON.stringify(g)).toBe(before);
  });
});

describe("reassigning a seat", () => {
  it("emptied for a bot: the occupant goes to the unassigned list", () => {
    const g = ok(reassignSeat(start(), "T1", "sales", [], ctx));
    expect(seats(g).T1!.sales).toEqual([]);
    expect(g.unassigned).toEqual(["eli", "ana"]);
    expect(g.notes).toEqual([
      "One sales seat is empty at T1: assign someone or leave it for a bot.",
      "One sales seat is empty at T2: assign someone or leave it for a bot.",
      "No mix at T1: nobody from sales sits at this table.",
      "Not at a table yet: Eli and Ana.",
    ]);
  });

  it("shared by two: both sit there and the note names them", () => {
    const g = ok(reassignSeat(start(), "T2", "supplier-b", ["eli", "ana"], ctx));
    expect(seats(g).T2!["supplier-b"]).toEqual(["eli", "ana"]);
    expect(seats(g).T1!.sales).toEqual([]);
    expect(g.notes).toContain("Eli and Ana share one sales seat (Sales Director) at T2: they play it together.");
  });

  // [ids, code]
  it.each<[string[], string]>([
    [["ana", "ben", "cy"], "too-many"],
    [["ana", "ana"], "duplicate"],
    [["zed"], "unknown-participant"],
  ])("refuses %o with %s", (ids, code) => {
    expect(reassignSeat(start(), "T1", "sales", ids, ctx)).toMatchObject({ ok: false, code });
  });
});

describe("keeping up with the roster", () => {
  it("adds newcomers to the unassigned list and takes leavers out of their seats", () => {
    const roster = { ...ctx, participants: [...participants.filter((p) => p.id !== "ana"), { id: "fay", name: "Fay", function: "sales" as const }] };
    const g = syncParticipants(start(), roster);
    expect(seats(g).T1!.sales).toEqual([]);
    expect(g.unassigned).toEqual(["eli", "fay"]);
    expect(g.notes).toEqual([
      "One sales seat is empty at T1: assign someone or leave it for a bot.",
      "One sales seat is empty at T2: assign someone or leave it for a bot.",
      "No mix at T1: nobody from sales sits at this table.",
      "Not at a table yet: Eli and Fay.",
    ]);
  });
});
