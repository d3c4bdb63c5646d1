import { describe, expect, it } from "vitest";
import { mulberry32, randomInt } from "../../shared/random.js";
import { analyzePair } from "../../shared/scenario/analysis.js";
import { findSeat, packageProblems, pointsFor } from "../../shared/scenario/points.js";
import type { Package, Scenario } from "../../shared/scenario/schema.js";
import { syntheticScenario } from "../../shared/scenario/analysis.js";

/**
 * The fast analysis (frontier built issue by issue, counts from prefix sums,
 * correlation from per-issue moments) against the definitions applied
 * literally to every package of small random scenarios.
 */

/**
 * A small scenario with arbitrary (not monotone, possibly negative, often
 * tied) whole-number tables. Every third seed gives its first issue a
 * second-source share worth more than anything to both seats: no bid can
 * name it, so the analysis must behave as if it were not there.
 */
function randomScenario(seed: number): Scenario {
  const random = mulberry32(seed);
  const scenario = syntheticScenario(randomInt(random, 1, 4), 2, seed);
  for (const issue of scenario.issues) {
    const count = randomInt(random, 2, 5);
    issue.options = Array.from({ length: count }, (_, j) => ({ id: `o${j}`, label: `O${j}`, secondSourceOnly: false }));
    for (const seat of scenario.seats) {
      seat.brief.scoring[issue.id] = Object.fromEntries(issue.options.map((o) => [o.id, randomInt(random, -5, 20)]));
    }
  }
  const first = scenario.issues[0];
  if (seed % 3 === 0 && first !== undefined) {
    first.options.unshift({ id: "second", label: "Second source", secondSourceOnly: true });
    for (const seat of scenario.seats) seat.brief.scoring[first.id]!["second"] = 100;
  }
  for (const seat of scenario.seats) seat.brief.batna.points = randomInt(random, 0, 30);
  return scenario;
}

/** The options a bid may name, i.e. without second-source shares. */
const biddable = (issue: Scenario["issues"][number]) => issue.options.filter((o) => !o.secondSourceOnly);

function allPackages(scenario: Scenario): Package[] {
  return scenario.issues.reduce<Package[]>(
    (packages, issue) => packages.flatMap((pkg) => biddable(issue).map((o) => ({ ...pkg, [issue.id]: o.id }))),
    [{}],
  );
}

function pearson(xs: number[], ys: number[]): number {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let cov = 0;
  let vx = 0;
  let vy = 0;
  xs.forEach((x, i) => {
    const y = ys[i] ?? 0;
    cov += (x - mx) * (y - my);
    vx += (x - mx) ** 2;
    vy += (y - my) ** 2;
  });
  return vx === 0 || vy === 0 ? 0 : cov / Math.sqrt(vx * vy);
}

function bruteForce(scenario: Scenario) {
  const buyer = findSeat(scenario, "buyer")!;
  const supplier = findSeat(scenario, "supplier")!;
  const points = allPackages(scenario).map((pkg) => ({ pkg, p: pointsFor(buyer, pkg), s: pointsFor(supplier, pkg) }));
  const bp = buyer.brief.batna.points;
  const bs = supplier.brief.batna.points;
  const dominated = (a: { p: number; s: number }) => points.some((b) => b.p >= a.p && b.s >= a.s && (b.p > a.p || b.s > a.s));
  const frontier = [...new Set(points.filter((x) => !dominated(x)).map((x) => `${x.p},${x.s}`))]
    .map((key) => key.split(",").map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const above = points.filter((x) => x.p > bp && x.s > bs);
  const middle = (issueId: string, option: string) => {
    const options = biddable(scenario.issues.find((i) => i.id === issueId)!).map((o) => o.id);
    const j = options.indexOf(option);
    const n = options.length;
    return n % 2 === 1 ? j === (n - 1) / 2 : j === n / 2 - 1 || j === n / 2;
  };
  const splits = points.filter((x) => Object.entries(x.pkg).every(([i, o]) => middle(i, o)));
  return {
    agreements: points.length,
    above: above.length,
    frontier,
    maxJoint: Math.max(...points.map((x) => x.p + x.s)),
    nash: above.length === 0 ? null : Math.max(...above.map((x) => (x.p - bp) * (x.s - bs))),
    split: Math.max(...splits.map((x) => x.p + x.s)),
    opposition: -pearson(points.map((x) => x.p), points.map((x) => x.s)),
  };
}

describe("analyzePair against brute force", () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`agrees with every package enumerated literally (random scenario ${seed})`, () => {
      const scenario = randomScenario(seed);
      const fast = analyzePair(scenario, "buyer", "supplier");
      const slow = bruteForce(scenario);
      expect(fast.agreements).toBe(slow.agreements);
      expect(fast.agreementsAboveBatna).toBe(slow.above);
      expect(fast.dealZone).toBe(slow.above > 0);
      expect(fast.frontier.map((f) => [f.procurement, f.sales])).toEqual(slow.frontier);
      expect(fast.maxJoint.joint).toBe(slow.maxJoint);
      expect(fast.nash?.product ?? null).toBe(slow.nash);
      expect(fast.split.joint).toBe(slow.split);
      expect(fast.opposition).toBeCloseTo(slow.opposition, 9);
      // Every reported package is a real package worth exactly the reported points.
      const buyer = findSeat(scenario, "buyer")!;
      const supplier = findSeat(scenario, "supplier")!;
      for (const point of [...fast.frontier, fast.maxJoint, fast.split, ...(fast.nash === null ? [] : [fast.nash])]) {
        expect(packageProblems(scenario, point.package)).toEqual([]);
        expect(Object.values(point.package)).not.toContain("second");
        expect([pointsFor(buyer, point.package), pointsFor(supplier, point.package)]).toEqual([point.procurement, point.sales]);
      }
    });
  }
});

describe("analyzePair on a scenario too large to count in one block", () => {
  it("counts and finds the frontier correctly when packages are enumerated in blocks", () => {
    // 8 issues × 4 options = 65,536 packages: more than one block of trailing issues.
    const scenario = syntheticScenario(8, 4, 99);
    const random = mulberry32(99);
    for (const issue of scenario.issues) {
      for (const seat of scenario.seats) {
        seat.brief.scoring[issue.id] = Object.fromEntries(issue.options.map((o) => [o.id, randomInt(random, 0, 12)]));
      }
    }
    scenario.seats[0]!.brief.batna.points = 45;
    scenario.seats[1]!.brief.batna.points = 50;
    const buyer = findSeat(scenario, "buyer")!;
    const supplier = findSeat(scenario, "supplier")!;
    const points = allPackages(scenario).map((pkg) => [pointsFor(buyer, pkg), pointsFor(supplier, pkg)] as const);
    // Frontier by sweep: procurement descending, keep a point only if it beats every sales total seen so far.
    const sorted = [...points].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    const frontier: [number, number][] = [];
    for (const [p, s] of sorted) if (frontier.length === 0 || s > frontier[frontier.length - 1]![1]) frontier.push([p, s]);
    const fast = analyzePair(scenario, "buyer", "supplier");
    expect(fast.agreements).toBe(65_536);
    expect(fast.agreementsAboveBatna).toBe(points.filter(([p, s]) => p > 45 && s > 50).length);
    expect(fast.agreementsAboveBatna).toBeGreaterThan(0);
    expect(fast.frontier.map((f) => [f.procurement, f.sales])).toEqual(frontier.reverse());
    expect(fast.maxJoint.joint).toBe(Math.max(...points.map(([p, s]) => p + s)));
    expect(fast.opposition).toBeCloseTo(-pearson(points.map((x) => x[0]), points.map((x) => x[1])), 9);
  });
});
