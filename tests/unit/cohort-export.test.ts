import { describe, expect, it } from "vitest";
import { csvField, CSV_COLUMNS, exportCsv, exportJson, exportRows, toCsv, type CsvCell } from "../../shared/cohort/export.js";
import type { Participant, TableResult } from "../../shared/cohort/types.js";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import { answers, dealLog, tenderLog, timeoutLog } from "../fixtures/scoring/logs.js";
import { strategic, tender } from "../fixtures/scoring/scenarios.js";

/*
 * Four tables (points from scoring-deal.test.ts and scoring-tender.test.ts):
 *   T1 role reversal, deal low / three-year / quarterly: buyer 40+0+10 = 50 (BATNA 25, surplus 25),
 *      seller 0+40+10 = 50 (BATNA 35, surplus 15); joint 100 = the best, on the frontier.
 *   T3 balanced, the buyer seat shared by two; time runs out: both fall back on their BATNAs.
 *   T4 balanced, still negotiating.
 *   T5 role reversal tender, award to A at mid / three-year / quarterly: buyer 30 (surplus 5), A 70 (surplus 35);
 *      supplier B played by a bot, no deal for it (30 = its BATNA); supplier C left out.
 */

const people: Participant[] = [
  { id: "u1", name: "Alice Zephyr", function: "sales" },
  { id: "u2", name: "Bruno Quill", function: "procurement" },
  { id: "u5", name: "Eko Brandt", function: "procurement" },
  { id: "u6", name: "Femi Okafor", function: "other" },
  { id: "u7", name: "Gus Lind", function: "sales" },
  { id: "u8", name: "Hana Ito", function: "other" },
  { id: "u9", name: "Ivo Petrov", function: "sales" },
  { id: "u10", name: "Jo Reyes", function: "procurement" },
];
const logs: Record<string, LogEntry[]> = {
  T1: dealLog({ ...answers(6, 6, 5, 7), comment: "SECRET-COMMENT about my partner" }),
  T3: timeoutLog(),
  T4: [],
  T5: tenderLog(),
};
const tables: (TableResult & { log: LogEntry[] })[] = [
  { table: { id: "T1", scenarioId: strategic.id, seats: { procurement: ["u1"], sales: ["u2"] } }, scenario: strategic, debrief: scoreNegotiation(strategic, logs.T1!), policy: "role-reversal", log: logs.T1! },
  { table: { id: "T3", scenarioId: strategic.id, seats: { procurement: ["u5", "u6"], sales: ["u7"] } }, scenario: strategic, debrief: scoreNegotiation(strategic, logs.T3!), policy: "balanced", log: logs.T3! },
  { table: { id: "T4", scenarioId: strategic.id, seats: { procurement: ["u8"], sales: [] } }, scenario: strategic, debrief: null, policy: "balanced", log: logs.T4! },
  { table: { id: "T5", scenarioId: tender.id, seats: { buyer: ["u9"], "supplier-a": ["u10"], "supplier-b": [], "supplier-c": [] } }, scenario: tender, debrief: scoreNegotiation(tender, logs.T5!), policy: "role-reversal", log: logs.T5! },
];
const results = { sessionCode: "ABC123", tables, participants: people };
const seat = (table: string, id: string) => tables.find((t) => t.table.id === table)!.debrief!.seats[id]!;
const scores = (table: string, id: string) => {
  const s = seat(table, id);
  return [s.trust.value, s.valueFraming.value, s.risk?.coverage.value ?? ""].map(String);
};

describe("the CSV export", () => {
  const rows = exportRows(results);
  const lines = exportCsv(rows).split("\r\n");

  it("has the documented header and one row per person per seat, a bot's seat included", () => {
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines[0]).toBe(
      "session_code,table,seat,scenario_id,scenario_version,role,function,policy,reversed,shared_seat,deal,own_points,surplus_over_batna,joint_points,joint_of_max_pct,distance_to_frontier,trust,value_framing,goal_alignment_pct,risk_coverage_pct",
    );
    expect(rows.map((r) => `${r.table}/${r.seat}/${r.function}`)).toEqual([
      "T1/procurement/sales",
      "T1/sales/procurement",
      "T3/procurement/procurement",
      "T3/procurement/other",
      "T3/sales/sales",
      "T4/procurement/other",
      "T5/buyer/sales",
      "T5/supplier-a/procurement",
      "T5/supplier-b/bot",
    ]);
    expect(lines.at(-1)).toBe(""); // the last record ends with CRLF too
  });

  // [line, expected: the fixed part, then trust / value framing / risk from the debrief]
  it.each([
    [1, "ABC123,T1,procurement,fixture-strategic,1,procurement,sales,role-reversal,yes,no,yes,50,25,100,100,0", ["T1", "procurement"], "66.7"],
    [2, "ABC123,T1,sales,fixture-strategic,1,sales,procurement,role-reversal,yes,no,yes,50,15,100,100,0", ["T1", "sales"], "66.7"],
    [3, "ABC123,T3,procurement,fixture-strategic,1,procurement,procurement,balanced,no,yes,no,25,0,,,", ["T3", "procurement"], "66.7"],
    [4, "ABC123,T3,procurement,fixture-strategic,1,procurement,other,balanced,,yes,no,25,0,,,", ["T3", "procurement"], "66.7"],
    [7, "ABC123,T5,buyer,fixture-tender,2,procurement,sales,role-reversal,yes,no,yes,30,5,100,100,0", ["T5", "buyer"], "66.7"],
    [8, "ABC123,T5,supplier-a,fixture-tender,2,sales,procurement,role-reversal,yes,no,yes,70,35,100,100,0", ["T5", "supplier-a"], "66.7"],
    [9, "ABC123,T5,supplier-b,fixture-tender,2,sales,bot,role-reversal,,no,no,30,0,,,", ["T5", "supplier-b"], "33.3"],
  ] as const)("line %i", (line, fixed, [table, id], alignment) => {
    const [trust, framing, risk] = scores(table, id);
    expect(lines[line]).toBe(`${fixed},${trust},${framing},${alignment},${risk}`);
  });

  it("leaves the figures of a table still negotiating empty", () => {
    expect(lines[6]).toBe("ABC123,T4,procurement,fixture-strategic,1,procurement,other,balanced,,no,,,,,,,,,,");
  });

  // [cell, field]
  it.each<[CsvCell, string]>([
    ["plain", "plain"],
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+41 22", "'+41 22"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tindent", "'\tindent"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1,2", `"'=1,2"`],
    [-15, "-15"], // a negative number stays a number
    [66.7, "66.7"],
    [true, "yes"],
    [false, "no"],
    [null, ""],
    [Number.NaN, ""],
  ])("writes %j as %j", (cell, field) => {
    expect(csvField(cell)).toBe(field);
  });

  it("protects a hostile session code in a whole export", () => {
    const csv = exportCsv(exportRows({ ...results, sessionCode: "=HYPERLINK(\"http://evil\",\"x\")" }));
    expect(csv.split("\r\n")[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil"",""x""\)",T1,/);
  });

  it("joins records with CRLF", () => {
    expect(toCsv([["a", 1], ["b", null]])).toBe("a,1\r\nb,\r\n");
  });
});

describe("the JSON export", () => {
  const doc = exportJson({ ...results, polls: { u1: [{ stage: "before", word: "barrier", attitude: 2 }], stranger: [{ stage: "before", word: "x", attitude: 1 }] }, generatedAt: "2024-05-01T10:00:00.000Z" });

  it("carries every table's seating, debrief and full transcript, and the CSV rows", () => {
    expect(doc).toMatchObject({ format: "negotiation-simulator/cohort-export", formatVersion: 1, sessionCode: "ABC123", generatedAt: "2024-05-01T10:00:00.000Z" });
    expect(doc.tables.map((t) => [t.table, t.scenarioId, t.scenarioVersion, t.policy, t.transcript.length])).toEqual([
      ["T1", "fixture-strategic", 1, "role-reversal", logs.T1!.length],
      ["T3", "fixture-strategic", 1, "balanced", logs.T3!.length],
      ["T4", "fixture-strategic", 1, "balanced", 0],
      ["T5", "fixture-tender", 2, "role-reversal", logs.T5!.length],
    ]);
    expect(doc.tables[3]!.transcript).toEqual(logs.T5);
    expect(doc.tables[0]!.debrief).toEqual(tables[0]!.debrief);
    expect(doc.rows).toEqual(exportRows(results));
    expect(doc.polls).toEqual({ u1: [{ stage: "before", word: "barrier", attitude: 2 }] });
  });

  it("leaves out names and survey comments unless asked, and keeps the rest of the survey", () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain("SECRET-COMMENT");
    for (const p of people) expect(text).not.toContain(p.name);
    const survey = doc.tables[0]!.transcript.find((e) => e.type === "reflection.submit" && e.by === "sales")!;
    expect(survey.payload.answers).toMatchObject({ "one-word": "fair", "relationship-trust": 5 });
    const full = exportJson({ ...results, names: true, surveyComments: true });
    expect(JSON.stringify(full)).toContain("SECRET-COMMENT about my partner");
    expect(full.participants[0]).toEqual({ id: "u1", function: "sales", name: "Alice Zephyr" });
    expect(logs.T1!.some((e) => JSON.stringify(e).includes("SECRET-COMMENT"))).toBe(true); // the input keeps it
  });
});
