import { describe, expect, it } from "vitest";
import { Transcript } from "../../shared/negotiation/transcript.js";
import { seatDebrief, seatViewer } from "../../shared/negotiation/visibility.js";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import type { Component, Score } from "../../shared/scoring/types.js";
import { collaborativeSeller, fairTender } from "../support/personas.js";

/*
 * Hand-worked values for logs the real machine produced (tests/support/personas.ts plays every move through
 * createNegotiationRunner), so a change in what the machine writes into a payload shows up here.
 */

const part = (score: Score, id: string): Component | undefined => score.components.find((c) => c.id === id);

describe("the collaborative value seller's partnership, worked by hand", () => {
  const play = collaborativeSeller();
  const d = scoreNegotiation(play.scenario, play.log);
  const buyer = d.seats["procurement"]!;
  const seller = d.seats["sales"]!;

  it("prices the deal on both tables", () => {
    // cut-6 20/8, net-45 3/7, five-years 0/20, otif-98-5 20/0, all-lanes 0/20, all-to-halstead 15/0, joint-governance 10/5, cap-2m 7/3
    expect(buyer.outcome.ownPoints.value).toBe(75);
    expect(seller.outcome.ownPoints.value).toBe(63);
    expect(buyer.outcome.headline).toBe("Deal: you and Corvanta Logistics agreed on a package worth 75 points to you (your BATNA: 48).");
  });

  it("credits each value lever once, quantified, when the claim states a figure inside the brief's range", () => {
    // lane-consolidation 6 (5–7 %), carrier-cover 40 (30–50 %), dock-scheduling 35 (30–45 %): each claim says its figure;
    // no price pitch; each serves an objective the buyer chose (meet-cfo-target, lift-service) → 100 / 100 / 100
    expect(part(seller.valueFraming, "tco-share")?.value).toBe(100);
    expect(part(seller.valueFraming, "quantified")?.value).toBe(100);
    expect(part(seller.valueFraming, "quantified")?.events).toHaveLength(3);
    expect(part(seller.valueFraming, "objective-fit")?.value).toBe(100);
    expect(seller.valueFraming.value).toBe(100);
  });

  it("scores the buyer's discovery by distinct topics and the levers the deal carries", () => {
    // questions: rate-level and shipment-data → 2 of 3 → 66.7; risks raised: transition-failure, unpaid-carriers → 2 of 2 → 100;
    // all 7 levers have contract terms and the deal carries every one → 100. 0.35×66.7 + 0.3×100 + 0.35×100 = 88.3 → 88
    expect(part(buyer.valueFraming, "questions")?.value).toBe(66.7);
    expect(part(buyer.valueFraming, "topics")?.value).toBe(100);
    expect(part(buyer.valueFraming, "non-price-deal")?.value).toBe(100);
    expect(buyer.valueFraming.value).toBe(88);
  });

  it("builds trust from disclosures, answers with substance and an answered concession", () => {
    // seller: disclosed spare-capacity (high 3) and new-tms (low 1) → 4, capped at the target 3 → 100; answered both topics
    // the buyer asked about → 100; consistency 100 (63 → 75 for the buyer: never less); the buyer conceded 93 → 78 and the
    // seller's next package went 74 → 63 for itself → reciprocity 100; process 100; no reflection → rating weight 0 → 100
    expect(part(seller.trust, "transparency")?.value).toBe(100);
    expect(part(seller.trust, "consistency")?.value).toBe(100);
    expect(part(seller.trust, "reciprocity")?.value).toBe(100);
    expect(part(seller.trust, "rating")?.weight).toBe(0);
    expect(seller.trust.value).toBe(100);
  });

  it("earns the seller the two raised risks it answered with a concrete mitigation, of the scenario's five", () => {
    expect(seller.risk?.coverage.value).toBe(40);
    expect(seller.risk?.categories.flatMap((c) => c.risks.filter((r) => r.credited).map((r) => r.risk))).toEqual(["transition-failure", "unpaid-carriers"]);
  });

  it("finds no hardball in a moderate opener who conceded towards the Nash point", () => {
    // first package 74 for the seller, its Nash point 67: 7 above, under a tenth of its 10–100 range → no "few concessions"
    expect(seller.style.hardball.value).toBe(0);
    // 3 topical questions + 2 facts + 3 levers + 2 answered risks = 10 ≥ 4 → 100; fit 0.6×100 + 0.4×100
    expect(seller.style.collaborative.value).toBe(10);
    expect(seller.style.fit.value).toBe(100);
  });
});

describe("the tender debrief tells winner, second source and loser the truth", () => {
  const play = fairTender();
  const d = scoreNegotiation(play.scenario, play.log);
  const stage = { scenario: play.scenario, revealed: true };
  /** A seat's debrief as the room sends it: in the numbering of its revealed transcript. */
  const viewOf = (seat: string) => {
    const transcript = new Transcript(stage, seatViewer(seat));
    transcript.add(play.log);
    return seatDebrief(stage, d, seat, transcript.relabel);
  };

  it("tells the buyer whom it awarded and who is second source", () => {
    // Foldwise's final bid: €435 24 + 60 days 8 + 5 days 6 + 60 % share 10 + right-sizing 18 = 66
    expect(d.seats["buyer"]!.outcome.headline).toBe(
      "You awarded the contract to Foldwise Packaging (60 % of the volume), with Nordcarton Group (incumbent) as second source (40 %): worth 66 points to you (your BATNA: 35).",
    );
    expect(d.outcome.explanation).toBe("Deal: the buyer awarded the contract to Foldwise Packaging, with Nordcarton Group (incumbent) as second source.");
  });

  it("tells the winner it won, with its share", () => {
    // €435 26 + 60 days 7 + 5 days 5 + 60 % 12 + right-sizing 16 = 66
    expect(d.seats["supplier-b"]!.outcome).toMatchObject({ result: "deal", headline: "You won the contract: 60 % of the volume on your final bid, worth 66 points to you (your BATNA: 44)." });
  });

  it("gives the runner-up the 40 % the rules promise, scored on both tables", () => {
    // last round for the buyer: Foldwise 66, Nordcarton 62, Limburg 53 → Nordcarton is runner-up. Its final bid with the
    // share set to the remainder of a 60 % award (40 %): for Nordcarton €435 31 + 60 days 4 + consignment 5 + 40 % 0 +
    // design review 6 = 46; for the buyer 24 + 8 + 12 + 4 + 8 = 56
    const a = d.seats["supplier-a"]!;
    expect(a.outcome).toMatchObject({ result: "second-source", deal: false, counterpart: "buyer" });
    expect(a.outcome.headline).toBe("Second source: another supplier won the main contract; you supply 40 % of the volume on the other terms of your last bid, worth 46 points to you (your BATNA: 46).");
    expect(a.outcome.secondSource).toMatchObject({ share: "share-40", supplierPoints: 46, buyerPoints: 56 });
    expect(a.outcome.counterpartPoints?.value).toBe(56);
    expect(a.coaching.tips.map((t) => t.id)).not.toContain("missed-deal-zone");
    const view = viewOf("supplier-a");
    expect(view.outcome.explanation).toBe("The buyer split the award: another supplier won the main contract, and you are the second source. The winner's terms stay between them.");
    expect(JSON.stringify(view)).not.toContain("Foldwise");
  });

  it("tells the bidder not awarded that it falls back on its BATNA, without naming the winner", () => {
    const c = d.seats["supplier-c"]!;
    expect(c.outcome).toMatchObject({ result: "not-awarded", headline: "Not awarded: the buyer chose another supplier, and another bidder ranked above you became second source, so you fall back on your BATNA (42 points)." });
    const view = viewOf("supplier-c");
    expect(view.outcome.explanation).toBe("The buyer awarded the contract to another supplier; its terms stay between them.");
    expect(JSON.stringify(view)).not.toMatch(/Foldwise|Nordcarton/);
  });

  it("shows the buyer every bid it received, by supplier", () => {
    const received = d.seats["buyer"]!.offers.received ?? [];
    expect(received.map((r) => [r.name, r.points.map((p) => p.ownPoints)])).toEqual([
      ["Nordcarton Group (incumbent)", expect.any(Array)],
      ["Foldwise Packaging", expect.any(Array)],
      ["Limburg Corrugated", expect.any(Array)],
    ]);
    // Foldwise: €450/30 days/5 days/60 %/right-sizing = 12 + 0 + 6 + 10 + 18 = 46, then 24 + 4 + 6 + 10 + 18 = 62, then 66
    expect(received[1]?.points.map((p) => p.ownPoints)).toEqual([46, 62, 66]);
    expect(received[1]?.gained.value).toBe(20);
  });
});
