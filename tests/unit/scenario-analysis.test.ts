import { describe, expect, it } from "vitest";
import { analysisProblems } from "../../shared/scenario/analysis-checks.js";
import { analyzePair, analyzeScenario, distanceToFrontier, syntheticScenario } from "../../shared/scenario/analysis.js";
import { checkReferences } from "../../shared/scenario/references.js";
import { loadFixture } from "./scenario-fixtures.js";

/*
 * valid-tiny.yaml, worked by hand.
 *
 *                 price: low  mid  high     term: 1y  2y  3y
 *   buyer (P)            60   30   0              20  10  0      BATNA 25
 *   supplier (S)          0   10   20              0  30  60     BATNA 25
 *
 * The 9 packages (P, S), joint P+S:
 *   low+1y (80,0) 80   low+2y (70,30) 100   low+3y (60,60) 120
 *   mid+1y (50,10) 60  mid+2y (40,40) 80    mid+3y (30,70) 100
 *   high+1y (20,20) 40 high+2y (10,50) 60   high+3y (0,80) 80
 * Pareto frontier (by P ascending): (0,80) (30,70) (60,60) (70,30) (80,0).
 * Above both BATNAs (P>25 and S>25): low+2y, low+3y, mid+2y, mid+3y → 4.
 * Max joint: low+3y = 120. Nash product on the frontier above BATNAs:
 *   (30,70) 5·45=225, (60,60) 35·35=1225, (70,30) 45·5=225 → low+3y, 1225.
 * Split the difference: middle options mid + 2y = (40,40), joint 80;
 *   integrative potential (120-80)/80 = 0.5.
 * Opposition: Var P = 600 + 66.67, Var S = 66.67 + 600, Cov = -200 - 200,
 *   correlation -400/666.67 = -0.6 → opposition 0.6.
 * Issues: price swing 60 of the buyer's 80 (75 %) vs 20 of the supplier's 80
 *   (25 %), opposed → integrative; term 25 % vs 75 % → integrative.
 */
describe("analyzePair on the hand-worked tiny partnership", () => {
  const scenario = loadFixture("valid-tiny.yaml");
  const pair = analyzePair(scenario, "buyer", "supplier");

  it("counts the packages and those beating both BATNAs", () => {
    expect(pair.agreements).toBe(9);
    expect(pair.batna).toEqual({ procurement: 25, sales: 25 });
    expect(pair.agreementsAboveBatna).toBe(4);
    expect(pair.dealZone).toBe(true);
  });

  it("finds the Pareto frontier with a package for each point", () => {
    expect(pair.frontier).toEqual([
      { procurement: 0, sales: 80, package: { price: "high", term: "three-year" } },
      { procurement: 30, sales: 70, package: { price: "mid", term: "three-year" } },
      { procurement: 60, sales: 60, package: { price: "low", term: "three-year" } },
      { procurement: 70, sales: 30, package: { price: "low", term: "two-year" } },
      { procurement: 80, sales: 0, package: { price: "low", term: "one-year" } },
    ]);
  });

  it("finds the max-joint, Nash and split-the-difference deals", () => {
    expect(pair.maxJoint).toEqual({ procurement: 60, sales: 60, joint: 120, package: { price: "low", term: "three-year" } });
    expect(pair.nash).toEqual({ procurement: 60, sales: 60, product: 1225, package: { price: "low", term: "three-year" } });
    expect(pair.split).toEqual({ procurement: 40, sales: 40, joint: 80, package: { price: "mid", term: "two-year" } });
    expect(pair.integrativePotential).toBeCloseTo(0.5, 12);
  });

  it("measures opposition and classifies both issues as integrative", () => {
    expect(pair.opposition).toBeCloseTo(0.6, 12);
    expect(pair.issues).toEqual([
      { issue: "price", kind: "integrative", weight: { procurement: 0.75, sales: 0.25 }, opposition: expect.closeTo(1, 12) },
      { issue: "term", kind: "integrative", weight: { procurement: 0.25, sales: 0.75 }, opposition: expect.closeTo(1, 12) },
    ]);
  });

  it("measures how far a deal lies from the frontier", () => {
    // mid+2y (40,40) is dominated by (60,60), its nearest frontier point: 20·√2.
    expect(distanceToFrontier(pair, 40, 40)).toBeCloseTo(20 * Math.SQRT2, 12);
    expect(distanceToFrontier(pair, 60, 60)).toBe(0);
    expect(distanceToFrontier(pair, 90, 90)).toBe(0);
    // (0,70) is dominated by (0,80) and (30,70); the nearest is 10 away.
    expect(distanceToFrontier(pair, 0, 70)).toBeCloseTo(10, 12);
  });
});

describe("issue kinds and scenario-level verdicts", () => {
  it("calls an issue compatible when both sides want the same option", () => {
    const s = structuredClone(loadFixture("valid-tiny.yaml"));
    s.seats[0]!.brief.scoring["term"] = { "one-year": 0, "two-year": 10, "three-year": 20 };
    const pair = analyzePair(s, "buyer", "supplier");
    expect(pair.issues.find((i) => i.issue === "term")).toEqual(expect.objectContaining({ kind: "compatible", opposition: expect.closeTo(-1, 12) }));
  });

  it("calls an opposed issue distributive when both sides weigh it alike", () => {
    const pair = analyzePair(loadFixture("no-integrative.yaml"), "buyer", "supplier");
    expect(pair.issues.map((i) => i.kind)).toEqual(["distributive", "distributive"]);
    expect(pair.integrativePotential).toBe(0);
    expect(pair.opposition).toBeCloseTo(1, 12);
    // Every package is worth 60 jointly: the tie goes to the even (30,30), not to an extreme.
    expect(pair.maxJoint).toEqual(expect.objectContaining({ procurement: 30, sales: 30, joint: 60 }));
  });

  it("analyses every buyer–supplier pair of a commodity bid, in seat order", () => {
    const scenario = loadFixture("valid-commodity.yaml");
    const analysis = analyzeScenario(scenario);
    expect(analysis.scenarioId).toBe("tiny-tender");
    expect(analysis.pairs.map((p) => [p.salesSeat, p.dealZone])).toEqual([["woodco", true], ["palletpro", true], ["farwood", false]]);
    expect(analysis.pairs.find((p) => p.salesSeat === "farwood")?.nash).toBeNull();
    // One supplier without a deal zone is a warning; the others still compete.
    expect(analysisProblems(scenario, analysis)).toEqual([expect.objectContaining({ severity: "warning", path: ["seats", 3, "brief", "batna"] })]);
  });

  it("leaves a second-source share out of every agreement it enumerates", () => {
    const scenario = loadFixture("valid-second-source.yaml");
    // The same tender without the runner-up's share at all: the analysis must not tell them apart.
    const without = structuredClone(scenario);
    without.issues[1]!.options = without.issues[1]!.options.filter((o) => !o.secondSourceOnly);
    for (const seat of without.seats) delete seat.brief.scoring["share"]!["share-20"];
    const analysis = analyzeScenario(scenario);
    expect(analysis).toEqual(analyzeScenario(without));
    for (const pair of analysis.pairs) {
      expect(pair.agreements).toBe(9);
      const packages = [...pair.frontier, pair.maxJoint, pair.split, ...(pair.nash === null ? [] : [pair.nash])].map((p) => p.package);
      expect(packages.map((p) => p["share"])).not.toContain("share-20");
    }
    expect(analysisProblems(scenario, analysis)).toEqual([]);
  });

  it("rejects a scenario in which no pair has a deal zone", () => {
    const scenario = loadFixture("no-deal-zone.yaml");
    const problems = analysisProblems(scenario, analyzeScenario(scenario));
    expect(problems.filter((p) => p.severity === "error").map((p) => p.message)).toEqual([expect.stringContaining("no buyer–supplier pair has a deal zone")]);
  });

  it("rejects a strategic partnership with nothing to trade", () => {
    const scenario = loadFixture("no-integrative.yaml");
    const problems = analysisProblems(scenario, analyzeScenario(scenario));
    expect(problems).toEqual([expect.objectContaining({ severity: "error", message: expect.stringContaining("no integrative potential") })]);
  });
});

describe("syntheticScenario", () => {
  it("is valid and the same for the same seed", () => {
    const a = syntheticScenario(4, 3, 7);
    expect(checkReferences(a).filter((p) => p.severity === "error")).toEqual([]);
    expect(syntheticScenario(4, 3, 7)).toEqual(a);
    expect(syntheticScenario(4, 3, 8).seats[0]?.brief.scoring).not.toEqual(a.seats[0]?.brief.scoring);
  });

  // Its speed is measured by `npm run bench:core`, not asserted here.
  it("analyses 8 issues × 6 options (1,679,616 packages) completely", () => {
    const pair = analyzePair(syntheticScenario(8, 6, 1), "buyer", "supplier");
    expect(pair.agreements).toBe(1_679_616);
    expect(pair.dealZone).toBe(true);
    expect(pair.integrativePotential).toBeGreaterThan(0);
  });
});
