import { describe, expect, it } from "vitest";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { ScenarioSchema } from "../../shared/scenario/schema.js";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import { dealLog, entry, hardballLog, longLog, tenderLog, timeoutLog, walkawayLog } from "../fixtures/scoring/logs.js";
import { strategic, tender } from "../fixtures/scoring/scenarios.js";

const cases: [string, typeof strategic, () => LogEntry[]][] = [
  ["deal", strategic, () => dealLog()],
  ["timeout", strategic, timeoutLog],
  ["walk-away", strategic, walkawayLog],
  ["hardball", strategic, hardballLog],
  ["tender", tender, () => tenderLog()],
  ["tender without award", tender, () => tenderLog({ award: false })],
];

/** Every `events` list anywhere in the debrief (metrics, scores, components, tips) plus key-moment seqs. */
function referencedSeqs(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) referencedSeqs(v, out);
  else if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (Array.isArray(obj["events"])) out.push(...(obj["events"] as number[]));
    if (typeof obj["seq"] === "number" && typeof obj["caption"] === "string") out.push(obj["seq"]);
    for (const v of Object.values(obj)) referencedSeqs(v, out);
  }
  return out;
}

describe("debrief integrity", () => {
  it.each(cases)("gives deep-equal results for the same input (%s)", (_name, scenario, log) => {
    expect(scoreNegotiation(scenario, log())).toEqual(scoreNegotiation(scenario, log()));
    // a fresh scenario object (no cached analysis) gives the same debrief too
    expect(scoreNegotiation(ScenarioSchema.parse(structuredClone(scenario)), log())).toEqual(scoreNegotiation(scenario, log()));
  });

  it.each(cases)("points every metric at entries that exist in the log (%s)", (_name, scenario, log) => {
    const entries = log();
    const seqs = new Set(entries.map((e) => e.seq));
    const referenced = referencedSeqs(scoreNegotiation(scenario, entries));
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((s) => !seqs.has(s))).toEqual([]);
  });

  it.each(cases)("explains every metric in words and keeps scores within 0–100 (%s)", (_name, scenario, log) => {
    const debrief = scoreNegotiation(scenario, log());
    for (const seat of Object.values(debrief.seats)) {
      for (const score of [seat.trust, seat.valueFraming, seat.style.fit]) {
        expect(score.value).toBeGreaterThanOrEqual(0);
        expect(score.value).toBeLessThanOrEqual(100);
        for (const c of score.components) expect(c.explanation.length).toBeGreaterThan(10);
      }
      expect(JSON.stringify(seat)).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it("does not change the log it reads", () => {
    const log = dealLog();
    const before = structuredClone(log);
    scoreNegotiation(strategic, log);
    expect(log).toEqual(before);
  });

  it("scores talks that have not ended yet without inventing an outcome", () => {
    const open = dealLog().filter((e) => e.seq < 24);
    const debrief = scoreNegotiation(strategic, open);
    expect(debrief.outcome).toMatchObject({ deal: false, reason: "not-ended", endedSeq: null });
    expect(debrief.seats["procurement"]?.outcome.ownPoints.value).toBe(25);
  });

  it("skips malformed entries instead of trusting them", () => {
    const log = [...dealLog().filter((e) => e.seq < 24), entry(24, 36, "sales", "offer.propose", "proposals", { to: "procurement", package: "cheap" })];
    expect(() => scoreNegotiation(strategic, log)).not.toThrow();
    expect(scoreNegotiation(strategic, log).seats["sales"]?.offers.curve).toHaveLength(2);
  });

  // Its speed is measured by `npm run bench:core`, not asserted here.
  it("scores a long negotiation of about 200 entries with every seat present", () => {
    const log = longLog(200);
    expect(log.length).toBeGreaterThanOrEqual(195);
    const debrief = scoreNegotiation(strategic, log);
    expect(Object.keys(debrief.seats).sort()).toEqual(["procurement", "sales"]);
    expect(debrief.seats["sales"]?.offers.curve.length).toBeGreaterThan(1);
  });
});
