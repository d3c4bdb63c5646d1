import { describe, expect, it } from "vitest";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import type { YearLater } from "../../shared/scoring/types.js";
import { DEFAULT_YEAR_ONE } from "../../shared/scoring/year-later.js";
import { collaborativeSeller, hardballBuyer3pl, hardballSeller, STRATEGIC, type Persona } from "../support/personas.js";

/*
 * A year after signing on the strategic flagship, played through the real machine, with each side's reflection
 * (1–7 on the four items about the other side). The figures come from the scenario's money tables, lever worths,
 * risk bites and renewal figures; the tests derive them from the scenario rather than copying them from a run.
 */

const reflect = (n: number) => ({ "outcome-satisfied": 5, "outcome-fair": 5, "self-prepared": 5, "self-proud": 5, "process-listened": n, "process-open": n, "relationship-trust": n, "relationship-again": n, "one-word": "noted" });

function later(persona: Persona, buyerRates: number, sellerRates: number): YearLater {
  const play = persona({ reflections: { procurement: reflect(buyerRates), sales: reflect(sellerRates) } });
  const d = scoreNegotiation(play.scenario, play.log);
  const view = d.seats["procurement"]?.yearLater;
  if (!view) throw new Error("no year-later view");
  expect(d.seats["sales"]?.yearLater).toEqual(view); // both parties read the same year
  return view;
}
const side = (v: YearLater, seat: string) => v.sides.find((s) => s.seat === seat)!;

describe("a year after signing, on the strategic flagship", () => {
  const collaborative = later(collaborativeSeller, 6, 6);
  const hardSeller = later(hardballSeller, 2, 5);
  const hardBuyer = later(hardballBuyer3pl, 5, 2);

  it("expands the collaborative partnership and re-tenders the hardball seller's", () => {
    expect(collaborative.renewal).toBe("expanded");
    expect(hardSeller.renewal).toBe("retendered");
    const renewal = STRATEGIC.yearLater!.renewal.sales!;
    expect(side(collaborative, "sales").lines.at(-1)).toMatchObject({ label: "Renewal: extended and expanded", amount: renewal.expanded });
    expect(side(hardSeller, "sales").lines.at(-1)).toMatchObject({ label: "Renewal: re-tendered", amount: renewal.retendered });
    expect(side(hardSeller, "sales").yearLater.money).toBeLessThan(side(collaborative, "sales").yearLater.money);
  });

  it("lets the buyer who took more points from a hardball seller end the year with less", () => {
    expect(side(hardSeller, "procurement").atSigning.points).toBeGreaterThan(side(collaborative, "procurement").atSigning.points);
    expect(side(hardSeller, "procurement").yearLater.money).toBeLessThan(side(collaborative, "procurement").yearLater.money);
  });

  it("makes the hardball buyer lose the renewal it could have had: the burnt supplier re-prices and works to the letter", () => {
    expect(side(hardBuyer, "procurement").atSigning.money).toBe(side(collaborative, "procurement").atSigning.money);
    expect(hardBuyer.renewal).toBe("retendered");
    expect(hardBuyer.renewalWhy.some((w) => w.includes("will not renew on these terms"))).toBe(true);
    expect(side(hardBuyer, "procurement").yearLater.money).toBeLessThan(side(collaborative, "procurement").yearLater.money);
  });

  it("traces every ramp-up line to the lever's worth and year-one share in the scenario", () => {
    for (const l of side(collaborative, "procurement").lines.filter((x) => x.label.endsWith(": ramp-up"))) {
      const lever = STRATEGIC.valueLevers.find((v) => l.label === `${v.title}: ramp-up`)!;
      const mid = (lever.worth!.low + lever.worth!.high) / 2;
      expect(l.amount).toBe(Math.round(-mid * (1 - (lever.yearOne ?? DEFAULT_YEAR_ONE))));
    }
  });

  it("lets a risk nobody answered bite at its stated chance and cost", () => {
    const cutover = STRATEGIC.risks.find((r) => r.id === "transition-failure")!;
    const line = side(hardSeller, "procurement").lines.find((l) => l.label === `${cutover.title}: unanswered`);
    expect(line?.amount).toBe(Math.round(-cutover.bites!.chance * cutover.bites!.cost.procurement!));
    expect(side(collaborative, "procurement").lines.some((l) => l.label === `${cutover.title}: unanswered`)).toBe(false);
  });

  it("adds every line to the signing figure, and nothing else", () => {
    for (const v of [collaborative, hardSeller, hardBuyer]) {
      for (const s of v.sides) expect(s.yearLater.money).toBe(s.atSigning.money + s.lines.reduce((sum, l) => sum + l.amount, 0));
    }
  });
});

describe("the CFO's target on the strategic flagship", () => {
  const buyer = STRATEGIC.seats.find((s) => s.id === "procurement")!;
  const target = STRATEGIC.objectives.find((o) => o.id === "meet-cfo-target")!;

  it("is a money target that lane consolidation can meet at today's rates", () => {
    expect(target.threshold?.atLeast).toBe(2_300_000);
    const money = buyer.brief.money!.options;
    expect(money["rate-level"]!["cut-0"]).toBe(0); // today's rates are worth nothing extra
    expect(money["lane-scope"]!["domestic"]).toBeGreaterThanOrEqual(target.threshold!.atLeast); // consolidating the US lanes alone
  });

  it("is served by the collaborative deal, with a 4 % rate cut the 3PL can afford", () => {
    const play = collaborativeSeller();
    const d = scoreNegotiation(play.scenario, play.log);
    expect(d.outcome.agreement?.package["rate-level"]).toBe("cut-4");
    expect(d.seats["procurement"]!.alignment.servedIds).toContain("meet-cfo-target");
    expect(d.seats["procurement"]!.alignment.servedOwn?.explanation).toContain("Deliver the CFO's 5 % logistics cost reduction");
  });
});
