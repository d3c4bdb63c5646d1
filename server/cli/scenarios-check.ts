import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeScenario, type PairAnalysis, type PairPoint, type ScenarioAnalysis } from "../../shared/scenario/analysis.js";
import { analysisProblems } from "../../shared/scenario/analysis-checks.js";
import { locateLine, type ScenarioProblem } from "../../shared/scenario/load.js";
import { analyzeMoney, formatMoney, formatRate, perThousand, type MoneyFinding, type MoneyPackage, type SeatMoney } from "../../shared/scenario/money.js";
import { formatPath, type PathSegment } from "../../shared/scenario/references.js";
import type { Package, Scenario } from "../../shared/scenario/schema.js";
import { duplicateIds, duplicateMessage, loadScenarioDir, loadScenarioFile, type LoadedScenarioFile } from "../scenarios/catalog.js";

/**
 * `npm run scenarios:check -- [--json] [files...]`: validate scenario files
 * (all of scenarios/ when none are named) and print what each one's numbers
 * make possible, and, for every seat with a money table, the money behind
 * its points (shared/scenario/money.ts). Exits 1 when any file has an error —
 * including two files with one scenario id — listing every error as
 * `file:line path — message`; warnings never change the exit code. Findings
 * with a stable name print as `warning[code]: …` / `error[code]: …`. Never
 * prints a stack trace.
 */

const USAGE = "usage: npm run scenarios:check -- [--json] [scenario.yaml ...]";
const DEFAULT_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));

interface FileReport {
  file: string;
  ok: boolean;
  title?: string;
  errors: ScenarioProblem[];
  warnings: ScenarioProblem[];
  analysis?: ScenarioAnalysis;
  /** "Money behind the points": one entry per seat with a money table, its warnings also in `warnings`. */
  money?: MoneyBlock[];
}

/** The JSON form of a seat's money block: the analysis, with its findings as located warnings. */
type MoneyBlock = Omit<SeatMoney, "findings"> & { warnings: ScenarioProblem[] };

function checkFile(loaded: LoadedScenarioFile, display: string): { report: FileReport; scenario?: Scenario } {
  const rename = (p: ScenarioProblem): ScenarioProblem => ({ ...p, source: display });
  const { result } = loaded;
  if (!result.ok) return { report: { file: display, ok: false, errors: result.errors.map(rename), warnings: result.warnings.map(rename) } };
  const scenario = result.scenario;
  const analysis = analyzeScenario(scenario);
  const found = analysisProblems(scenario, analysis).map((p) => {
    const problem: ScenarioProblem = { source: display, path: formatPath(p.path), message: p.message };
    const line = locateLine(loaded.text, p.path);
    if (line !== undefined) problem.line = line;
    return { problem, severity: p.severity };
  });
  const errors = found.filter((f) => f.severity === "error").map((f) => f.problem);
  const locate = (path: PathSegment[], message: string, code?: string): ScenarioProblem => {
    const problem: ScenarioProblem = { source: display, path: formatPath(path), message };
    const line = locateLine(loaded.text, path);
    if (line !== undefined) problem.line = line;
    if (code !== undefined) problem.code = code;
    return problem;
  };
  const fromFinding = (f: MoneyFinding) => locate(f.path, f.message, f.code);
  const moneyAnalysis = analyzeMoney(scenario);
  const money: MoneyBlock[] = moneyAnalysis.seats.map(({ findings, ...rest }) => ({ ...rest, warnings: findings.map(fromFinding) }));
  const warnings = [
    ...result.warnings.map(rename),
    ...found.filter((f) => f.severity === "warning").map((f) => f.problem),
    ...moneyAnalysis.findings.map(fromFinding),
    ...money.flatMap((m) => m.warnings),
  ];
  const report: FileReport = { file: display, ok: errors.length === 0, title: scenario.title, errors, warnings, analysis };
  if (money.length > 0) report.money = money;
  return { report, scenario };
}

/** Two valid files with one scenario id: an error in each, naming the others (the server refuses to start with both). */
function markDuplicates(checked: { loaded: LoadedScenarioFile; report: FileReport }[]): void {
  const shown = (file: string) => relative(process.cwd(), file) || file;
  for (const group of duplicateIds(checked.map((c) => c.loaded))) {
    for (const { file } of group.files) {
      const c = checked.find((x) => x.loaded.file === file);
      if (c === undefined) continue;
      const problem: ScenarioProblem = { source: c.report.file, path: "id", message: `${duplicateMessage(group, shown)}; the server refuses to start with both`, code: "duplicate-id" };
      const line = locateLine(c.loaded.text, ["id"]);
      if (line !== undefined) problem.line = line;
      c.report.errors.push(problem);
      c.report.ok = false;
    }
  }
}

function problemLine(p: ScenarioProblem, severity: "error" | "warning"): string {
  const where = p.line === undefined ? p.source : `${p.source}:${p.line}`;
  const path = p.path === "" ? "" : ` ${p.path}`;
  const label = p.code === undefined ? (severity === "warning" ? "warning: " : "") : `${severity}[${p.code}]: `;
  return `${where}${path} — ${label}${p.message}`;
}

const count = new Intl.NumberFormat("en-US");
const pts = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

function describePackage(scenario: Scenario, pkg: Package): string {
  return scenario.issues
    .map((issue) => `${issue.name}: ${issue.options.find((o) => o.id === pkg[issue.id])?.label ?? "?"}`)
    .join("; ");
}

function describePoint(scenario: Scenario, point: PairPoint): string {
  return `procurement ${pts(point.procurement)}, sales ${pts(point.sales)} — ${describePackage(scenario, point.package)}`;
}

function describePair(scenario: Scenario, pair: PairAnalysis): string[] {
  const deal = pair.dealZone
    ? `yes: ${count.format(pair.agreementsAboveBatna)} package${pair.agreementsAboveBatna === 1 ? "" : "s"} (${pct(pair.agreementsAboveBatna / pair.agreements)}) beat${pair.agreementsAboveBatna === 1 ? "s" : ""} both BATNAs`
    : "NO: no package beats both BATNAs";
  const width = Math.max(...pair.issues.map((i) => i.issue.length));
  return [
    `  procurement "${pair.procurementSeat}" × sales "${pair.salesSeat}"`,
    `    agreements             ${count.format(pair.agreements)} possible packages`,
    `    BATNA                  procurement ${pts(pair.batna.procurement)}, sales ${pts(pair.batna.sales)}`,
    `    deal zone              ${deal}`,
    `    Pareto frontier        ${pair.frontier.length} points`,
    `    max joint              ${pts(pair.maxJoint.joint)} = ${describePoint(scenario, pair.maxJoint)}`,
    `    Nash point             ${pair.nash === null ? "none (no deal zone)" : `product ${pts(pair.nash.product)} at ${describePoint(scenario, pair.nash)}`}`,
    `    split the difference   ${pts(pair.split.joint)} = ${describePoint(scenario, pair.split)}`,
    `    integrative potential  ${pct(pair.integrativePotential)} more joint points than splitting the difference`,
    `    opposition             ${pair.opposition.toFixed(2)} (1 = zero-sum, 0 = unrelated, -1 = shared interests)`,
    `    issues (weight = share of each side's points swing)`,
    ...pair.issues.map(
      (i) =>
        `      ${i.issue.padEnd(width)}  ${i.kind.padEnd(12)}  weight procurement ${pct(i.weight.procurement).padStart(6)}, sales ${pct(i.weight.sales).padStart(6)}  opposition ${i.opposition.toFixed(2).padStart(5)}`,
    ),
  ];
}

function describeMoneyPackage(scenario: Scenario, block: MoneyBlock, p: MoneyPackage): string {
  return `${pts(p.points)} points, ${formatMoney(p.money, block.unit)} — ${describePackage(scenario, p.package)}`;
}


/** The "Money behind the points" block of one seat. */
function describeMoney(scenario: Scenario, block: MoneyBlock): string[] {
  const width = Math.max(...block.issues.map((i) => i.issue.length));
  const agreement = block.rankAgreement;
  const over = agreement.over === "all packages" ? `all ${count.format(agreement.packages)} packages (exact)` : `a fixed sample of ${count.format(agreement.packages)} of ${count.format(block.packages)} packages`;
  const rate = (n: number | null) => (n === null ? "no money moves" : `${formatRate(n)} points per ${perThousand(block.unit)}`);
  const same = describePackage(scenario, block.bestByPoints.package) === describePackage(scenario, block.bestByMoney.package);
  return [
    `  Money behind the points: "${block.seat}" (${block.side}, ${block.unit})`,
    `    rank agreement         Spearman ${agreement.spearman.toFixed(2)} between points and money over ${over}`,
    `    best by points         ${describeMoneyPackage(scenario, block, block.bestByPoints)}`,
    `    best by money          ${same ? "the same package" : describeMoneyPackage(scenario, block, block.bestByMoney)}`,
    `    exchange rate          ${rate(block.overallRate)} overall; per issue (points swing for money swing):`,
    ...block.issues.map(
      (i) => `      ${i.issue.padEnd(width)}  ${pts(i.pointsSwing).padStart(5)} ${i.pointsSwing === 1 ? "point " : "points"} for ${formatMoney(i.moneySwing, block.unit).padEnd(16)} ${rate(i.rate)}${i.inversions.length > 0 ? `, ${i.inversions.length} inversion(s)` : ""}`,
    ),
    ...(block.warnings.length === 0 ? ["    warnings               none"] : block.warnings.map((w) => `    ${problemLine(w, "warning")}`)),
  ];
}

function printText(report: FileReport, scenario: Scenario | undefined): void {
  const status = report.ok ? "valid" : `${report.errors.length} error(s)`;
  console.log(`${report.file}${report.title === undefined ? "" : ` "${report.title}"`}: ${status}${report.warnings.length > 0 ? `, ${report.warnings.length} warning(s)` : ""}`);
  const inBlocks = new Set((report.money ?? []).flatMap((m) => m.warnings));
  for (const w of report.warnings) if (!inBlocks.has(w)) console.log(`  ${problemLine(w, "warning")}`);
  for (const e of report.errors) console.error(problemLine(e, "error"));
  if (scenario !== undefined && report.analysis !== undefined) {
    console.log(`  kind: ${scenario.kind}, version ${scenario.version}, ${scenario.issues.length} issues, ${scenario.seats.length} seats`);
    for (const pair of report.analysis.pairs) console.log(describePair(scenario, pair).join("\n"));
    for (const block of report.money ?? []) console.log(describeMoney(scenario, block).join("\n"));
  }
  console.log("");
}

async function main(argv: string[]): Promise<number> {
  const flags = argv.filter((a) => a.startsWith("--"));
  const unknownFlags = flags.filter((f) => f !== "--json");
  if (unknownFlags.length > 0) {
    console.error(`unknown option ${unknownFlags.join(", ")}\n${USAGE}`);
    return 2;
  }
  const json = flags.includes("--json");
  const named = argv.filter((a) => !a.startsWith("--"));
  const loaded = named.length > 0 ? await Promise.all(named.map(loadScenarioFile)) : await loadScenarioDir(DEFAULT_DIR);
  if (loaded.length === 0) {
    console.error(`no scenario files (*.yaml, *.yml) in ${relative(process.cwd(), DEFAULT_DIR) || "."}\n${USAGE}`);
    return 1;
  }
  const checked = loaded.map((l) => ({ loaded: l, ...checkFile(l, relative(process.cwd(), l.file) || l.file) }));
  markDuplicates(checked);
  if (json) console.log(JSON.stringify(checked.map((c) => c.report), null, 2));
  else {
    for (const c of checked) printText(c.report, c.scenario);
    const failed = checked.filter((c) => !c.report.ok).length;
    console.log(`${checked.length} file(s) checked: ${checked.length - failed} valid, ${failed} with errors`);
  }
  return checked.every((c) => c.report.ok) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug of ours, not of the scenario: say so in one line rather than a stack trace.
    console.error(`scenarios:check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
