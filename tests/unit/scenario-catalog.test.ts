import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog, loadScenarioDir } from "../../server/scenarios/catalog.js";
import { FIXTURE_DIR, REPO_ROOT } from "./scenario-fixtures.js";

const dir = join(REPO_ROOT, FIXTURE_DIR);

describe("scenario catalog", () => {
  it("reads every YAML file of a directory, in name order, with the file path as source", async () => {
    const files = await loadScenarioDir(dir);
    expect(files.map((f) => f.file.slice(dir.length + 1))).toEqual([
      "broken-references.yaml", "broken-shape.yaml", "broken-syntax.yaml", "money-contradiction.yaml", "money-lever-nothing.yaml", "no-deal-zone.yaml", "no-integrative.yaml",
      "valid-commodity.yaml", "valid-second-source.yaml", "valid-tiny.yaml",
    ]);
    const broken = files.find((f) => f.file.endsWith("broken-shape.yaml"));
    expect(broken?.result.ok).toBe(false);
    if (broken !== undefined && !broken.result.ok) expect(broken.result.errors.every((e) => e.source === broken.file)).toBe(true);
  });

  it("offers the loadable scenarios by id and reports the files it left out", async () => {
    const catalog = await loadCatalog(dir);
    expect([...catalog.scenarios.keys()].sort()).toEqual(["money-contradiction", "money-lever-nothing", "no-deal-zone", "no-integrative", "tiny-partnership", "tiny-second-source", "tiny-tender"]);
    const sources = new Set(catalog.problems.map((p) => p.source.slice(dir.length + 1)));
    expect(sources).toEqual(new Set(["broken-references.yaml", "broken-shape.yaml", "broken-syntax.yaml"]));
  });
});
