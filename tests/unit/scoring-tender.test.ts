import { describe, expect, it } from "vitest";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import type { Component, Score } from "../../shared/scoring/types.js";
import { tenderLog } from "../fixtures/scoring/logs.js";
import { tender } from "../fixtures/scoring/scenarios.js";

/*
 * The fixture tender. Buyer–supplier A has the same tables as the partnership:
 * frontier (70,10) (50,50) (30,70) (10,90), BATNAs 25 / 35, Nash (50,50), best joint surplus 40.
 * Buyer–supplier B (price 10/25/40, term 10/20, review 5/0; BATNA 30), by hand:
 *   low/1y/n (60,25) low/1y/q (70,20) low/3y/n (40,35) low/3y/q (50,30)
 *   mid/1y/n (40,40) mid/1y/q (50,35) mid/3y/n (20,50) mid/3y/q (30,45)
 *   high/1y/n (20,55) high/1y/q (30,50) high/3y/n (0,65) high/3y/q (10,60)
 *   above both BATNAs (25,30): (40,35) 20, (40,40) 25, (50,35) 30, (30,45) 20, (30,50) 25 → best joint surplus 30.
 * Bids: A high/3y/q (A 90, buyer 10) then mid/3y/q (A 70, buyer 30);
 *       B high/1y/n (B 55, buyer 20) then mid/1y/n (B 40, buyer 40). The buyer awards A's second bid.
 */

const part = (score: Score, id: string): Component => score.components.find((c) => c.id === id)!;

describe("a tender with an award", () => {
  const debrief = scoreNegotiation(tender, tenderLog());
  const buyer = debrief.seats["buyer"]!;
  const a = debrief.seats["supplier-a"]!;
  const b = debrief.seats["supplier-b"]!;

  it("gives no debrief to a supplier seat nobody claimed", () => {
    expect(Object.keys(debrief.seats)).toEqual(["buyer", "supplier-a", "supplier-b"]);
    expect(debrief.pairs.map((p) => p.salesSeat)).toEqual(["supplier-a", "supplier-b"]);
  });

  it("never credits a several-supplier buyer's answers about \"the other side\" to any one supplier", () => {
    const log = tenderLog().map((e) => (e.type === "reflection.submit" && e.by === "buyer" ? { ...e, payload: { answers: { "process-listened": 7, "process-open": 7, "relationship-trust": 7, "relationship-again": 7 } } } : e));
    const d = scoreNegotiation(tender, log);
    expect(part(d.seats["supplier-a"]!.trust, "rating")).toMatchObject({ weight: 0 });
    expect(part(d.seats["supplier-b"]!.trust, "rating")).toMatchObject({ weight: 0 });
  });

  it("scores the buyer against the awarded supplier", () => {
    expect(buyer.counterparts).toEqual(["supplier-a"]);
    expect(buyer.outcome).toMatchObject({ deal: true, counterpart: "supplier-a" });
    expect(buyer.outcome.ownPoints.value).toBe(30); // 20 + 0 + 10
    expect(buyer.outcome.counterpartPoints?.value).toBe(70);
    expect(buyer.outcome.shareOfSurplus?.value).toBe(12.5); // 5 of 40
    expect(buyer.outcome.distanceToNash?.value).toBe(28.28); // √(20² + 20²)
    expect(buyer.outcome.ownPoints.events).toEqual([24, 31]);
  });

  it("scores each supplier against the buyer; the loser falls back on its BATNA", () => {
    expect(a.outcome.surplus.value).toBe(35);
    expect(b.outcome).toMatchObject({ deal: false, counterpart: "buyer" });
    expect(b.outcome.ownPoints.value).toBe(30);
    expect(b.outcome.ownPoints.explanation).toContain("another supplier won the award");
    expect(b.outcome.leftOnTable?.value).toBe(30);
    expect(b.coaching.tips.map((t) => t.id)).not.toContain("missed-deal-zone");
  });

  it("draws each supplier's bid curve", () => {
    expect(a.offers.curve.map((p) => [p.kind, p.ownPoints, p.counterpartPoints])).toEqual([
      ["bid", 90, 10],
      ["bid", 70, 30],
    ]);
    expect(b.offers.biggestConcession).toMatchObject({ value: 15, events: [19, 25] });
    expect(buyer.offers.firstOffer).toBeNull();
  });

  it("does not score reciprocity for a buyer who makes no offers in a tender", () => {
    // buyer: transparency — no phase of this tender lets the buyer disclose a fact, so only its answers count: it
    // answered the one topical question (12, about the contract length) with substance → 100; consistency 100,
    // process 100, rating by supplier A (5,5,5,5) = 67 → (0.25×100 + 0.25×100 + 0.15×100 + 0.15×67) / 0.8 = 93.8 → 94
    expect(part(buyer.trust, "reciprocity")).toMatchObject({ weight: 0 });
    expect(part(buyer.trust, "reciprocity").explanation).toContain("makes no offers");
    expect(part(buyer.trust, "transparency")).toMatchObject({ value: 100, events: [12, 13] });
    expect(buyer.trust.value).toBe(94);
  });

  it("rates each supplier with the buyer's rating of that supplier", () => {
    // the buyer rated A 6 → (6 − 1) / 6 × 100 = 83 and B 4 → 50; A: transparency 0, consistency 100, process 100 →
    // (0 + 25 + 15 + 0.15×83) / 0.8 = 65.6 → 66
    expect(part(a.trust, "rating").value).toBe(83);
    expect(part(b.trust, "rating").value).toBe(50);
    expect(a.trust.value).toBe(66);
    expect(a.trust.components.some((c) => c.id === "bypass")).toBe(false); // no stakeholder in this scenario
  });

  it("credits the supplier that argued value and the buyer who carried it into the contract", () => {
    expect(a.valueFraming.value).toBe(100);
    expect(b.valueFraming.value).toBe(0);
    // buyer: its role asks no questions in this tender → weight 0; one risk raised (15) of the 2 that earn full
    // marks → 50 (it cannot follow up a value argument with a question either); right-sizing realised by
    // three-year → 100. (0.3×50 + 0.35×100) / 0.65 = 76.9 → 77
    expect(part(buyer.valueFraming, "questions")).toMatchObject({ weight: 0 });
    expect(part(buyer.valueFraming, "topics")).toMatchObject({ value: 50, events: [15] });
    expect(part(buyer.valueFraming, "non-price-deal")).toMatchObject({ value: 100, events: [24] });
    expect(buyer.valueFraming.value).toBe(77);
  });

  it("shows the supplier who ignored a raised risk that it went unanswered", () => {
    expect(a.risk?.unanswered).toEqual([]);
    expect(b.risk?.unanswered).toEqual(["supply-continuity"]);
    expect(b.risk?.coverage.value).toBe(0);
    expect(b.coaching.tips.map((t) => t.id)).toContain("risk");
  });

  it("judges hardball as legitimate in a commodity bid", () => {
    expect(a.style.hardball.value).toBe(1); // first bid left the buyer 10 of 0–70
    expect(a.style.fit.value).toBe(100);
    expect(a.coaching.tips.map((t) => t.id)).not.toContain("hardball-partnership");
  });

  it("marks the award as the closing moment", () => {
    expect(debrief.outcome).toMatchObject({ deal: true, reason: "awarded" });
    const last = debrief.keyMoments.at(-1);
    expect(last).toMatchObject({ seq: 30, kind: "agreement", caption: "Buyer Co awarded the contract to Boxes A." });
  });
});

describe("a tender that ends without an award", () => {
  const debrief = scoreNegotiation(tender, tenderLog({ award: false }));
  const buyer = debrief.seats["buyer"]!;

  it("measures the buyer against every supplier and names the best missed deal", () => {
    expect(buyer.counterparts).toEqual(["supplier-a", "supplier-b"]);
    expect(buyer.outcome.counterpart).toBeNull();
    // best joint surplus: 40 with A, 30 with B
    expect(buyer.outcome.leftOnTable?.value).toBe(40);
    expect(buyer.outcome.leftOnTable?.explanation).toContain("Boxes A");
    expect(buyer.outcome.leftOnTable?.explanation).not.toContain("supplier-a");
  });

  it("counts a risk answered by any supplier towards the buyer's coverage", () => {
    // supply-continuity raised by the buyer (15), answered by supplier A (16); supplier-solvency never came up
    expect(buyer.risk?.categories.map((c) => c.risks.map((r) => [r.risk, r.addressed]))).toEqual([[["supply-continuity", "move"]], [["supplier-solvency", null]]]);
    expect(buyer.risk?.coverage).toMatchObject({ value: 50, events: [15, 16] });
  });

  it("marks the impasse for every seat at the table", () => {
    expect(debrief.keyMoments.at(-1)).toMatchObject({ kind: "impasse", seq: 30, seats: ["buyer", "supplier-a", "supplier-b"] });
  });
});
