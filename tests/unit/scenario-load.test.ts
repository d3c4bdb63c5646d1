import { describe, expect, it } from "vitest";
import { parseScenario, locateLine } from "../../shared/scenario/load.js";
import { fixtureText, PLANTED, plantedLine } from "./scenario-fixtures.js";

function failed(name: string, text = fixtureText(name)) {
  const result = parseScenario(text, name);
  if (result.ok) throw new Error(`${name} should not load`);
  return result;
}

describe("parseScenario", () => {
  it("loads a valid scenario with its defaults filled in and no warnings", () => {
    const result = parseScenario(fixtureText("valid-tiny.yaml"), "valid-tiny.yaml");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.scenario.id).toBe("tiny-partnership");
    expect(result.scenario.seats.map((s) => s.optional)).toEqual([false, false]);
    expect(result.scenario.objectivesPerSide).toBe(3);
    expect(result.scenario.seats[1]?.brief.privateFacts).toEqual([]);
  });

  for (const name of ["broken-shape.yaml", "broken-references.yaml", "broken-syntax.yaml"]) {
    it(`reports every planted error of ${name} at once, each with its path and line`, () => {
      const { errors } = failed(name);
      const expected = (PLANTED[name] ?? []).map((p) => ({ path: p.path, line: plantedLine(name, p.marker), message: p.message }));
      const actual = errors.map((e) => ({ path: e.path, line: e.line, message: e.message }));
      // Exactly the planted errors, no cascade of follow-on errors.
      expect(actual).toHaveLength(expected.length);
      for (const want of expected) {
        expect(actual).toContainEqual({ path: want.path, line: want.line, message: expect.stringContaining(want.message) });
      }
      expect(errors.every((e) => e.source === name)).toBe(true);
    });
  }

  it("lists errors in file order so authors can fix them top to bottom", () => {
    const lines = failed("broken-references.yaml").errors.map((e) => e.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it("warns about a misspelt key that would otherwise be silently ignored", () => {
    const text = fixtureText("valid-tiny.yaml").replace("    side: sales\n", "    side: sales\n    optinal: true\n");
    const result = parseScenario(text, "typo.yaml");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.seats[1]?.optional).toBe(false);
    expect(result.warnings).toEqual([
      { source: "typo.yaml", path: "seats[1].optinal", line: text.split("\n").indexOf("    optinal: true") + 1, message: `unknown key "optinal" is ignored — did you mean "optional"?` },
    ]);
  });

  it("still reports warnings when the file has errors", () => {
    const { warnings } = failed("broken-shape.yaml");
    expect(warnings.map((w) => w.path)).toEqual(["seats[0].optinal"]);
  });

  it("reports questionable but legal content as a warning, not an error", () => {
    const text = fixtureText("valid-tiny.yaml").replace("    servedBy: [{ issue: price, options: [mid, high] }]\n", "");
    const result = parseScenario(text, "no-terms.yaml");
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ path: "objectives[4].servedBy", message: expect.stringContaining(`objective "keep-margin" lists no deal terms`) })]);
  });

  it("reports an empty file and a file that is not a mapping in plain words", () => {
    expect(failed("empty.yaml", "").errors).toEqual([{ source: "empty.yaml", path: "", line: 1, message: "the file is empty" }]);
    expect(failed("list.yaml", "- a\n- b\n").errors[0]?.message).toMatch(/must be a YAML mapping/);
  });

  it("never throws, whatever the text", () => {
    const texts = ["{", "a: *nowhere", "\t- x", "!!binary 123\n", "seats: 3\nissues: {}\n", "x".repeat(5000), "id: [", "? [a]\n: b\n"];
    for (const text of texts) {
      const result = parseScenario(text, "weird.yaml");
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors.length).toBeGreaterThan(0);
      for (const e of result.errors) expect(e.message).not.toMatch(/\n\s+at /);
    }
  });

  it("reports shape errors in every seat, not only the first", () => {
    const text = fixtureText("valid-tiny.yaml").replaceAll("      story: ", "      storyline: ");
    const paths = failed("two-seats.yaml", text).errors.map((e) => e.path);
    expect(paths).toEqual(["seats[0].brief.story", "seats[1].brief.story"]);
  });
});

describe("locateLine", () => {
  it("finds the line of a key, or of its nearest existing ancestor", () => {
    const text = fixtureText("valid-tiny.yaml");
    const lines = text.split("\n");
    expect(locateLine(text, ["seats", 1, "brief", "batna"])).toBe(lines.indexOf("      batna:", lines.indexOf("    side: sales")) + 1);
    expect(locateLine(text, ["issues", 1, "nothing-here"])).toBe(lines.indexOf("  - id: term") + 1);
  });
});
