import { describe, expect, it } from "vitest";
import { buildPlenary, type PlenaryInput } from "../../shared/cohort/plenary.js";
import { PollAnswerSchema } from "../../shared/cohort/schemas.js";
import type { Participant, PollAnswer, TableResult } from "../../shared/cohort/types.js";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import type { NegotiationDebrief } from "../../shared/scoring/types.js";
import { answers, dealLog, hardballLog, tenderLog, timeoutLog } from "../fixtures/scoring/logs.js";
import { strategic, tender } from "../fixtures/scoring/scenarios.js";

/*
 * A cohort of five tables, worked by hand (the fixture partnership's points
 * are tabled in scoring-deal.test.ts: frontier (10,90) (30,70) (50,50) (70,10)):
 *   T1 role reversal: Alice (sales) buys, Bruno (procurement) sells; they agree
 *      mid / one-year / none = (20+20+0, 20+0+0) = (40, 20), joint 60, 60 % of the best 100, off the frontier.
 *   T2 balanced: Chen buys, Dana sells; hardball deal high / three-year / quarterly = (10, 90), on the frontier.
 *   T3 balanced: Eko and Femi share the buyer seat, Gus sells; time runs out → impasse at the BATNAs (25, 35).
 *   T4 balanced: Hana (other) waits at a table still negotiating.
 *   T5 role reversal tender: Ivo (sales) buys, Jo (procurement) bids as supplier A, a bot as B;
 *      award to A at mid / three-year / quarterly = (30, 70), on the frontier.
 */

const people: Participant[] = [
  { id: "u1", name: "Alice Zephyr", function: "sales" },
  { id: "u2", name: "Bruno Quill", function: "procurement" },
  { id: "u3", name: "Chen Marlowe", function: "procurement" },
  { id: "u4", name: "Dana Voss", function: "sales" },
  { id: "u5", name: "Eko Brandt", function: "procurement" },
  { id: "u6", name: "Femi Okafor", function: "procurement" },
  { id: "u7", name: "Gus Lind", function: "sales" },
  { id: "u8", name: "Hana Ito", function: "other" },
  { id: "u9", name: "Ivo Petrov", function: "sales" },
  { id: "u10", name: "Jo Reyes", function: "procurement" },
];

/** The deal log, with a survey comment, ending on mid / one-year / none instead. */
function weakDealLog(): LogEntry[] {
  const low = JSON.stringify({ price: "low", term: "three-year", review: "quarterly" });
  const weak = JSON.stringify({ price: "mid", term: "one-year", review: "none" });
  return dealLog({ ...answers(6, 6, 5, 7), comment: "SECRET-COMMENT about my partner" }).map((e): LogEntry => (e.seq >= 23 ? (JSON.parse(JSON.stringify(e).split(low).join(weak)) as LogEntry) : e));
}

const logs = { T1: weakDealLog(), T2: hardballLog(), T3: timeoutLog(), T5: tenderLog() };
const debriefs: Record<string, NegotiationDebrief> = {
  T1: scoreNegotiation(strategic, logs.T1),
  T2: scoreNegotiation(strategic, logs.T2),
  T3: scoreNegotiation(strategic, logs.T3),
  T5: scoreNegotiation(tender, logs.T5),
};

const tables: TableResult[] = [
  { table: { id: "T1", scenarioId: strategic.id, seats: { procurement: ["u1"], sales: ["u2"] } }, scenario: strategic, debrief: debriefs.T1!, policy: "role-reversal" },
  { table: { id: "T2", scenarioId: strategic.id, seats: { procurement: ["u3"], sales: ["u4"] } }, scenario: strategic, debrief: debriefs.T2!, policy: "balanced" },
  { table: { id: "T3", scenarioId: strategic.id, seats: { procurement: ["u5", "u6"], sales: ["u7"] } }, scenario: strategic, debrief: debriefs.T3!, policy: "balanced" },
  { table: { id: "T4", scenarioId: strategic.id, seats: { procurement: ["u8"], sales: [] } }, scenario: strategic, debrief: null, policy: "balanced" },
  { table: { id: "T5", scenarioId: tender.id, seats: { buyer: ["u9"], "supplier-a": ["u10"], "supplier-b": [], "supplier-c": [] } }, scenario: tender, debrief: debriefs.T5!, policy: "role-reversal" },
];

const poll = (stage: PollAnswer["stage"], word: string, attitude: number): PollAnswer => ({ stage, word, attitude });
const polls: Record<string, PollAnswer[]> = {
  u1: [poll("before", "Difficult", 2), poll("after", "partner", 5)],
  u4: [poll("before", "barrier", 3), poll("after", "Partner ", 6)],
  u7: [poll("before", "difficult", 1)],
  u2: [poll("before", "pushy", 4), poll("after", "honest", 6)],
  u3: [poll("before", "Pushy", 5), poll("before", "overselling", 3), poll("after", "honest", 7)], // the later "before" counts
  u8: [poll("before", "curious", 6)],
  stranger: [poll("before", "ignored", 1)],
};

const input = (over: Partial<PlenaryInput> = {}): PlenaryInput => ({ tables, participants: people, polls, showNames: false, ...over });
const plenary = buildPlenary(input());
const seat = (table: string, id: string) => debriefs[table]!.seats[id]!;
const avg = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

describe("the plenary: outcomes", () => {
  it("counts deals over finished tables, overall and per scenario", () => {
    expect(plenary.summary).toEqual({ tables: 5, finished: 4, deals: 3, dealRate: 0.75 });
    expect(plenary.scenarios.map((s) => [s.scenarioId, s.tables, s.finished, s.deals, s.dealRate])).toEqual([
      ["fixture-strategic", 4, 3, 2, 0.667],
      ["fixture-tender", 1, 1, 1, 1],
    ]);
  });

  it("draws each pair's Pareto frontier from the scenario analysis; a tender only for the suppliers who took part", () => {
    const pair = plenary.scenarios[0]!.pairs[0]!;
    expect(pair.frontier).toEqual([
      { procurement: 10, sales: 90 },
      { procurement: 30, sales: 70 },
      { procurement: 50, sales: 50 },
      { procurement: 70, sales: 10 },
    ]);
    expect(pair.maxJoint).toEqual({ procurement: 50, sales: 50, joint: 100 });
    expect(pair.nash).toEqual({ procurement: 50, sales: 50 });
    expect(pair.batna).toEqual({ procurement: 25, sales: 35 });
    expect(plenary.scenarios[1]!.pairs.map((p) => [p.procurementSeat, p.salesSeat])).toEqual([
      ["buyer", "supplier-a"],
      ["buyer", "supplier-b"],
    ]);
  });

  // [table, status, procurement, sales, joint, on frontier, joint % of max]
  it.each([
    ["T1", "deal", 40, 20, 60, false, 60],
    ["T2", "deal", 10, 90, 100, true, 100],
    ["T3", "impasse", 25, 35, 60, null, null],
    ["T4", "running", null, null, null, null, null],
    ["T5", "deal", 30, 70, 100, true, 100],
  ])("%s: %s at (%s, %s)", (table, status, procurement, sales, joint, onFrontier, jointOfMax) => {
    const point = plenary.scenarios.flatMap((s) => s.outcomes).find((o) => o.table === table);
    expect(point).toMatchObject({ status, procurement, sales, joint, onFrontier, jointOfMax });
    expect(point).not.toHaveProperty("names");
  });
});

describe("the plenary: averages", () => {
  it("by role: every person at a finished table, a shared seat once per person, bots left out", () => {
    const [procurement, sales] = plenary.averages.byRole;
    const buyers = [seat("T1", "procurement"), seat("T2", "procurement"), seat("T3", "procurement"), seat("T3", "procurement"), seat("T5", "buyer")];
    expect(procurement).toEqual({ role: "procurement", n: 5, suppressed: false, trust: avg(buyers.map((s) => s.trust.value)), valueFraming: avg(buyers.map((s) => s.valueFraming.value)), alignment: 66.7 });
    const sellers = [seat("T1", "sales"), seat("T2", "sales"), seat("T3", "sales"), seat("T5", "supplier-a")];
    expect(sales).toMatchObject({ role: "sales", n: 4, trust: avg(sellers.map((s) => s.trust.value)), alignment: 66.7 });
  });

  it("by placement: reversed (played the other side from their function) against own side", () => {
    const [reversed, own] = plenary.averages.byPlacement;
    const rev = [seat("T1", "procurement"), seat("T1", "sales"), seat("T5", "buyer"), seat("T5", "supplier-a")];
    expect(reversed).toMatchObject({ placement: "reversed", n: 4, trust: avg(rev.map((s) => s.trust.value)), valueFraming: avg(rev.map((s) => s.valueFraming.value)) });
    expect(own).toMatchObject({ placement: "own-side", n: 5 });
    expect(plenary.averages.byPolicy.map((p) => [p.policy, p.n])).toEqual([
      ["balanced", 5],
      ["role-reversal", 4],
    ]);
  });

  it("hides a group of one while names are hidden, and shows it when they are shown", () => {
    const one = { tables: [tables[0]!], polls: {} };
    expect(buildPlenary(input(one)).averages.byRole[0]).toEqual({ role: "procurement", n: 1, suppressed: true, trust: null, valueFraming: null, alignment: null });
    expect(buildPlenary(input({ ...one, showNames: true })).averages.byRole[0]).toMatchObject({ n: 1, suppressed: false, trust: seat("T1", "procurement").trust.value });
  });
});

describe("the plenary: perception before and after", () => {
  // [function, stage, respondents, words, mean attitude]
  it.each([
    ["all", "before", 6, [["difficult", 2], ["barrier", 1], ["curious", 1], ["overselling", 1], ["pushy", 1]], 3.17],
    ["all", "after", 4, [["honest", 2], ["partner", 2]], 6],
    ["sales", "before", 3, [["difficult", 2], ["barrier", 1]], 2],
    ["sales", "after", 2, [["partner", 2]], 5.5],
    ["procurement", "before", 2, [["overselling", 1], ["pushy", 1]], 3.5],
    ["procurement", "after", 2, [["honest", 2]], 6.5],
    ["other", "before", 1, [], null], // one answer: hidden with names hidden
    ["other", "after", 0, [], null],
  ])("%s %s", (fn, stage, respondents, words, meanAttitude) => {
    const group = plenary.perception.find((g) => g.function === fn && g.stage === stage);
    expect(group).toMatchObject({ respondents, meanAttitude, words: (words as [string, number][]).map(([word, count]) => ({ word, count })) });
  });
});

describe("the plenary: highlights and privacy", () => {
  it("names a table label at most", () => {
    expect(plenary.highlights).toEqual([
      { kind: "best-joint", table: "T2", value: 100, text: "Best joint outcome: T2, with 100 % of the joint points the best package offered." },
      { kind: "frontier", table: null, value: 2, text: "2 of 3 deals lie on the Pareto frontier: no other package was better for one side without costing the other." },
      { kind: "value-case", table: "T1", value: seat("T1", "sales").valueFraming.value, text: `Best-framed value case: T1, where sales argued total cost of ownership with figures the brief supports (value framing ${seat("T1", "sales").valueFraming.value}/100).` },
      { kind: "attitude-shift", table: null, value: 3.5, text: `Sales people moved from 2 to 5.5 on "Procurement can be sales' friend" (1 disagree – 7 agree).` },
      { kind: "attitude-shift", table: null, value: 3, text: `Procurement people moved from 3.5 to 6.5 on "Procurement can be sales' friend" (1 disagree – 7 agree).` },
    ]);
  });

  it("carries no name, survey comment, coaching line or metric explanation", () => {
    const text = JSON.stringify(plenary);
    for (const p of people) expect(text).not.toContain(p.name);
    expect(text).not.toContain("SECRET-COMMENT");
    const personal: string[] = [];
    const collect = (x: unknown, key = ""): void => {
      if (typeof x === "string" && ["explanation", "text", "summary", "lines", "keyLessons", "caption"].includes(key)) personal.push(x);
      else if (Array.isArray(x)) x.forEach((v) => collect(v, key));
      else if (typeof x === "object" && x !== null) for (const [k, v] of Object.entries(x)) collect(v, k);
    };
    Object.values(debriefs).forEach((d) => collect(d));
    expect(personal.length).toBeGreaterThan(50);
    for (const line of personal) expect(text).not.toContain(line);
  });

  it("shows who sat at each table only when the trainer asks for names", () => {
    const named = buildPlenary(input({ showNames: true }));
    expect(named.scenarios[0]!.outcomes.map((o) => o.names)).toEqual([["Alice Zephyr", "Bruno Quill"], ["Chen Marlowe", "Dana Voss"], ["Eko Brandt", "Femi Okafor", "Gus Lind"], ["Hana Ito"]]);
    expect(named.perception.find((g) => g.function === "other" && g.stage === "before")).toMatchObject({ suppressed: false, words: [{ word: "curious", count: 1 }], meanAttitude: 6 });
  });

  it("is deterministic", () => {
    expect(buildPlenary(input())).toEqual(plenary);
  });
});

describe("a poll answer from the wire", () => {
  it("is trimmed and accepted when whole", () => {
    expect(PollAnswerSchema.parse({ stage: "before", word: "  barrier ", attitude: 3 })).toEqual({ stage: "before", word: "barrier", attitude: 3 });
  });

  // [answer, what is wrong]
  it.each([
    [{ stage: "during", word: "x", attitude: 3 }, "stage"],
    [{ stage: "after", word: "  ", attitude: 3 }, "word"],
    [{ stage: "after", word: "x".repeat(41), attitude: 3 }, "word"],
    [{ stage: "after", word: "ok", attitude: 0 }, "attitude"],
    [{ stage: "after", word: "ok", attitude: 8 }, "attitude"],
    [{ stage: "after", word: "ok", attitude: 3.5 }, "attitude"],
  ])("refuses %o (%s)", (answer, field) => {
    const parsed = PollAnswerSchema.safeParse(answer);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual([field]);
  });
});
