import { describe, expect, it } from "vitest";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import { answers, dealLog } from "../fixtures/scoring/logs.js";
import { strategic } from "../fixtures/scoring/scenarios.js";

/*
 * The collaborative deal again; only sales' reflection about procurement changes.
 * Procurement's other trust parts: transparency 33.3 (0.25), consistency 100 (0.25),
 * reciprocity 100 (0.2), process 100 (0.15) → 68.325 weighted points before the rating.
 */

const trustOfBuyer = (log: ReturnType<typeof dealLog>) => scoreNegotiation(strategic, log).seats["procurement"]!.trust;
const rating = (log: ReturnType<typeof dealLog>) => trustOfBuyer(log).components.find((c) => c.id === "rating")!;

describe("trust driven by the counterpart's reflection", () => {
  it("rises with a warm rating", () => {
    // all sevens → 100: 68.325 + 0.15×100 = 83.3 → 83
    expect(trustOfBuyer(dealLog(answers(7, 7, 7, 7))).value).toBe(83);
  });

  it("falls with a cold rating", () => {
    // all ones → 0: 68.325 + 0 = 68.3 → 68
    expect(trustOfBuyer(dealLog(answers(1, 1, 1, 1))).value).toBe(68);
    expect(rating(dealLog(answers(1, 1, 1, 1)))).toMatchObject({ value: 0, weight: 0.15, events: [28] });
  });

  it("leaves the rating out, rescaling the other weights, when the counterpart did not answer", () => {
    // 68.325 / 0.85 = 80.4 → 80
    const trust = trustOfBuyer(dealLog(null));
    expect(trust.value).toBe(80);
    expect(trust.components.find((c) => c.id === "rating")?.weight).toBe(0);
    expect(trust.components.find((c) => c.id === "transparency")?.weight).toBe(0.294); // 0.25 / 0.85
  });

  it("ignores answers that fail the survey's validation", () => {
    const invalid = { ...answers(7, 7, 7, 7), "process-open": 9 };
    expect(trustOfBuyer(dealLog(invalid)).value).toBe(80);
    expect(rating(dealLog(invalid)).explanation).toContain("gave no (valid) rating of you");
  });

  it("does not let a seat's own reflection rate itself", () => {
    // procurement's own survey (seq 27) rates sales, never procurement
    expect(rating(dealLog()).events).toEqual([28]);
  });
});
