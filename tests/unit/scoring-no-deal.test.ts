import { describe, expect, it } from "vitest";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import type { Component, Score } from "../../shared/scoring/types.js";
import { timeoutLog, walkawayLog } from "../fixtures/scoring/logs.js";
import { strategic } from "../fixtures/scoring/scenarios.js";

/*
 * Frontier of the fixture partnership: (70,10) (50,50) (30,70) (10,90); BATNAs 25 / 35.
 * Best joint surplus among packages above both BATNAs:
 *   (50,50) → 25 + 15 = 40, (30,70) → 5 + 35 = 40 → 40 points left on the table.
 */

const part = (score: Score, id: string): Component => score.components.find((c) => c.id === id)!;

describe("no deal: time runs out", () => {
  const debrief = scoreNegotiation(strategic, timeoutLog());
  const buyer = debrief.seats["procurement"]!;
  const seller = debrief.seats["sales"]!;

  it("reports the impasse", () => {
    expect(debrief.outcome).toMatchObject({ deal: false, reason: "timeout", agreement: null, endedSeq: 14 });
  });

  it("gives each side its BATNA and shows what was left on the table", () => {
    expect(buyer.outcome).toMatchObject({ deal: false, counterpart: "sales" });
    expect(buyer.outcome.ownPoints.value).toBe(25);
    expect(seller.outcome.ownPoints.value).toBe(35);
    expect(buyer.outcome.surplus.value).toBe(0);
    expect(buyer.outcome.leftOnTable).toMatchObject({ value: 40, events: [14] });
    expect(buyer.outcome.jointPoints).toBeUndefined();
  });

  it("coaches both sides that a deal zone was missed", () => {
    expect(buyer.coaching.tips.map((t) => t.id)).toContain("missed-deal-zone");
    expect(seller.coaching.tips.map((t) => t.id)).toContain("missed-deal-zone");
  });

  it("leaves reciprocity and the rating out of trust when there was nothing to judge", () => {
    // no concessions were made and no reflections submitted → those parts weigh 0;
    // procurement: transparency 0 (no disclosure), consistency 100, process 100
    // (0.25×0 + 0.25×100 + 0.15×100) / 0.65 = 61.5 → 62
    expect(part(buyer.trust, "reciprocity").weight).toBe(0);
    expect(part(buyer.trust, "rating").weight).toBe(0);
    expect(buyer.trust.value).toBe(62);
  });

  it("marks the end of the talks as a key moment for both seats", () => {
    const impasse = debrief.keyMoments.find((m) => m.kind === "impasse");
    expect(impasse).toMatchObject({ seq: 14, seats: ["procurement", "sales"], caption: "No deal: time ran out without a deal." });
  });
});

describe("no deal: procurement walks away", () => {
  const debrief = scoreNegotiation(strategic, walkawayLog());
  const buyer = debrief.seats["procurement"]!;
  const seller = debrief.seats["sales"]!;

  it("reports the walk-out", () => {
    expect(debrief.outcome).toMatchObject({ deal: false, reason: "walkaway" });
    expect(debrief.keyMoments.map((m) => [m.seq, m.kind])).toEqual([
      [11, "first-offer"],
      [12, "first-offer"],
      [13, "walkaway"],
    ]);
  });

  it("costs the walker respect for the process when the offer on the table beat its BATNA", () => {
    // sales' mid/1y/q (seq 12) was worth 50 to procurement, BATNA 25 → −20 → 80
    expect(part(buyer.trust, "process")).toMatchObject({ value: 80, events: [12, 13] });
    // (0.25×0 + 0.25×100 + 0.15×80) / 0.65 = 56.9 → 57
    expect(buyer.trust.value).toBe(57);
    expect(part(seller.trust, "process").value).toBe(100);
  });

  it("counts the walk-out as hardball in a partnership", () => {
    // walk-out (13) + extreme first offer (11: 10 for sales of 0–90) = 2 signals → 100 − 50 = 50;
    // no collaborative moves → 0; 0.6×50 + 0.4×0 = 30
    expect(buyer.style.hardball).toMatchObject({ value: 2, events: [11, 13] });
    expect(buyer.style.fit.value).toBe(30);
    expect(seller.style.style).toBe("quiet");
  });

  it("tells the walker that walking away cost a deal zone", () => {
    expect(buyer.outcome.leftOnTable?.value).toBe(40);
    expect(buyer.coaching.tips.map((t) => t.id)).toEqual(["missed-deal-zone", "ultimatum-or-walkout", "hardball-partnership", "discover", "disclose"]);
  });
});
