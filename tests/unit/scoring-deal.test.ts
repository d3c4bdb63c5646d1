import { describe, expect, it } from "vitest";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import type { Component, Score } from "../../shared/scoring/types.js";
import { dealLog } from "../fixtures/scoring/logs.js";
import { strategic } from "../fixtures/scoring/scenarios.js";

/*
 * The fixture partnership, worked by hand. Packages (price, term, review) as
 * (procurement points, sales points); "quarterly" adds 10 for both:
 *   low/1y/q (70,10)  low/3y/q (50,50)  mid/1y/q (50,30)  mid/3y/q (30,70)  high/1y/q (30,50)  high/3y/q (10,90)
 *   the same with review "none" are 10 lower for both, so all dominated.
 * Pareto frontier: (70,10) (50,50) (30,70) (10,90); max joint 100.
 * BATNAs 25 / 35 → packages above both: (50,50) product 25×15 = 375, (30,70) 5×35 = 175 → Nash (50,50).
 *
 * The deal log: sales opens high/3y/q (90 for sales), procurement low/1y/q (70),
 * sales concedes to mid/3y/q (70), procurement concedes to low/3y/q (50), sales accepts.
 */

const debrief = scoreNegotiation(strategic, dealLog());
const buyer = debrief.seats["procurement"]!;
const seller = debrief.seats["sales"]!;
const part = (score: Score, id: string): Component => score.components.find((c) => c.id === id)!;

describe("a collaborative deal", () => {
  it("reports the deal, its parties and the accepted package", () => {
    expect(debrief.outcome).toMatchObject({ deal: true, reason: "accepted", endedSeq: 25 });
    expect(debrief.outcome.agreement?.package).toEqual({ price: "low", term: "three-year", review: "quarterly" });
    expect(Object.keys(debrief.seats)).toEqual(["procurement", "sales"]);
  });

  it("scores each side's points, surplus and share of the joint surplus", () => {
    // procurement 40+0+10 = 50, BATNA 25 → surplus 25; sales 0+40+10 = 50, BATNA 35 → 15; joint surplus 40
    expect(buyer.outcome.ownPoints.value).toBe(50);
    expect(buyer.outcome.surplus.value).toBe(25);
    expect(seller.outcome.surplus.value).toBe(15);
    expect(buyer.outcome.jointPoints?.value).toBe(100);
    expect(buyer.outcome.shareOfSurplus?.value).toBe(62.5); // 25 / 40
    expect(seller.outcome.shareOfSurplus?.value).toBe(37.5); // 15 / 40
    expect(buyer.outcome.shareOfSurplus?.explanation).toContain("40 points over both BATNAs");
  });

  it("measures efficiency against the Pareto frontier and the Nash point", () => {
    expect(buyer.outcome.distanceToFrontier?.value).toBe(0);
    expect(buyer.outcome.jointOfMax?.value).toBe(100);
    expect(buyer.outcome.distanceToNash?.value).toBe(0);
    expect(buyer.outcome.ownPoints.events).toEqual([23, 25]);
  });

  it("summarises what the scenario made possible for the pair", () => {
    expect(debrief.pairs).toHaveLength(1);
    const pair = debrief.pairs[0]!;
    expect(pair.frontier).toEqual([
      { procurement: 10, sales: 90 },
      { procurement: 30, sales: 70 },
      { procurement: 50, sales: 50 },
      { procurement: 70, sales: 10 },
    ]);
    expect(pair.maxJoint.joint).toBe(100);
    expect(pair.nash).toMatchObject({ procurement: 50, sales: 50, product: 375 });
    expect(pair.dealZone).toBe(true);
  });

  it("builds procurement's trust from its parts with the documented weights", () => {
    // transparency: disclosed plant-move (low = 1) of a target 3 → 33.3; no questions were put to procurement
    // consistency 100; reciprocity: sales conceded at 22, procurement answered with a concession at 23 → 100
    // process 100; rating by sales 6,6,5,7 → 83
    // 0.25×33.3 + 0.25×100 + 0.2×100 + 0.15×100 + 0.15×83 = 80.775 → 81
    expect(part(buyer.trust, "transparency").value).toBe(33.3);
    expect(part(buyer.trust, "reciprocity")).toMatchObject({ value: 100, weight: 0.2, events: [22, 23] });
    expect(part(buyer.trust, "rating")).toMatchObject({ value: 83, events: [28] });
    expect(buyer.trust.value).toBe(81);
    expect(buyer.trust.components.map((c) => c.id)).toEqual(["transparency", "consistency", "reciprocity", "process", "rating"]);
  });

  it("credits sales for disclosure, straight answers and an accepted concession", () => {
    // transparency: spare-capacity (medium = 2) of 3 → 66.7; answered both questions (10, 14) → 100; mean 83.35
    // reciprocity: procurement conceded at 23, sales accepted at 24 → 100; rating by procurement 7,6,6,7 → 92
    // 0.25×83.35 + 0.25×100 + 0.2×100 + 0.15×100 + 0.15×92 = 94.64 → 95; no bypass
    expect(part(seller.trust, "transparency")).toMatchObject({ value: 83.35, events: [10, 11, 12, 14, 15] });
    expect(part(seller.trust, "bypass").value).toBe(0);
    expect(seller.trust.value).toBe(95);
  });

  it("scores sales' value framing: TCO, quantified within range, serving the buyer's objectives", () => {
    // one value argument (lane consolidation, 6 % within 4–7 %), serving cut-cost which procurement chose
    expect(seller.valueFraming.value).toBe(100);
    expect(part(seller.valueFraming, "quantified").events).toEqual([13]);
  });

  it("scores procurement's exploration of value and the non-price value the deal carries", () => {
    // questions: 2 distinct topics (price, term) of 3 → 66.7; topics: data-leak raised (16) and the lane-consolidation
    // argument (13) followed up by a question (14) on the term that carries it into a contract → 2 → 100;
    // both levers with contract terms are in the deal (three-year, quarterly) → 100
    // 0.35×66.7 + 0.3×100 + 0.35×100 = 88.3 → 88
    expect(part(buyer.valueFraming, "questions").value).toBe(66.7);
    expect(part(buyer.valueFraming, "topics").events).toEqual([13, 14, 16]);
    expect(part(buyer.valueFraming, "non-price-deal").value).toBe(100);
    expect(buyer.valueFraming.value).toBe(88);
  });

  it("runs the three-objectives test and shows which objectives the deal served", () => {
    // procurement: cut-cost ✗ margin (conflict), visibility ↔ partnership, supply-security ↔ long-contract
    expect(buyer.alignment.aligned.value).toBe(2);
    expect(buyer.alignment.misaligned.value).toBe(1);
    expect(buyer.alignment.slimChance).toBe(false);
    expect(buyer.alignment.servedOwn?.value).toBe(2); // cut-cost (low), visibility (quarterly); supply-security has no terms
    expect(buyer.alignment.servedCounterpart?.value).toBe(2); // long-contract, partnership; not margin
    // sales guessed cut-cost, visibility, flexibility: two right
    expect(seller.alignment.guessAccuracy).toMatchObject({ value: 2, events: [8] });
  });

  it("checks risk coverage by category", () => {
    // service-failure: the quarterly review in the deal covers it, but nobody raised it → not earned;
    // price-volatility: never came up; data-leak: raised by procurement (16), answered by sales with the listed
    // mitigation "eu-hosting" (17) → earned by both. 1 of 3 → 33.3
    expect(buyer.risk?.coverage).toMatchObject({ value: 33.3, events: [16, 17] });
    expect(seller.risk?.coverage).toMatchObject({ value: 33.3, events: [16, 17] });
    const statuses = buyer.risk!.categories.flatMap((c) => c.risks.map((r) => [c.category, r.risk, r.raised, r.addressed, r.credited, r.inDeal]));
    expect(statuses).toEqual([
      ["operational", "service-failure", false, null, false, true],
      ["financial", "price-volatility", false, null, false, false],
      ["information-security", "data-leak", true, "move", true, false],
    ]);
    expect(buyer.risk?.coverage.explanation).toContain("covered by the deal but never discussed (not counted): Service failure");
    expect(buyer.risk?.unanswered).toEqual([]);
  });

  it("draws each side's concession curve with first offer and biggest step", () => {
    expect(seller.offers.curve.map((p) => [p.seq, p.ownPoints, p.counterpartPoints, p.minutesIn])).toEqual([
      [20, 90, 10, 26],
      [22, 70, 30, 31],
    ]);
    expect(buyer.offers.firstOffer?.value).toBe(70);
    expect(buyer.offers.totalConcession?.value).toBe(20);
    expect(buyer.offers.biggestConcession).toMatchObject({ value: 20, events: [21, 23] });
  });

  it("flags an extreme opening anchor as hardball in a partnership, softened by collaboration", () => {
    // procurement's first offer left sales 10 of 0–90 (bottom quarter ≤ 22.5): 1 hardball signal → 75;
    // 3 collaborative moves (questions on 2 distinct topics, 1 disclosure) of 4 → 75; fit 0.6×75 + 0.4×75 = 75;
    // it conceded 20 of the 20 points it opened above its Nash point (50), so no "few concessions" signal
    expect(buyer.style).toMatchObject({ style: "mixed" });
    expect(buyer.style.hardball.value).toBe(1);
    expect(buyer.style.fit.value).toBe(75);
    expect(buyer.coaching.tips.map((t) => t.id)).toEqual(["hardball-partnership"]);
  });

  it("lists the key moments in log order", () => {
    expect(debrief.keyMoments.map((m) => [m.seq, m.kind])).toEqual([
      [20, "first-offer"],
      [21, "first-offer"],
      [22, "biggest-concession"],
      [23, "biggest-concession"],
      [24, "agreement"],
    ]);
    expect(debrief.keyMoments[0]!.caption).toBe("Carrier Co opened with an offer worth 90 points to them and 10 to Buyer Co.");
  });

  it("hands each side its own scenario coaching lines", () => {
    expect(buyer.coaching.lines).toEqual(strategic.coaching.procurement);
    expect(seller.coaching.lines).toEqual(strategic.coaching.sales);
  });
});
