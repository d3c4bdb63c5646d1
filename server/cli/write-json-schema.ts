import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { ScenarioSchema } from "../../shared/scenario/schema.js";

/**
 * `npm run scenarios:schema`: write scenarios/scenario.schema.json from the
 * zod schema, so editors can validate and complete scenario YAML
 * (`# yaml-language-server: $schema=./scenario.schema.json`). A unit test
 * fails when the committed file is stale.
 */

export const SCHEMA_FILE = fileURLToPath(new URL("../../scenarios/scenario.schema.json", import.meta.url));

/** The JSON Schema of scenario files as written to disk: the input shape (defaults optional), pretty-printed. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(ScenarioSchema, { io: "input" }), null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  writeFileSync(SCHEMA_FILE, scenarioJsonSchemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
