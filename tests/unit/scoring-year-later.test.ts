import { describe, expect, it } from "vitest";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import { dealLog, entry, hardballLog } from "../fixtures/scoring/logs.js";
import { strategic, strategicWithMoney } from "../fixtures/scoring/scenarios.js";

/*
 * The year-later model on the fixture partnership with money (figures in tests/fixtures/scoring/scenarios.ts).
 * Every expected figure is worked out by hand from those tables and the log.
 */

describe("a year after the collaborative deal", () => {
  const d = scoreNegotiation(strategicWithMoney, dealLog());
  const later = d.seats["procurement"]!.yearLater!;
  const buyer = later.sides.find((s) => s.seat === "procurement")!;
  const seller = later.sides.find((s) => s.seat === "sales")!;

  it("is shown to both parties, the same for both", () => {
    expect(d.seats["sales"]!.yearLater).toEqual(later);
  });

  it("starts from what the package is worth a year to each side at signing", () => {
    // low / three years / quarterly: buyer 300 k + 100 k + 40 k; supplier 0 + 300 k − 20 k
    expect(buyer.atSigning).toEqual({ points: 50, money: 440_000 });
    expect(seller.atSigning).toEqual({ points: 50, money: 280_000 });
  });

  it("ramps the carried lever up and lets no answered or mitigated risk bite", () => {
    // lane consolidation (three years carries it): mid 150 k, half in year one → −75 k; the data leak was raised and
    // answered with a listed mitigation, service failure is mitigated by the quarterly reviews in the deal
    expect(buyer.lines.map((l) => [l.label, l.amount])).toEqual([
      ["Lane consolidation: ramp-up", -75_000],
      ["Renewal: extended and expanded", 100_000],
    ]);
  });

  it("expands the contract: the buyer rated the supplier highly and the supplier's trust is high", () => {
    // procurement's reflection of sales 7,6,6,7 → 92; sales' trust 95 → mean 93.5 ≥ 70
    expect(later.renewal).toBe("expanded");
    expect(later.renewalWhy[0]).toContain("rated Carrier Co 92/100");
    expect(buyer.yearLater.money).toBe(465_000); // 440 k − 75 k + 100 k
    expect(seller.yearLater.money).toBe(880_000); // 280 k + 600 k
  });
});

describe("a year after the hardball deal", () => {
  const d = scoreNegotiation(strategicWithMoney, hardballLog());
  const later = d.seats["sales"]!.yearLater!;
  const buyer = later.sides.find((s) => s.seat === "procurement")!;
  const seller = later.sides.find((s) => s.seat === "sales")!;
  const collaborative = scoreNegotiation(strategicWithMoney, dealLog()).seats["sales"]!.yearLater!.sides.find((s) => s.seat === "sales")!;

  it("wins the hardball seller more at signing and loses it the renewal", () => {
    // high / three years / quarterly: supplier 400 k + 300 k − 20 k = 680 k at signing, against 280 k collaboratively
    expect(seller.atSigning.money).toBe(680_000);
    expect(seller.atSigning.money).toBeGreaterThan(collaborative.atSigning.money);
    // procurement rated it 2,1,1,2 → 8; its trust is low → re-tendered: 680 k − 300 k = 380 k, below the collaborator's 880 k
    expect(later.renewal).toBe("retendered");
    expect(seller.yearLater.money).toBe(380_000);
    expect(seller.yearLater.money).toBeLessThan(collaborative.yearLater.money);
  });

  it("lets the unanswered data-leak risk bite the buyer", () => {
    // nobody raised or answered it, no term mitigates it: 20 % × 500 k
    expect(buyer.lines.find((l) => l.label.startsWith("Shipment data leak"))?.amount).toBe(-100_000);
    // 0 + 100 k + 40 k − 75 k (ramp-up) − 100 k (data leak) − 150 k (re-tender) = −185 k
    expect(buyer.yearLater.money).toBe(-185_000);
  });
});

describe("a collaborative deal with a bypass that procurement hears about", () => {
  const log = [...dealLog(), entry(29, 24, "sales", "stakeholder.contact", "discovery", { text: "Can you push procurement to sign with us?" }, ["sales"])];
  const later = scoreNegotiation(strategicWithMoney, log).seats["sales"]!.yearLater!;

  it("costs the supplier one step of the renewal", () => {
    // sales' trust falls by the bypass penalty (95 → 70); with the buyer's 92 the mean is 81 → expanded, then the
    // stakeholder tells procurement (tells: within-the-year) → one step down: extended, 280 k + 400 k
    expect(later.renewal).toBe("extended");
    expect(later.renewalWhy[1]).toBe("Dana Ortiz told procurement about the call behind its back: one step down, to extended.");
    expect(later.sides.find((s) => s.seat === "sales")?.yearLater.money).toBe(680_000);
  });
});

describe("without money behind the points", () => {
  it("shows no year-later view", () => {
    expect(scoreNegotiation(strategic, dealLog()).seats["sales"]!.yearLater).toBeUndefined();
  });
});
