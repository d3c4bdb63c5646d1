import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseScenario, type ParseResult, type ScenarioProblem } from "../../shared/scenario/load.js";
import type { Scenario } from "../../shared/scenario/schema.js";

/** The scenario files on disk: read, parse and validate them with the shared loader. */

export interface LoadedScenarioFile {
  file: string;
  /** The file's text ("" when it could not be read), kept for locating lines of later findings. */
  text: string;
  result: ParseResult;
}

/** Read and validate one scenario file; an unreadable file is reported as an error, never thrown. */
export async function loadScenarioFile(path: string): Promise<LoadedScenarioFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const missing = error instanceof Error && "code" in error && error.code === "ENOENT";
    const reason = missing ? "no such file" : error instanceof Error ? error.message : String(error);
    return { file: path, text: "", result: { ok: false, errors: [{ source: path, path: "", message: `cannot read the file: ${reason}` }], warnings: [] } };
  }
  return { file: path, text, result: parseScenario(text, path) };
}

/** Every `*.yaml` / `*.yml` file directly in `dir`, in name order. */
export async function loadScenarioDir(dir: string): Promise<LoadedScenarioFile[]> {
  const names = (await readdir(dir)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  return Promise.all(names.map((name) => loadScenarioFile(join(dir, name))));
}

export interface ScenarioCatalog {
  /** Valid scenarios by id. */
  scenarios: Map<string, Scenario>;
  /** Errors of the files left out (invalid, or an id already taken by an earlier file). */
  problems: ScenarioProblem[];
}

/** The valid scenarios of a directory by id, for the server to offer; invalid files are left out and reported. */
export async function loadCatalog(dir: string): Promise<ScenarioCatalog> {
  const scenarios = new Map<string, Scenario>();
  const problems: ScenarioProblem[] = [];
  for (const { file, result } of await loadScenarioDir(dir)) {
    if (!result.ok) problems.push(...result.errors);
    else if (scenarios.has(result.scenario.id)) problems.push({ source: file, path: "id", message: `scenario id "${result.scenario.id}" is already used by another file; this file is left out` });
    else scenarios.set(result.scenario.id, result.scenario);
  }
  return { scenarios, problems };
}
