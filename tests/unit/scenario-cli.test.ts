import { describe, expect, it } from "vitest";
import { FIXTURE_DIR, PLANTED, plantedLine, scenariosCheck as check } from "./scenario-fixtures.js";

const fixture = (name: string) => `${FIXTURE_DIR}/${name}`;
const STACK_FRAME = /^\s+at .+[(:]\d+/m;

describe("npm run scenarios:check", () => {
  it("prints the analysis of a valid scenario and exits 0", async () => {
    const run = await check(fixture("valid-tiny.yaml"));
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n").map((l) => l.trim().replace(/\s{2,}/g, "  "));
    expect(lines).toEqual(expect.arrayContaining([
      `${fixture("valid-tiny.yaml")} "Tiny partnership": valid, 2 warning(s)`,
      `procurement "buyer" × sales "supplier"`,
      "agreements  9 possible packages",
      "deal zone  yes: 4 packages (44.4%) beat both BATNAs",
      "Pareto frontier  5 points",
      "max joint  120 = procurement 60, sales 60 — Price: Low; Contract length: 3 years",
      "Nash point  product 1225 at procurement 60, sales 60 — Price: Low; Contract length: 3 years",
      "split the difference  80 = procurement 40, sales 40 — Price: Mid; Contract length: 2 years",
      "integrative potential  50.0% more joint points than splitting the difference",
      "opposition  0.60 (1 = zero-sum, 0 = unrelated, -1 = shared interests)",
      "price  integrative  weight procurement  75.0%, sales  25.0%  opposition  1.00",
      "term  integrative  weight procurement  25.0%, sales  75.0%  opposition  1.00",
    ]));
  });

  it("names every error of every broken file at once, as file:line path — message, without a stack trace", async () => {
    const broken = Object.keys(PLANTED);
    const run = await check(...broken.map(fixture), fixture("no-deal-zone.yaml"), fixture("no-integrative.yaml"), fixture("valid-tiny.yaml"));
    expect(run.code).toBe(1);
    const errorLines = run.stderr.split("\n").filter((l) => l.startsWith(FIXTURE_DIR));
    const expected = broken.flatMap((name) =>
      (PLANTED[name] ?? []).map((p) => `${fixture(name)}:${plantedLine(name, p.marker)}${p.path === "" ? "" : ` ${p.path}`} — ${p.message}`),
    );
    for (const want of expected) expect(errorLines.some((line) => line.startsWith(want)), `missing: ${want}`).toBe(true);
    expect(errorLines.filter((l) => l.includes("no-deal-zone.yaml:"))).toEqual([
      `${fixture("no-deal-zone.yaml")}:11 seats — no buyer–supplier pair has a deal zone: no agreement beats both sides' BATNAs; lower a BATNA or change the scoring tables`,
    ]);
    expect(errorLines.filter((l) => l.includes("no-integrative.yaml:"))).toEqual([expect.stringContaining(`seats[1].brief.scoring — no integrative potential between "buyer" and "supplier"`)]);
    expect(errorLines).toHaveLength(expected.length + 2);
    expect(run.stdout).toContain("6 file(s) checked: 1 valid, 5 with errors");
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_FRAME);
  });

  it("prints the analysis as JSON with --json", async () => {
    const run = await check("--json", fixture("valid-commodity.yaml"));
    expect(run.code).toBe(0);
    const [report] = JSON.parse(run.stdout) as { ok: boolean; errors: unknown[]; warnings: { message: string; code?: string }[]; analysis: { pairs: { salesSeat: string; dealZone: boolean }[] } }[];
    expect(report?.ok).toBe(true);
    expect(report?.analysis.pairs.map((p) => [p.salesSeat, p.dealZone])).toEqual([["woodco", true], ["palletpro", true], ["farwood", false]]);
    expect(report?.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining(`no deal zone between "buyer" and "farwood"`),
      ...["operational", "financial", "information-security"].map((c) => expect.stringContaining(`no risk of category "${c}"`)),
    ]);
    expect(report?.warnings.map((w) => w.code)).toEqual([undefined, "risk-category-empty", "risk-category-empty", "risk-category-empty"]);
    // No seat has money, so there is no money block.
    expect(report).not.toHaveProperty("money");
  });

  it("reports a missing file and an unknown option in one line each", async () => {
    const missing = await check("no/such/file.yaml");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no/such/file.yaml — cannot read the file: no such file");
    const unknown = await check("--jsn", fixture("valid-tiny.yaml"));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option --jsn");
    expect(`${missing.stderr}${unknown.stderr}`).not.toMatch(STACK_FRAME);
  });
});
