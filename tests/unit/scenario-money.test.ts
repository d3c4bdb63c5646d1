import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticScenario } from "../../shared/scenario/analysis.js";
import { analyzeMoney, analyzeSeatMoney, formatMoney, formatMoneyRange, objectiveServed, packageMoney, type MoneyCode } from "../../shared/scenario/money.js";
import type { Objective, Scenario, Seat } from "../../shared/scenario/schema.js";
import { DuplicateScenarioIdError, loadCatalog, loadScenarioDir } from "../../server/scenarios/catalog.js";
import { FIXTURE_DIR, loadFixture, REPO_ROOT, scenariosCheck as check } from "./scenario-fixtures.js";

const fixture = (name: string) => `${FIXTURE_DIR}/${name}`;

function seat(scenario: Scenario, id: string): Seat {
  const s = scenario.seats.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no seat ${id}`);
  return s;
}

function objective(scenario: Scenario, id: string): Objective {
  const o = scenario.objectives.find((x) => x.id === id);
  if (o === undefined) throw new Error(`no objective ${id}`);
  return o;
}

const codes = (findings: readonly { code: MoneyCode }[]) => findings.map((f) => f.code);

/** The JSON report's shape, as far as these tests read it. */
interface JsonReport {
  file: string;
  ok: boolean;
  errors: { path: string; message: string; code?: string }[];
  warnings: { path: string; message: string; code?: string; line?: number }[];
  money?: {
    seat: string;
    side: string;
    unit: string;
    packages: number;
    rankAgreement: { spearman: number; over: string; packages: number };
    overallRate: number | null;
    bestByPoints: { package: Record<string, string>; points: number; money: number };
    bestByMoney: { package: Record<string, string>; points: number; money: number };
    issues: { issue: string; pointsSwing: number; moneySwing: number; rate: number | null; inversions: unknown[] }[];
    trades: { choose: Record<string, string>; over: Record<string, string>; points: number; money: number }[];
    priceTrap: { choose: Record<string, string>; over: Record<string, string>; points: number; money: number } | null;
    warnings: { code?: string; message: string }[];
  }[];
}

describe("packageMoney and objectiveServed", () => {
  const scenario = loadFixture("money-contradiction.yaml");
  const buyer = seat(scenario, "buyer");
  const cheap = { "unit-price": "eur-405", "volume-share": "share-100", "case-programme": "current-designs" };
  const tco = { "unit-price": "eur-435", "volume-share": "share-60", "case-programme": "right-sizing" };

  it("sums the seat's money table over the package, or gives null without one", () => {
    expect(packageMoney(buyer, cheap)).toBe(900_000);
    expect(packageMoney(buyer, tco)).toBe(1_270_000);
    expect(packageMoney(seat(scenario, "boxco"), tco)).toBeNull();
  });

  it("serves an objective by its terms, its threshold, or both; never with neither", () => {
    expect(objectiveServed(scenario, objective(scenario, "second-source"), buyer, tco)).toBe(true);
    expect(objectiveServed(scenario, objective(scenario, "second-source"), buyer, cheap)).toBe(false);
    const total = objective(scenario, "total-cost");
    expect(objectiveServed(scenario, total, buyer, tco)).toBe(true);
    expect(objectiveServed(scenario, total, buyer, cheap)).toBe(false);
    // A threshold in a seat without money is never met.
    expect(objectiveServed(scenario, total, seat(scenario, "boxco"), tco)).toBe(false);
    const both: Objective = { ...total, servedBy: [{ issue: "volume-share", options: ["share-100"] }] };
    expect(objectiveServed(scenario, both, buyer, tco)).toBe(false);
    expect(objectiveServed(scenario, both, buyer, { ...tco, "volume-share": "share-100" })).toBe(true);
    const neither: Objective = { ...total, servedBy: [] };
    delete neither.threshold;
    expect(objectiveServed(scenario, neither, buyer, tco)).toBe(false);
  });

  it("formats money as trainers say it", () => {
    expect(formatMoney(540_000, "EUR per year")).toBe("€540 k a year");
    expect(formatMoney(1_810_000, "EUR per year")).toBe("€1.81 M a year");
    expect(formatMoney(-35_000, "USD per year")).toBe("−$35 k a year");
    expect(formatMoney(2_500, "GBP")).toBe("£2.5 k");
    expect(formatMoney(800, "CHF per year")).toBe("800 CHF a year");
    expect(formatMoneyRange(50_000, 80_000, "USD per year")).toBe("$50 k–$80 k a year");
  });
});

describe("money behind the points", () => {
  it("finds the cheaper-but-costlier bid the buyer's points rank first", () => {
    const scenario = loadFixture("money-contradiction.yaml");
    const buyer = analyzeSeatMoney(scenario, seat(scenario, "buyer"), 0);
    expect(buyer.packages).toBe(12);
    expect(buyer.rankAgreement.over).toBe("all packages");
    expect(buyer.bestByPoints).toEqual({ package: { "unit-price": "eur-405", "volume-share": "share-60", "case-programme": "right-sizing" }, points: 61, money: 1_810_000 });
    expect(buyer.priceTrap).toEqual({ choose: { "unit-price": "eur-420", "case-programme": "current-designs" }, over: { "unit-price": "eur-435", "case-programme": "right-sizing" }, points: 5, money: 580_000 });
    expect(new Set(codes(buyer.findings))).toEqual(new Set(["points-money-weight", "points-money-trade", "points-money-agreement", "points-money-price"]));
    expect(buyer.findings.find((f) => f.code === "points-money-price")?.message).toBe(
      "buyer: a cheaper bid ranked first: choosing €420 / current designs over €435 / right-sizing (all else equal) gains 5 points but costs €580 k a year",
    );
    expect(buyer.issues.find((i) => i.issue === "case-programme")).toMatchObject({ pointsSwing: 6, moneySwing: 850_000 });
    // The design-led supplier's points follow its money: no warning.
    const foldwise = analyzeSeatMoney(scenario, seat(scenario, "foldwise"), 2);
    expect(foldwise.findings).toEqual([]);
    expect(foldwise.rankAgreement.spearman).toBeGreaterThan(0.8);
  });

  it("warns about levers, objectives and risk categories the money cannot back", () => {
    const analysis = analyzeMoney(loadFixture("money-lever-nothing.yaml"));
    const messages = analysis.findings.map((f) => `${f.code}: ${f.message}`);
    expect(messages).toEqual([
      `lever-no-points: lever "kpi-visibility" is worth $50 k–$80 k a year to procurement, but its terms (KPI reporting: Monthly KPI report) give "buyer" no more points than leaving them out`,
      `lever-no-money: lever "kpi-visibility" is worth $50 k–$80 k a year to procurement, but its terms (KPI reporting: Monthly KPI report) give "buyer" no money in its money table`,
      `lever-no-points: lever "planned-maintenance" is worth $120 k–$160 k a year to procurement, but its terms (Contract length: 3 years) give "buyer" no more points than leaving them out`,
      `lever-no-money: lever "planned-maintenance" is worth $120 k–$160 k a year to procurement, but its terms (Contract length: 3 years) give "buyer" only $40 k a year, less than half of worth.low`,
      `lever-unreachable: lever "planned-maintenance" claims $120 k–$160 k a year, enough for objective "cut-cost" (at least $100 k a year: 8 % of $1.2 M) on its own, but its terms give "buyer" only $40 k a year, so the lever alone cannot serve it`,
      `objective-unservable: objective "big-saving" needs at least $300 k a year (25 % of $1.2 M), but the best agreement is worth $160 k a year to "buyer": no agreement can serve it`,
      `risk-category-empty: no risk of category "financial": players cannot raise one; add a risk of that category (categories: operational, financial, information-security)`,
      `risk-category-empty: no risk of category "information-security": players cannot raise one; add a risk of that category (categories: operational, financial, information-security)`,
    ]);
  });

  it("warns when a lever's worth has no terms to carry it, and when a threshold objective's terms cannot be named", () => {
    const scenario = structuredClone(loadFixture("money-lever-nothing.yaml"));
    scenario.valueLevers[0]!.realisedBy = [];
    scenario.objectives[0]!.servedBy = [{ issue: "price", options: ["low"] }, { issue: "price", options: ["high"] }];
    const found = analyzeMoney(scenario).findings;
    expect(found.filter((f) => f.code === "lever-no-terms").map((f) => f.path)).toEqual([["valueLevers", 0, "realisedBy"]]);
    expect(found.find((f) => f.code === "objective-unservable" && f.path[1] === 0)?.message).toContain(`objective "cut-cost" cannot be served by any agreement`);
  });

  it("ranks by a fixed sample when there are too many packages, fast", () => {
    const scenario = syntheticScenario(9, 5, 3); // 1.95 million packages
    for (const s of scenario.seats) {
      s.brief.money = { unit: "EUR per year", options: Object.fromEntries(Object.entries(s.brief.scoring).map(([issue, t]) => [issue, Object.fromEntries(Object.entries(t).map(([o, p]) => [o, p * 1000]))])) };
    }
    const started = performance.now();
    const analysis = analyzeMoney(scenario);
    expect(performance.now() - started).toBeLessThan(5_000);
    for (const m of analysis.seats) {
      expect(m.rankAgreement).toEqual({ spearman: 1, over: "sample", packages: 100_000 });
      expect(m.findings).toEqual([]);
      expect(m.bestByMoney).toEqual(m.bestByPoints);
    }
  });
});

describe("npm run scenarios:check, money behind the points", () => {
  it("names the cheaper-but-costlier bid, in text and as JSON, and still exits 0", async () => {
    const run = await check(fixture("money-contradiction.yaml"));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Money behind the points: "buyer" (procurement, EUR per year)`);
    expect(run.stdout).toContain(`Money behind the points: "foldwise" (sales, EUR per year)`);
    expect(run.stdout).not.toContain(`Money behind the points: "boxco"`);
    const line = run.stdout.split("\n").find((l) => l.includes("warning[points-money-price]"))?.trim();
    expect(line).toBe(
      `${fixture("money-contradiction.yaml")}:24 seats[0].brief.scoring — warning[points-money-price]: buyer: a cheaper bid ranked first: choosing €420 / current designs over €435 / right-sizing (all else equal) gains 5 points but costs €580 k a year`,
    );
    const lines = run.stdout.split("\n").map((l) => l.trim().replace(/\s{2,}/g, "  "));
    expect(lines).toEqual(expect.arrayContaining([
      "rank agreement  Spearman 0.69 between points and money over all 12 packages (exact)",
      "best by points  61 points, €1.81 M a year — Unit price: €405; Volume share: 60 % share; Case-design programme: right-sizing",
      "best by money  the same package",
    ]));

    const json = await check("--json", fixture("money-contradiction.yaml"));
    expect(json.code).toBe(0);
    const [report] = JSON.parse(json.stdout) as JsonReport[];
    expect(report?.money?.map((m) => m.seat)).toEqual(["buyer", "foldwise"]);
    const buyer = report?.money?.[0];
    expect(buyer?.priceTrap).toEqual({ choose: { "unit-price": "eur-420", "case-programme": "current-designs" }, over: { "unit-price": "eur-435", "case-programme": "right-sizing" }, points: 5, money: 580_000 });
    expect(buyer?.warnings.map((w) => w.code)).toContain("points-money-price");
    expect(report?.warnings.filter((w) => w.code === "points-money-price").map((w) => w.path)).toEqual(["seats[0].brief.scoring"]);
  });

  it("warns about a lever whose terms give its side nothing, without failing the file", async () => {
    const run = await check(fixture("money-lever-nothing.yaml"));
    expect(run.code).toBe(0);
    const warned = (code: string) => run.stdout.split("\n").filter((l) => l.includes(`warning[${code}]`));
    expect(warned("lever-no-points")[0]).toContain(`${fixture("money-lever-nothing.yaml")}:80 valueLevers[0].realisedBy — warning[lever-no-points]: lever "kpi-visibility"`);
    expect(warned("lever-no-money")).toHaveLength(2);
    expect(warned("lever-unreachable")).toHaveLength(1);
    expect(warned("objective-unservable")).toEqual([expect.stringContaining(`${fixture("money-lever-nothing.yaml")}:69 objectives[1].threshold`)]);
    expect(warned("risk-category-empty")).toHaveLength(2);
  });

  it("rejects two files with one scenario id, naming both", async () => {
    const [a, b] = [fixture("duplicate-ids/first.yaml"), fixture("duplicate-ids/second.yaml")];
    const run = await check(a, b);
    expect(run.code).toBe(1);
    const errors = run.stderr.split("\n").filter((l) => l.includes("error[duplicate-id]"));
    const message = `scenario id "tiny-partnership" is used by 2 files: ${a} (version 1), ${b} (version 2); each scenario id must be in one file only (bump "version" in place to revise a scenario); the server refuses to start with both`;
    expect(errors).toEqual([`${a}:2 id — error[duplicate-id]: ${message}`, `${b}:2 id — error[duplicate-id]: ${message}`]);
    expect(run.stdout).toContain("2 file(s) checked: 0 valid, 2 with errors");
    // Each file alone is fine.
    expect((await check(a)).code).toBe(0);
  });

  it("keeps the server from starting on two files with one scenario id", async () => {
    const dir = join(REPO_ROOT, FIXTURE_DIR, "duplicate-ids");
    const failure = await loadCatalog(dir).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(DuplicateScenarioIdError);
    const message = failure instanceof Error ? failure.message : "";
    expect(message).toContain(`scenario id "tiny-partnership" is used by 2 files: ${join(dir, "first.yaml")} (version 1), ${join(dir, "second.yaml")} (version 2)`);
    expect(failure instanceof DuplicateScenarioIdError ? failure.duplicates.map((d) => d.id) : []).toEqual(["tiny-partnership"]);
  });

  it("passes both flagships and prints the money block of every seat that has money", async () => {
    const files = await loadScenarioDir(join(REPO_ROOT, "scenarios"));
    const withMoney = new Map(files.flatMap((f) => (f.result.ok ? [[f.result.scenario.id, f.result.scenario.seats.filter((s) => s.brief.money !== undefined).map((s) => s.id)] as const] : [])));
    expect([...withMoney.keys()].sort()).toEqual(["commodity-corrugated", "strategic-3pl"]);
    const text = await check();
    expect(text.code, text.stderr).toBe(0);
    for (const seats of withMoney.values()) {
      for (const id of seats) expect(text.stdout).toContain(`Money behind the points: "${id}"`);
    }
    const json = await check("--json");
    expect(json.code).toBe(0);
    const reports = JSON.parse(json.stdout) as JsonReport[];
    expect(reports.every((r) => r.ok && r.errors.length === 0)).toBe(true);
    const ids = files.flatMap((f) => (f.result.ok ? [f.result.scenario.id] : []));
    reports.forEach((report, i) => {
      const expected = withMoney.get(ids[i] ?? "") ?? [];
      expect((report.money ?? []).map((m) => m.seat)).toEqual(expected);
      for (const block of report.money ?? []) {
        expect(block.rankAgreement.over).toBe("all packages");
        expect(block.rankAgreement.spearman).toBeGreaterThanOrEqual(-1);
        expect(block.bestByPoints.points).toBeGreaterThanOrEqual(block.bestByMoney.points);
        expect(block.bestByMoney.money).toBeGreaterThanOrEqual(block.bestByPoints.money);
      }
    });
  });
});
