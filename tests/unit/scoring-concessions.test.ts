import { describe, expect, it } from "vitest";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { entry, timeoutLog } from "../fixtures/scoring/logs.js";
import { strategic } from "../fixtures/scoring/scenarios.js";

const both = ["procurement", "sales"];
const offer = (seq: number, minute: number, by: string, to: string, price: string, term: string): LogEntry =>
  entry(seq, minute, by, "offer.propose", "proposals", { to, package: { price, term, review: "quarterly" } }, both);

/** Opening (seqs 1–10) of the timeout log, then the given offers, then time runs out. */
function withOffers(offers: LogEntry[]): LogEntry[] {
  const opening = timeoutLog().filter((e) => e.seq <= 10);
  const next = offers.length + 11;
  return [...opening, ...offers, entry(next, 46, "system", "negotiation.ended", "proposals", { outcome: "no-deal", reason: "timeout", agreement: null })];
}

describe("reciprocity and retraction", () => {
  it("shows a seat that held firm after the other side conceded", () => {
    // procurement 70 (11) → sales 90 (12) → procurement concedes to 50 (13) → sales repeats 90 (14): not reciprocated
    const log = withOffers([
      offer(11, 27, "procurement", "sales", "low", "one-year"),
      offer(12, 28, "sales", "procurement", "high", "three-year"),
      offer(13, 30, "procurement", "sales", "low", "three-year"),
      offer(14, 32, "sales", "procurement", "high", "three-year"),
    ]);
    const seller = scoreNegotiation(strategic, log).seats["sales"]!;
    expect(seller.offers.reciprocity).toMatchObject({ value: 0, weight: 0.2, events: [13] });
    expect(seller.coaching.tips.map((t) => t.id)).toContain("reciprocate");
    // the seller opened at 90, 40 above its Nash point (50, of a 0–90 range), and gave back nothing while the buyer moved:
    // a hardball signal ("few concessions")
    expect(seller.style.hardball.explanation).toContain("you opened 40 points above the fair (Nash) point for you, the other side conceded, and you gave back only 0 of them");
  });

  it("counts an answering concession as reciprocity", () => {
    const log = withOffers([
      offer(11, 27, "procurement", "sales", "low", "one-year"),
      offer(12, 28, "sales", "procurement", "high", "three-year"),
      offer(13, 30, "procurement", "sales", "low", "three-year"),
      offer(14, 32, "sales", "procurement", "mid", "three-year"),
    ]);
    expect(scoreNegotiation(strategic, log).seats["sales"]!.offers.reciprocity).toMatchObject({ value: 100, events: [13, 14] });
  });

  it("flags a repackaged offer that gives the other side less than the previous one", () => {
    // procurement: low/3y/q (sales gets 0+40+10 = 50) then mid/1y/q (sales gets 20+0+10 = 30): the package as a
    // whole takes 20 points back from sales → one retraction, 100 − 15 = 85
    const log = withOffers([
      offer(11, 27, "procurement", "sales", "low", "three-year"),
      offer(12, 28, "sales", "procurement", "high", "three-year"),
      offer(13, 30, "procurement", "sales", "mid", "one-year"),
    ]);
    const consistency = scoreNegotiation(strategic, log).seats["procurement"]!.trust.components.find((c) => c.id === "consistency")!;
    expect(consistency).toMatchObject({ value: 85, events: [11, 13] });
    expect(consistency.explanation).toContain("(50 → 30; −15 each)");
  });

  it("does not call a logroll a retraction when the other side gets at least as much", () => {
    // procurement: low/1y/q (sales gets 0+0+10 = 10) then mid/3y/none (sales gets 20+40+0 = 60): the quarterly
    // review it had offered is taken back, but the package gives sales 50 points more → no retraction
    const log = withOffers([
      offer(11, 27, "procurement", "sales", "low", "one-year"),
      offer(12, 28, "sales", "procurement", "high", "three-year"),
      entry(13, 30, "procurement", "offer.propose", "proposals", { to: "sales", package: { price: "mid", term: "three-year", review: "none" } }, both),
    ]);
    const consistency = scoreNegotiation(strategic, log).seats["procurement"]!.trust.components.find((c) => c.id === "consistency")!;
    expect(consistency).toMatchObject({ value: 100, events: [] });
  });
});
