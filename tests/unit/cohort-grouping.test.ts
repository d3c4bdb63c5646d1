import { describe, expect, it } from "vitest";
import { autoGroup, planTables, shuffle } from "../../shared/cohort/grouping.js";
import type { Grouping, Participant, ParticipantFunction, RolePolicy } from "../../shared/cohort/types.js";
import { mulberry32 } from "../../shared/random.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { tender as tinyTender } from "../fixtures/scoring/scenarios.js";
import { loadScenario } from "../support/scenarios.js";

const pair = loadScenario("strategic-3pl.yaml"); // seats: procurement, sales
const tender = loadScenario("commodity-corrugated.yaml"); // buyer, supplier-a, supplier-b, supplier-c (optional)
/** Five required seats and no optional one: a scenario too big to absorb leftovers by sharing. */
const big: Scenario = {
  ...tinyTender,
  id: "big-five",
  seats: [...tinyTender.seats.map((s) => ({ ...s, optional: false })), { ...tinyTender.seats[3]!, id: "supplier-d", optional: false }],
};

function people(counts: Partial<Record<ParticipantFunction, number>>): Participant[] {
  return (["sales", "procurement", "other"] as const).flatMap((fn) =>
    Array.from({ length: counts[fn] ?? 0 }, (_, i) => ({ id: `${fn[0]}${i + 1}`, name: `${fn} ${i + 1}`, function: fn })),
  );
}

const fnOf = (list: Participant[], id: string) => list.find((p) => p.id === id)?.function;
const sideOf = (scenario: Scenario, seat: string) => scenario.seats.find((s) => s.id === seat)?.side;
const seated = (g: Grouping) => g.tables.flatMap((t) => Object.values(t.seats).flat());
/** [table, seat, ids] for every seat. */
const seatsOf = (g: Grouping) => g.tables.flatMap((t) => Object.entries(t.seats).map(([seat, ids]) => [t.id, seat, ids] as const));

describe("planning tables", () => {
  // [people, scenarios, tables, open seats, shared seats]: 7 people on pairs → 3 pairs and one shared seat.
  it.each<[number, Scenario[], number, number, number]>([
    [0, [pair], 0, 0, 0],
    [1, [pair], 1, 2, 0], // one seat stays empty
    [2, [pair], 1, 2, 0],
    [3, [pair], 1, 2, 1],
    [7, [pair], 3, 6, 1],
    [8, [pair], 4, 8, 0],
    [2, [tender], 1, 3, 0], // one required supplier seat stays empty
    [3, [tender], 1, 3, 0],
    [4, [tender], 1, 4, 0], // the optional supplier joins
    [5, [tender], 1, 4, 1],
    [6, [tender], 2, 6, 0],
    [7, [tender], 2, 7, 0],
    [11, [tender], 3, 11, 0], // 9 required + 2 optional
    [6, [big], 1, 5, 1],
    [9, [big], 2, 10, 0], // 4 left over cannot all share: a second table with one empty seat
    [7, [tender, pair], 2, 6, 1], // T1 tender + T2 pair = 5 required, T1's optional seat, then a share
  ])("%i people on %o", (count, scenarios, tables, slots, shares) => {
    const plan = planTables(count, scenarios);
    expect(plan.scenarios).toHaveLength(tables);
    expect(plan.slots).toHaveLength(slots);
    expect(plan.shares).toBe(shares);
  });

  it("rotates the scenarios over the tables and fills each seat position round the tables first", () => {
    const plan = planTables(10, [tender, pair]);
    expect(plan.scenarios.map((s) => s.id)).toEqual(["commodity-corrugated", "strategic-3pl", "commodity-corrugated", "strategic-3pl"]);
    expect(plan.slots.slice(0, 4).map((s) => `${s.table}:${s.seat}`)).toEqual(["0:buyer", "1:procurement", "2:buyer", "3:procurement"]);
  });

  it("refuses to plan without a scenario", () => {
    expect(() => planTables(4, [])).toThrow(/at least one scenario/);
  });
});

describe("auto-grouping by policy", () => {
  it("role reversal: a trainer's 7 participants (4 sales, 3 procurement) on the 3PL pair make 3 tables, one seat shared", () => {
    // The trainer is not a participant; the 7 are.
    const cohort = people({ sales: 4, procurement: 3 });
    const g = autoGroup(cohort, [pair], "role-reversal", mulberry32(1));
    expect(g.tables.map((t) => t.id)).toEqual(["T1", "T2", "T3"]);
    expect(g.unassigned).toEqual([]);
    expect(seated(g).sort()).toEqual(cohort.map((p) => p.id).sort());
    for (const [, seat, ids] of seatsOf(g)) {
      for (const id of ids) expect(fnOf(cohort, id)).toBe(seat === "procurement" ? "sales" : "procurement");
    }
    const shared = seatsOf(g).filter(([, , ids]) => ids.length === 2);
    expect(shared.map(([table, seat]) => [table, seat])).toEqual([["T1", "procurement"]]);
    expect(g.notes).toEqual([`sales ${shared[0]![2][0]!.slice(1)} and sales ${shared[0]![2][1]!.slice(1)} share one procurement seat (Director of Logistics Procurement) at T1: they play it together.`]);
  });

  it("balanced: the NC State summit mix (8 procurement, 5 sales) keeps sides, mixes 5 tables and says where it could not", () => {
    const cohort = people({ procurement: 8, sales: 5 });
    const g = autoGroup(cohort, [pair], "balanced", mulberry32(2));
    expect(g.tables).toHaveLength(6);
    expect(g.tables.map((t) => t.seats.procurement!.map((id) => fnOf(cohort, id)))).toEqual([["procurement", "procurement"], ["procurement"], ["procurement"], ["procurement"], ["procurement"], ["procurement"]]);
    expect(g.tables.map((t) => t.seats.sales!.map((id) => fnOf(cohort, id)))).toEqual([["sales"], ["sales"], ["sales"], ["sales"], ["sales"], ["procurement"]]);
    const name = (id: string | undefined) => cohort.find((p) => p.id === id)?.name;
    const [first, second] = g.tables[0]!.seats.procurement!;
    expect(g.notes).toEqual([
      `${name(first)} and ${name(second)} share one procurement seat (Director of Logistics Procurement) at T1: they play it together.`,
      `Balanced: more people of one function than seats on their side, so ${name(g.tables[5]!.seats.sales![0])} (procurement, T6) plays the other side.`,
      "No mix at T6: nobody from sales sits at this table (there are fewer sales people than tables).",
    ]);
  });

  // [sales, procurement, seats of T1 in order buyer/a/b/c (people per seat), notes]
  it.each<[number, number, number[], string[]]>([
    [1, 1, [1, 1, 0, 0], ["One sales seat is empty at T1: assign someone or leave it for a bot."]],
    [2, 1, [1, 1, 1, 0], []],
    [3, 1, [1, 1, 1, 1], []], // the optional supplier seat is used before anyone shares
    [4, 1, [1, 2, 1, 1], ["sales 4 and sales 1 share one sales seat (Key Account Manager, Consumer Goods) at T1: they play it together."]],
  ])("a tender with %i sales and %i procurement people", (sales, procurement, counts, notes) => {
    const cohort = people({ sales, procurement });
    const g = autoGroup(cohort, [tender], "balanced", mulberry32(7));
    expect(g.tables).toHaveLength(1);
    const t = g.tables[0]!;
    expect(["buyer", "supplier-a", "supplier-b", "supplier-c"].map((s) => t.seats[s]!.length)).toEqual(counts);
    expect(fnOf(cohort, t.seats.buyer![0]!)).toBe("procurement");
    expect(g.notes.map((n) => n.replace(/sales \d and sales \d/, "sales 4 and sales 1"))).toEqual(notes);
  });

  it("role reversal in a tender: sales people buy, procurement people bid, 'other' fills what is left", () => {
    const cohort = people({ sales: 2, procurement: 2, other: 1 });
    const g = autoGroup(cohort, [tender], "role-reversal", mulberry32(3));
    const t = g.tables[0]!;
    expect(["buyer", "supplier-a", "supplier-b", "supplier-c"].map((s) => t.seats[s]!.map((id) => fnOf(cohort, id)))).toEqual([
      ["sales", "sales"], // the second sales person shares the buyer seat rather than play their own side
      ["procurement"],
      ["procurement"],
      ["other"],
    ]);
    expect(g.notes).toEqual([expect.stringMatching(/^sales \d and sales \d share one procurement seat \(Category Manager, Packaging\) at T1: they play it together\.$/)]);
  });

  it("role reversal with a spare optional seat: it is used before anyone shares, even on the own side", () => {
    const cohort = people({ sales: 2, procurement: 2 });
    const g = autoGroup(cohort, [tender], "role-reversal", mulberry32(3));
    const t = g.tables[0]!;
    expect(["buyer", "supplier-a", "supplier-b", "supplier-c"].map((s) => t.seats[s]!.map((id) => fnOf(cohort, id)))).toEqual([["sales"], ["procurement"], ["procurement"], ["sales"]]);
    expect(g.notes).toEqual([`Role reversal: not enough seats on the other side for sales ${t.seats["supplier-c"]![0]!.slice(1)} (sales, T1), so this person plays their own side.`]);
  });

  it("self-select: honours the seats asked for while they are free, and says who did not get theirs", () => {
    const cohort = people({ sales: 2, procurement: 1 });
    const prefs = { s1: "buyer", s2: "buyer", p1: "chief-officer" };
    const g = autoGroup(cohort, [tender], "self-select", mulberry32(5), prefs);
    const t = g.tables[0]!;
    const buyer = t.seats.buyer![0]!;
    expect(["s1", "s2"]).toContain(buyer);
    const loser = buyer === "s1" ? "s2" : "s1";
    const loserSeat = seatsOf(g).find(([, , ids]) => ids.includes(loser))![1];
    const p1Seat = seatsOf(g).find(([, , ids]) => ids.includes("p1"))![1];
    expect(g.notes).toEqual(
      expect.arrayContaining([
        `Self-select: sales ${loser.slice(1)} asked for "buyer" but sits on "${loserSeat}" at T1: no such seat was free.`,
        `Self-select: procurement 1 asked for "chief-officer", which no scenario of this session has; they sit on "${p1Seat}" at T1.`,
      ]),
    );
  });

  it("self-select: a side name works as a preference, and nobody asked is seated on their own side", () => {
    const cohort = people({ sales: 2, procurement: 2 });
    const prefs = { s1: "procurement", s2: "procurement" };
    const g = autoGroup(cohort, [pair], "self-select", mulberry32(9), prefs);
    expect(g.tables.map((t) => t.seats.procurement).flat().sort()).toEqual(["s1", "s2"]);
    expect(g.tables.map((t) => t.seats.sales).flat().sort()).toEqual(["p1", "p2"]);
    expect(g.notes).toEqual([]);
  });

  it("random: seats everyone, whatever their function, as the seed decides", () => {
    const cohort = people({ sales: 6 });
    const g = autoGroup(cohort, [pair], "random", mulberry32(11));
    expect(g.tables).toHaveLength(3);
    expect(seated(g).sort()).toEqual(cohort.map((p) => p.id).sort());
    expect(g.notes).toEqual([]);
  });

  it("seats one person alone and notes the empty seat; seats nobody without people", () => {
    expect(autoGroup(people({ sales: 1 }), [pair], "balanced", mulberry32(1))).toEqual({
      tables: [{ id: "T1", scenarioId: "strategic-3pl", seats: { procurement: [], sales: ["s1"] } }],
      unassigned: [],
      notes: ["One procurement seat is empty at T1: assign someone or leave it for a bot."],
    });
    expect(autoGroup([], [pair], "balanced", mulberry32(1))).toEqual({ tables: [], unassigned: [], notes: [] });
  });

  it("opens another table with empty seats only when sharing cannot hold everyone", () => {
    const g = autoGroup(people({ sales: 5, procurement: 4 }), [big], "random", mulberry32(4));
    expect(g.tables.map((t) => Object.values(t.seats).map((ids) => ids.length))).toEqual([
      [1, 1, 1, 1, 1],
      [1, 1, 1, 1, 0],
    ]);
    expect(g.notes).toEqual(["One sales seat is empty at T2: assign someone or leave it for a bot."]);
  });
});

describe("determinism", () => {
  const cohort = people({ sales: 5, procurement: 4, other: 2 });
  const policies: RolePolicy[] = ["self-select", "balanced", "role-reversal", "random"];

  it.each(policies)("%s: the same seed gives the same grouping, and the input is left alone", (policy) => {
    const before = JSON.stringify(cohort);
    const a = autoGroup(cohort, [pair, tender], policy, mulberry32(42), { s1: "buyer" });
    const b = autoGroup(cohort, [pair, tender], policy, mulberry32(42), { s1: "buyer" });
    expect(a).toEqual(b);
    expect(JSON.stringify(cohort)).toBe(before);
    expect(seated(a).sort()).toEqual(cohort.map((p) => p.id).sort());
  });

  it("another seed seats people differently", () => {
    const seatings = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(autoGroup(cohort, [pair], "balanced", mulberry32(seed)).tables));
    expect(new Set(seatings).size).toBeGreaterThan(1);
  });

  it("shuffle is a seeded permutation", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(shuffle(items, mulberry32(3))).toEqual(shuffle(items, mulberry32(3)));
    expect([...shuffle(items, mulberry32(3))].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe("several scenarios", () => {
  it("tables take the scenarios in turn, each with every seat of its scenario listed", () => {
    const g = autoGroup(people({ sales: 4, procurement: 5 }), [tender, pair], "balanced", mulberry32(8));
    expect(g.tables.map((t) => t.scenarioId)).toEqual(["commodity-corrugated", "strategic-3pl", "commodity-corrugated"]);
    for (const t of g.tables) {
      const scenario = t.scenarioId === pair.id ? pair : tender;
      expect(Object.keys(t.seats)).toEqual(scenario.seats.map((s) => s.id));
      for (const [seat, ids] of Object.entries(t.seats)) {
        // 5 procurement people for 3 procurement seats: two of them bid, but no sales person ever buys
        if (ids.length > 0 && sideOf(scenario, seat) === "procurement") expect(ids.map((id) => id[0])).toEqual(["p"]);
      }
    }
  });
});
