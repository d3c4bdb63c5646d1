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
    // and the seller conceded nothing while the buyer moved: a hardball signal ("few concessions")
    expect(seller.style.hardball.explanation).toContain("moved only 0 points");
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

  it("flags a term taken back inside a repackaged offer", () => {
    // procurement: low/3y/q (40+0+10 = 50) then mid/1y/q (20+20+10 = 50): same total, but the term it had
    // already given (0 points for three years) is taken back to one year (20 points) → one retraction, 100 − 15 = 85
    const log = withOffers([
      offer(11, 27, "procurement", "sales", "low", "three-year"),
      offer(12, 28, "sales", "procurement", "high", "three-year"),
      offer(13, 30, "procurement", "sales", "mid", "one-year"),
    ]);
    const consistency = scoreNegotiation(strategic, log).seats["procurement"]!.trust.components.find((c) => c.id === "consistency")!;
    expect(consistency).toMatchObject({ value: 85, events: [13] });
    expect(consistency.explanation).toContain("Contract length");
  });
});
