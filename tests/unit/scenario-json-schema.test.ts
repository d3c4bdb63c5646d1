import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILE, scenarioJsonSchemaText } from "../../server/cli/write-json-schema.js";

describe("scenarios/scenario.schema.json", () => {
  it("matches the zod scenario schema (run `npm run scenarios:schema` after changing schema.ts)", () => {
    const committed = readFileSync(SCHEMA_FILE, "utf8");
    expect(committed === scenarioJsonSchemaText(), "scenarios/scenario.schema.json is stale: run `npm run scenarios:schema`").toBe(true);
  });

  it("describes the input authors write: defaulted fields are optional in editors", () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(["id", "seats", "issues", "phases", "coaching"]));
    expect(schema.required).not.toContain("objectives");
    expect(schema.required).not.toContain("objectivesPerSide");
  });
});
