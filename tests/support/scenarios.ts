import { readFileSync } from "node:fs";
import { parseScenario } from "../../shared/scenario/load.js";
import type { Scenario } from "../../shared/scenario/schema.js";

/** A scenario file of scenarios/, parsed and validated; throws with every problem if it is not valid. */
export function loadScenario(file: string): Scenario {
  const path = file.includes("/") ? file : `scenarios/${file}`;
  const result = parseScenario(readFileSync(path, "utf8"), path);
  if (!result.ok) throw new Error(`${path} is invalid:\n${result.errors.map((e) => `${e.path} — ${e.message}`).join("\n")}`);
  return result.scenario;
}
