import { describe, expect, it } from "vitest";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import { summarise } from "../../shared/scoring/summary.js";
import type { SeatDebrief } from "../../shared/scoring/types.js";
import { dealLog, hardballLog, tenderLog, timeoutLog, walkawayLog } from "../fixtures/scoring/logs.js";
import { strategic, tender } from "../fixtures/scoring/scenarios.js";

// The "went well / to change" picks at the top of a debrief, from one seat's own debrief.

const seatOf = (d: ReturnType<typeof scoreNegotiation>, id: string): SeatDebrief => {
  const s = d.seats[id];
  if (!s) throw new Error(`no debrief for ${id}`);
  return s;
};

describe("the debrief summary's picks", () => {
  const deal = scoreNegotiation(strategic, dealLog());
  const buyer = seatOf(deal, "procurement");
  const seller = seatOf(deal, "sales");

  it("leads what went well with the result, then the strongest components with substance and their moves", () => {
    const s = summarise(buyer);
    expect(s.wentWell).toHaveLength(3);
    // The deal: 50 points against a BATNA of 25, at 100 % of the best joint result.
    expect(s.wentWell.map((p) => p.id)).toEqual(["deal-above-batna", "non-price-deal", "topics"]);
    expect(s.wentWell[0]?.text).toBe("The agreement is worth 50 points to you, 25 more than your BATNA of 25. Together you reached 100 % of the best joint result the scenario allowed.");
    for (const p of s.wentWell) expect(p.events.length).toBeGreaterThan(0); // each linked to its moment
    expect(s.wentWell.find((p) => p.id === "deal-above-batna")?.events).toEqual(buyer.outcome.ownPoints.events);
  });

  it("lists the coaching tips as the things to change, in their priority order, each with its moves", () => {
    const s = summarise(buyer);
    expect(s.toChange[0]).toMatchObject({ id: "hardball-partnership", title: "Leave hardball out of a partnership", events: [21] });
    expect(s.toChange.map((p) => p.id).slice(0, buyer.coaching.tips.length)).toEqual(buyer.coaching.tips.map((t) => t.id).slice(0, 3));
    // Fewer than three tips: the weakest substantive components fill the list (risk coverage and transparency both 33 / 100; the heavier first).
    expect(s.toChange.map((p) => p.id)).toEqual(["hardball-partnership", "risk-coverage", "transparency"]);
    expect(s.toChange.length).toBeLessThanOrEqual(3);
  });

  it("never names one component both a strength and a thing to change", () => {
    for (const d of [buyer, seller]) {
      const s = summarise(d);
      const well = new Set(s.wentWell.map((p) => p.id));
      expect(s.toChange.filter((p) => well.has(p.id))).toEqual([]);
    }
    // The tip about trust-building in a partnership (hardball) keeps "trust-building" out of the strengths.
    expect(summarise(seller).wentWell.map((p) => p.id)).not.toContain("trust-building");
  });

  it("does not praise a deal that was not made, and praises a principled walk-away", () => {
    const timeout = summarise(seatOf(scoreNegotiation(strategic, timeoutLog()), "procurement"));
    expect(timeout.wentWell.map((p) => p.id)).not.toContain("deal-above-batna");
    const walked = scoreNegotiation(strategic, walkawayLog());
    for (const d of Object.values(walked.seats)) {
      const s = summarise(d);
      if (d.outcome.walkaway === "principled") expect(s.wentWell[0]?.id).toBe("walkaway-principled");
      else expect(s.wentWell.map((p) => p.id)).not.toContain("walkaway-principled");
    }
  });

  it("puts the below-BATNA and hardball tips first for a seat that earned them", () => {
    const hard = scoreNegotiation(strategic, hardballLog());
    for (const d of Object.values(hard.seats)) {
      const s = summarise(d);
      expect(s.toChange.map((p) => p.id)).toEqual(d.coaching.tips.slice(0, 3).map((t) => t.id).concat(s.toChange.slice(d.coaching.tips.length).map((p) => p.id)).slice(0, s.toChange.length));
      for (const p of s.toChange) expect(p.title.length).toBeGreaterThan(0);
    }
  });

  it("reads only the seat's own debrief: a tender's bidders each get their own picks, and three at most", () => {
    const t = scoreNegotiation(tender, tenderLog());
    for (const d of Object.values(t.seats)) {
      const s = summarise(d);
      expect(s.wentWell.length).toBeLessThanOrEqual(3);
      expect(s.toChange.length).toBeLessThanOrEqual(3);
      const own = new Set([...d.trust.components, ...d.valueFraming.components, ...d.style.fit.components].flatMap((c) => c.events).concat(d.outcome.ownPoints.events, d.outcome.jointOfMax?.events ?? [], d.risk?.coverage.events ?? [], d.offers.reciprocity.events, d.outcome.batna.events, d.coaching.tips.flatMap((x) => x.events)));
      for (const p of [...s.wentWell, ...s.toChange]) for (const e of p.events) expect(own.has(e)).toBe(true);
    }
  });

  it("is pure: the same debrief gives the same picks", () => {
    expect(summarise(structuredClone(buyer))).toEqual(summarise(buyer));
  });
});
