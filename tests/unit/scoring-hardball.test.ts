import { describe, expect, it } from "vitest";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import type { Component, Score } from "../../shared/scoring/types.js";
import { hardballLog } from "../fixtures/scoring/logs.js";
import { strategic } from "../fixtures/scoring/scenarios.js";

/*
 * Sales goes around procurement (10), claims 15 % freight savings where the
 * brief supports 4–7 % (11), opens with a final offer mid/3y/q (13), and after
 * procurement's low/3y/q (14) sends another final offer high/3y/q (15), taking
 * the price back from mid (20 points) to high (40). Procurement accepts it
 * (16) at 10 points, below its BATNA of 25, and rates sales 2,1,1,2 (19).
 */

const debrief = scoreNegotiation(strategic, hardballLog());
const buyer = debrief.seats["procurement"]!;
const seller = debrief.seats["sales"]!;
const part = (score: Score, id: string): Component => score.components.find((c) => c.id === id)!;

describe("bypass, ultimatums and an overclaim", () => {
  it("charges consistency for the retracted price and the overclaimed figure", () => {
    // offer 13 (mid/3y/q) gave procurement 20+0+10 = 30, offer 15 (high/3y/q) only 0+0+10 = 10: value taken back (−15);
    // 15 % claimed against the brief's 4–7 % (−20) → 100 − 15 − 20 = 65
    expect(part(seller.trust, "consistency")).toMatchObject({ value: 65, events: [11, 13, 15] });
    expect(part(seller.trust, "consistency").explanation).toContain("(30 → 10; −15 each)");
  });

  it("charges respect for the process for an early and a repeated ultimatum", () => {
    // first final offer before any exchange −20, one more final offer −15 → 65
    expect(part(seller.trust, "process")).toMatchObject({ value: 65, events: [13, 15] });
  });

  it("deducts the scenario's trust penalty for the bypass on top of the weighted parts", () => {
    // transparency 0, consistency 65, process 65, rating (2,1,1,2 → mean 1.5 → 8); reciprocity not judged
    // (0.25×0 + 0.25×65 + 0.15×65 + 0.15×8) / 0.8 = 34, minus 25 for the bypass = 9
    expect(part(seller.trust, "bypass")).toMatchObject({ value: -25, events: [10] });
    expect(part(seller.trust, "rating").value).toBe(8);
    expect(seller.trust.value).toBe(9);
    expect(seller.trust.explanation).toContain("The bypass cost 25 points");
  });

  it("does not count an overclaimed figure as a quantified claim", () => {
    // TCO share 100 (one value argument, no price talk), quantified 0, objective fit 100 → 0.4×100 + 0.3×0 + 0.3×100 = 70
    expect(part(seller.valueFraming, "quantified").value).toBe(0);
    expect(seller.valueFraming.value).toBe(70);
  });

  it("shows procurement it accepted less than its BATNA, with no share of a surplus", () => {
    // high/3y/q: procurement 0+0+10 = 10 (BATNA 25 → −15), sales 40+40+10 = 90
    expect(buyer.outcome.surplus.value).toBe(-15);
    expect(buyer.outcome.shareOfSurplus).toBeUndefined();
    expect(buyer.outcome.distanceToFrontier?.value).toBe(0); // (10,90) is on the frontier…
    expect(buyer.outcome.distanceToNash?.value).toBe(56.57); // …but far from Nash (50,50): √(40² + 40²)
    expect(buyer.coaching.tips[0]?.id).toBe("below-batna");
  });

  it("scores two ultimatums as hardball that a partnership pays for", () => {
    // 2 signals → 100 − 50 = 50; 1 collaborative move (the value argument) of 4 → 25; 0.6×50 + 0.4×25 = 40
    expect(seller.style.hardball).toMatchObject({ value: 2, events: [13, 15] });
    expect(seller.style.fit.value).toBe(40);
  });

  it("coaches sales on the bypass, the broken word, the ultimatums and the overclaim", () => {
    const ids = seller.coaching.tips.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(["bypass", "overclaim-or-retraction", "ultimatum-or-walkout", "hardball-partnership", "quantify"]));
    expect(seller.coaching.tips.find((t) => t.id === "bypass")?.events).toEqual([10]);
  });

  it("marks the bypass, the overclaim and the ultimatums as key moments", () => {
    expect(debrief.keyMoments.map((m) => [m.seq, m.kind])).toEqual([
      [10, "bypass"],
      [11, "overclaim"],
      [13, "first-offer"],
      [13, "ultimatum"],
      [14, "first-offer"],
      [15, "ultimatum"],
      [16, "agreement"],
    ]);
    expect(debrief.keyMoments[1]?.caption).toBe('Carrier Co claimed 15 % for "Lane consolidation" where the brief supports at most 7 %.');
  });
});
