import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { exportXapi, validateXapiStatement, XAPI_COMPLETED } from "../../shared/cohort/export.js";
import type { Participant, TableResult } from "../../shared/cohort/types.js";
import { sha1, URL_NAMESPACE, uuidV5 } from "../../shared/cohort/uuid.js";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import { dealLog, T0, tenderLog, timeoutLog } from "../fixtures/scoring/logs.js";
import { strategic, tender } from "../fixtures/scoring/scenarios.js";

/*
 * Scales, from the fixture scoring tables (tests/fixtures/scoring/scenarios.ts):
 *   buyer: price 0–40, term 0–20, review 0–10 → 0–70 (BATNA 25 inside);
 *   supplier A: price 0–40, term 0–40, review 0–10 → 0–90 (BATNA 35 inside).
 * T1 deal (50 / 50) ends at minute 36; T3 times out at minute 46, both on BATNAs (25 / 35);
 * T5 awards supplier A (buyer 30, A 70) at minute 32; supplier B is a bot and gets no statement.
 */

const people: Participant[] = [
  { id: "u1", name: "Alice Zephyr", function: "sales" },
  { id: "u2", name: "Bruno Quill", function: "procurement" },
  { id: "u5", name: "Eko Brandt", function: "procurement" },
  { id: "u7", name: "Gus Lind", function: "other" },
  { id: "u9", name: "Ivo Petrov", function: "sales" },
  { id: "u10", name: "Jo Reyes", function: "procurement" },
];
const table = (id: string, scenario: typeof strategic, seats: Record<string, string[]>, log: LogEntry[], policy: TableResult["policy"]) => ({
  table: { id, scenarioId: scenario.id, seats },
  scenario,
  debrief: log.length ? scoreNegotiation(scenario, log) : null,
  policy,
  log,
});
const tables = [
  table("T1", strategic, { procurement: ["u1"], sales: ["u2"] }, dealLog(), "role-reversal"),
  table("T3", strategic, { procurement: ["u5"], sales: ["u7"] }, timeoutLog(), "balanced"),
  table("T4", strategic, { procurement: [], sales: [] }, [], "balanced"),
  table("T5", tender, { buyer: ["u9"], "supplier-a": ["u10"], "supplier-b": [], "supplier-c": [] }, tenderLog(), "role-reversal"),
];
const input = { origin: "https://sim.example.org/any/path", sessionCode: "ABC123", tables, participants: people };
const statements = exportXapi(input);
const ext = (name: string) => `https://sim.example.org/xapi/extensions/${name}`;
const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString();

describe("the xAPI export", () => {
  it("makes one statement per person per seat of every finished table, and each one is valid xAPI 1.0.3", () => {
    expect(statements.map((s) => s.actor.account.name)).toEqual(["u1", "u2", "u5", "u7", "u9", "u10"]);
    for (const s of statements) expect(validateXapiStatement(s)).toEqual([]);
  });

  // [actor, success, raw, min, max, scaled, timestamp]
  it.each([
    ["u1", true, 50, 0, 70, 0.7143, at(36)],
    ["u2", true, 50, 0, 90, 0.5556, at(36)],
    ["u5", false, 25, 0, 70, 0.3571, at(46)],
    ["u7", false, 35, 0, 90, 0.3889, at(46)],
    ["u9", true, 30, 0, 70, 0.4286, at(32)],
    ["u10", true, 70, 0, 90, 0.7778, at(32)],
  ])("%s: success %s, %i points on %i–%i", (actor, success, raw, min, max, scaled, timestamp) => {
    const s = statements.find((x) => x.actor.account.name === actor)!;
    expect(s.result).toMatchObject({ success, completion: true, score: { raw, min, max, scaled } });
    expect(s.timestamp).toBe(timestamp);
  });

  it("identifies people by an account on this server, never by email, with the display name only as name", () => {
    const s = statements[0]!;
    expect(s.actor).toEqual({ objectType: "Agent", name: "Alice Zephyr", account: { homePage: "https://sim.example.org", name: "u1" } });
    expect(JSON.stringify(statements)).not.toMatch(/mbox|mailto|@/);
    expect(exportXapi({ ...input, names: false })[0]!.actor).toEqual({ objectType: "Agent", account: { homePage: "https://sim.example.org", name: "u1" } });
  });

  it("says what was completed, with the scores and the setting as extensions", () => {
    const s = statements[0]!;
    expect(s.verb).toEqual({ id: XAPI_COMPLETED, display: { "en-US": "completed" } });
    expect(s.object).toEqual({
      objectType: "Activity",
      id: "https://sim.example.org/scenarios/fixture-strategic",
      definition: { name: { en: "Fixture partnership" }, description: { en: "A small partnership negotiation." }, type: "http://adlnet.gov/expapi/activities/simulation" },
    });
    const d = tables[0]!.debrief!.seats.procurement!;
    expect(s.result.extensions).toEqual({ [ext("trust")]: d.trust.value, [ext("value-framing")]: d.valueFraming.value, [ext("goal-alignment")]: 66.7, [ext("risk-coverage")]: d.risk!.coverage.value });
    expect(s.context.extensions).toEqual({
      [ext("session")]: "ABC123",
      [ext("table")]: "T1",
      [ext("scenario")]: "fixture-strategic",
      [ext("scenario-version")]: 1,
      [ext("seat")]: "procurement",
      [ext("role")]: "procurement",
      [ext("policy")]: "role-reversal",
      [ext("reversed")]: true,
    });
    expect(statements[3]!.context.extensions).not.toHaveProperty(ext("reversed")); // "other" has no side to reverse
    expect(s.context.contextActivities.parent).toEqual([{ objectType: "Activity", id: "https://sim.example.org/sessions/ABC123" }]);
    expect(new Set(statements.map((x) => x.context.registration)).size).toBe(1);
  });

  it("gives every statement a stable, distinct version 5 UUID", () => {
    const ids = statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(exportXapi(input).map((s) => s.id)).toEqual(ids);
    expect(exportXapi({ ...input, sessionCode: "XYZ789" })[0]!.id).not.toBe(ids[0]);
  });

  it.each(["ftp://sim.example.org", "sim.example.org", ""])("refuses the origin %j", (origin) => {
    expect(() => exportXapi({ ...input, origin })).toThrow(/not an http\(s\) origin/);
  });
});

describe("validating an xAPI statement", () => {
  /** The first exported statement with the value at a dotted path replaced (undefined: removed). */
  function spoilt(path: string, value: unknown): Record<string, unknown> {
    const copy = structuredClone(statements[0]!) as unknown as Record<string, unknown>;
    const keys = path.split(".");
    let at = copy;
    for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
    const last = keys.at(-1)!;
    if (value === undefined) delete at[last];
    else at[last] = value;
    return copy;
  }

  // [what is wrong, path, new value, the problem reported]
  it.each<[string, string, unknown, string | string[]]>([
    ["no identifier", "actor.account", undefined, "actor must have exactly one identifier (mbox, mbox_sha1sum, openid or account); it has 0"],
    ["two identifiers", "actor.mbox", "mailto:a@example.org", "actor must have exactly one identifier (mbox, mbox_sha1sum, openid or account); it has 2"],
    ["a home page that is no URL", "actor.account.homePage", "sim.example.org", "actor.account.homePage must be an http(s) IRL"],
    ["a verb id that is no IRI", "verb.id", "completed", "verb.id must be an IRI"],
    ["a verb without display", "verb.display", undefined, 'verb.display must be a language map such as { "en-US": "completed" }'],
    ["an object without objectType", "object.objectType", undefined, 'object.objectType must be "Activity"'],
    ["an object id with a space", "object.id", "https://x.org/a b", "object.id must be an IRI"],
    ["scaled above 1", "result.score.scaled", 1.5, "result.score.scaled must lie in [-1, 1]; it is 1.5"],
    ["raw above max", "result.score.raw", 80, "result.score.raw (80) is above max (70)"],
    ["raw below min", "result.score.raw", -1, "result.score.raw (-1) is below min (0)"],
    ["max not above min", "result.score.min", 70, ["result.score.max must be greater than min", "result.score.raw (50) is below min (70)"]],
    ["success that is no boolean", "result.success", "yes", "result.success must be true or false"],
    ["an extension key that is no IRI", "result.extensions", { trust: 80 }, 'result.extensions: key "trust" is not an IRI'],
    ["a registration that is no UUID", "context.registration", "ABC123", "context.registration must be a UUID"],
    ["an id that is no UUID", "id", "statement-1", "id must be a UUID"],
    ["a date without time", "timestamp", "14/11/2023", "timestamp must be an ISO 8601 date-time with a time zone"],
    ["a time without zone", "timestamp", "2023-11-14T22:49:20", "timestamp must be an ISO 8601 date-time with a time zone"],
  ])("reports %s", (_, path, value, problem) => {
    expect(validateXapiStatement(spoilt(path, value))).toEqual([problem].flat());
  });

  it("reports a statement that is not an object, and passes a minimal valid one", () => {
    expect(validateXapiStatement("statement")).toEqual(["a statement must be a JSON object"]);
    const minimal = { actor: { mbox: "mailto:a@example.org" }, verb: { id: XAPI_COMPLETED, display: { en: "completed" } }, object: { objectType: "Activity", id: "https://x.org/a" } };
    expect(validateXapiStatement(minimal)).toEqual([]);
  });
});

describe("name-based UUIDs", () => {
  it.each([
    ["python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "886313e1-3b8a-5372-9b90-0c9aee199e5d"], // Python's uuid docs (DNS namespace)
    ["https://example.org", URL_NAMESPACE, "0d092af3-c9f8-531f-9cc3-9db40a0750ef"], // uuid.uuid5(uuid.NAMESPACE_URL, …)
  ])("uuidV5(%j) in %s", (name, namespace, expected) => {
    expect(uuidV5(name, namespace)).toBe(expected);
  });

  it.each(["", "abc", "a".repeat(55), "a".repeat(56), "a".repeat(64), "négociation ".repeat(20)])("sha1 matches node:crypto for %j", (text) => {
    expect(Buffer.from(sha1(new TextEncoder().encode(text))).toString("hex")).toBe(createHash("sha1").update(text).digest("hex"));
  });

  it("refuses a namespace that is not a UUID", () => {
    expect(() => uuidV5("x", "not-a-uuid")).toThrow(/not a UUID/);
  });
});
