import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseScenario } from "../../shared/scenario/load.js";
import type { Scenario } from "../../shared/scenario/schema.js";

/** Shared by the scenario-*.test.ts files: fixture paths and the errors planted in the broken fixtures. */

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURE_DIR = "tests/fixtures/scenarios";

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/scenarios/${name}`, import.meta.url), "utf8");
}

/** A fixture that must load: the parsed scenario (throws with the errors otherwise). */
export function loadFixture(name: string): Scenario {
  const result = parseScenario(fixtureText(name), name);
  if (!result.ok) throw new Error(`${name} should be valid: ${result.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`);
  return result.scenario;
}

/** The 1-based line of the `# planted: <marker>` comment in a fixture. */
export function plantedLine(name: string, marker: string): number {
  const index = fixtureText(name)
    .split("\n")
    .findIndex((line) => line.endsWith(`# planted: ${marker}`));
  if (index < 0) throw new Error(`no "# planted: ${marker}" in ${name}`);
  return index + 1;
}

export interface Planted {
  marker: string;
  path: string;
  /** A fragment of the message, exactly as printed. */
  message: string;
}

/** Every error planted in the broken fixtures: each must be reported at its marker's line, with this path. */
export const PLANTED: Record<string, Planted[]> = {
  "broken-references.yaml": [
    { marker: "two-suppliers", path: "seats", message: "a strategic partnership needs exactly one supplier (sales) seat; found 2" },
    { marker: "missing-option", path: "seats[0].brief.scoring.term", message: `seat "buyer" gives no points for option(s) "three-year" of issue "term"` },
    { marker: "unknown-option", path: "seats[1].brief.scoring.price", message: `seat "supplier" gives no points for option(s) "low" of issue "price"` },
    { marker: "unknown-option", path: "seats[1].brief.scoring.price.lowest", message: `"lowest" is not an option of issue "price"` },
    { marker: "duplicate-issue", path: "issues[2].id", message: `issue id "price" is used twice (first at issues[0])` },
    { marker: "too-few-objectives", path: "objectives", message: "the procurement side needs at least 3 objectives to choose from" },
    { marker: "unknown-issue", path: "objectives[0].servedBy[0].issue", message: `unknown issue "prise" — did you mean "price"?` },
    { marker: "same-side-alignment", path: "alignments[1].objectives", message: "pairs two procurement objectives" },
    { marker: "unknown-seat", path: "valueLevers[0].knownTo[0]", message: `unknown seat "suplier" — did you mean "supplier"?` },
    { marker: "duplicate-mitigation", path: "risks[0].mitigations[1].id", message: `mitigation (of risk "outage") id "standby" is used twice (first at risks[0].mitigations[0])` },
    { marker: "second-source-in-partnership", path: "secondSource", message: "a second source belongs to a commodity bid" },
    { marker: "wrong-side-move", path: "phases[1].moves.procurement[1]", message: `"bid.submit" is never a procurement move` },
    { marker: "reflection-not-last", path: "phases[2].kind", message: "the reflection phase must be the last phase" },
  ],
  "broken-shape.yaml": [
    { marker: "missing-title", path: "title", message: "required, but missing (expected text)" },
    { marker: "bad-side", path: "seats[1].side", message: `"buyer" is not allowed; use one of: procurement, sales` },
    { marker: "unknown-objective", path: "alignments[0].objectives[1]", message: `unknown objective "zz"` },
    { marker: "unknown-risk-issue", path: "risks[0].mitigatedBy[0].issue", message: `unknown issue "uptime"` },
    { marker: "negative-minutes", path: "phases[0].minutes", message: "must be more than 0" },
  ],
  "broken-syntax.yaml": [
    { marker: "duplicate-key", path: "", message: "YAML syntax: Map keys must be unique" },
    { marker: "unclosed", path: "", message: "YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]" },
  ],
};

export interface CheckRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run scenarios:check`, run as authors run it: a child process from the repo root. */
export function scenariosCheck(...args: string[]): Promise<CheckRun> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "server/cli/scenarios-check.ts", ...args], { cwd: REPO_ROOT, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}
