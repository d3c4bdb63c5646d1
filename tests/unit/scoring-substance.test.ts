import { describe, expect, it } from "vitest";
import { isPriceTalk, judgeArgument, meaningfulWords, numbersIn } from "../../shared/scoring/substance.js";
import { STRATEGIC, TENDER } from "../support/personas.js";

const lever = (id: string) => STRATEGIC.valueLevers.find((l) => l.id === id);

describe("price talk is read in the scenario's own words", () => {
  it("hears the partnership's rate vocabulary, however it is phrased", () => {
    expect(isPriceTalk(STRATEGIC, "Knock 6 % off and we have a deal.")).toBe(true);
    expect(isPriceTalk(STRATEGIC, "We can offer a rate cut if you sign for five years.")).toBe(true);
    expect(isPriceTalk(STRATEGIC, "Our offer is 6 % below today's rates.")).toBe(true); // an option label
  });

  it("does not mistake service talk or total-cost talk for price talk", () => {
    expect(isPriceTalk(STRATEGIC, "You will get first-rate service on every lane.")).toBe(false);
    expect(isPriceTalk(STRATEGIC, "Price is only part of it: look at what freight costs you in total.")).toBe(false);
    expect(isPriceTalk(STRATEGIC, "We bill per shipment, with a monthly statement.")).toBe(false);
  });

  it("uses each scenario's own vocabulary", () => {
    expect(isPriceTalk(TENDER, "We can go to €420 per 1,000 cases.")).toBe(true);
    expect(isPriceTalk(TENDER, "Knock 6 % off and we have a deal.")).toBe(false); // not a tender phrase
  });
});

describe("a value argument is judged on its claim and its figure together", () => {
  it("counts a claim that states its in-range figure as quantified", () => {
    expect(judgeArgument(STRATEGIC, lever("lane-consolidation"), "Consolidating your carriers saves about 6 % of freight spend.", 6)).toEqual({ kind: "quantified", figure: 6 });
    // the scenario's own claim states the range 5–7 %: a figure inside it agrees
    expect(judgeArgument(STRATEGIC, lever("lane-consolidation"), "Consolidation saves 5–7 % of freight spend, $2.3–3.2 M a year.", 6).kind).toBe("quantified");
  });

  it("sets an empty claim aside, figure or not", () => {
    expect(judgeArgument(STRATEGIC, lever("lane-consolidation"), "x", undefined).kind).toBe("empty");
    expect(judgeArgument(STRATEGIC, lever("lane-consolidation"), "ok ok ok ok ok ok", undefined).kind).toBe("empty");
  });

  it("calls a price pitch sent as a value argument a price pitch", () => {
    expect(judgeArgument(STRATEGIC, lever("lane-consolidation"), "We give you 10 % off every lane rate.", 10).kind).toBe("price-pitch");
  });

  it("does not quantify a claim whose figure disagrees with its text or with the brief", () => {
    const disagree = judgeArgument(STRATEGIC, lever("lane-consolidation"), "Consolidating lanes saves about 10 % of freight spend.", 6);
    expect(disagree).toMatchObject({ kind: "unquantified" });
    expect(disagree.kind === "unquantified" && disagree.why).toContain("do not match its figure 6");
    expect(judgeArgument(STRATEGIC, lever("lane-consolidation"), "Consolidating lanes saves about 9 % of freight spend.", 9)).toMatchObject({ kind: "unquantified" });
  });
});

describe("reading numbers and words", () => {
  it("reads thousands, decimals, suffixes and ranges", () => {
    expect(numbersIn("€150,000 released, 2.3 M saved, 150k and 5–7 %")).toEqual({ values: [150000, 2300000, 150000, 5, 7], ranges: [[5, 7]] });
  });

  it("counts different words of two letters or more, and digits", () => {
    expect(meaningfulWords("?")).toBe(0);
    expect(meaningfulWords("And?")).toBe(1);
    expect(meaningfulWords("ok ok ok")).toBe(1);
    expect(meaningfulWords("Why did 2022 fail?")).toBe(4);
  });
});
