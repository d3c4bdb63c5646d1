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
  /** Errors of the files left out (invalid). */
  problems: ScenarioProblem[];
}

/** Valid files that share a scenario id, in name order: each group holds two or more files. */
export interface DuplicateScenarioId {
  id: string;
  files: { file: string; version: number }[];
}

/** The groups of valid files that share an id, in the order of their first file. */
export function duplicateIds(files: readonly LoadedScenarioFile[]): DuplicateScenarioId[] {
  const byId = new Map<string, DuplicateScenarioId>();
  for (const { file, result } of files) {
    if (!result.ok) continue;
    const group = byId.get(result.scenario.id) ?? { id: result.scenario.id, files: [] };
    group.files.push({ file, version: result.scenario.version });
    byId.set(result.scenario.id, group);
  }
  return [...byId.values()].filter((g) => g.files.length > 1);
}

/** "scenario id "x" is used by 2 files: a.yaml (version 3), b.yaml (version 4)". */
export function duplicateMessage(group: DuplicateScenarioId, show: (file: string) => string = (f) => f): string {
  const files = group.files.map((f) => `${show(f.file)} (version ${f.version})`).join(", ");
  return `scenario id "${group.id}" is used by ${group.files.length} files: ${files}; each scenario id must be in one file only (bump "version" in place to revise a scenario)`;
}

/**
 * Two files with one scenario id: the server would have to guess which one a
 * negotiation, a cohort or a stored record means, so it refuses to start.
 */
export class DuplicateScenarioIdError extends Error {
  readonly duplicates: DuplicateScenarioId[];
  constructor(dir: string, duplicates: DuplicateScenarioId[]) {
    super(`the scenario directory ${dir} has duplicate scenario ids: ${duplicates.map((g) => duplicateMessage(g)).join("; ")}`);
    this.name = "DuplicateScenarioIdError";
    this.duplicates = duplicates;
  }
}

/**
 * The valid scenarios of a directory by id, for the server to offer; invalid
 * files are left out and reported. Throws `DuplicateScenarioIdError` when two
 * valid files share an id, naming both: serving either one silently would
 * change what a trainer's link or a stored negotiation opens.
 */
export async function loadCatalog(dir: string): Promise<ScenarioCatalog> {
  const files = await loadScenarioDir(dir);
  const duplicates = duplicateIds(files);
  if (duplicates.length > 0) throw new DuplicateScenarioIdError(dir, duplicates);
  const scenarios = new Map<string, Scenario>();
  const problems: ScenarioProblem[] = [];
  for (const { result } of files) {
    if (!result.ok) problems.push(...result.errors);
    else scenarios.set(result.scenario.id, result.scenario);
  }
  return { scenarios, problems };
}
