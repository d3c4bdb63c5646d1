import { packageProblems } from "../scenario/points.js";
import type { Package, Scenario } from "../scenario/schema.js";
import { problem, type Problem } from "./messages.js";

/** The longest text a player may send in one move. */
export const MAX_TEXT = 2000;

/** A required text: non-empty after trimming and at most MAX_TEXT characters. `what` names it: "message", "reason"… */
export function checkText(value: unknown, what: string): Problem | null {
  if (typeof value !== "string" || value.trim() === "") return problem("invalid-input", `Write your ${what} before sending.`);
  if (value.length > MAX_TEXT) {
    return problem("invalid-input", `Your ${what} is ${value.length.toLocaleString("en")} characters long; keep it to ${MAX_TEXT.toLocaleString("en")}.`);
  }
  return null;
}

/** "a, b or c" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1] ?? ""}`;
}

/** An optional text: absent, or a valid text. */
export function checkOptionalText(value: unknown, what: string): Problem | null {
  return value === undefined ? null : checkText(value, what);
}

/** A plain object whose values are all strings: the shape of a package, before its issues and options are checked. */
export function isPackage(value: unknown): value is Package {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
}

/**
 * A complete package naming one valid option for every issue of the scenario,
 * none of them a second-source share (what the tender's runner-up gets, never
 * a term anyone bids or offers).
 */
export function checkPackage(scenario: Scenario, value: unknown): Problem | null {
  if (!isPackage(value)) return problem("invalid-package", "A package names one option for every issue.");
  const problems = packageProblems(scenario, value);
  if (problems.length > 0) return problem("invalid-package", `Fix the package: ${problems.join("; ")}.`);
  for (const issue of scenario.issues) {
    const option = issue.options.find((o) => o.id === value[issue.id]);
    if (option?.secondSourceOnly) {
      const choices = orList(issue.options.filter((o) => !o.secondSourceOnly).map((o) => o.label));
      return problem("invalid-package", `“${option.label}” is the runner-up's share, not a term you can bid or offer; for ${issue.name}, choose ${choices}.`);
    }
  }
  return null;
}

/** Exactly `count` distinct ids, all taken from `allowed`. */
export function checkIdSet(value: unknown, allowed: readonly string[], count: number, what: string): Problem | null {
  const ids = Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : null;
  const fine = ids !== null && ids.length === count && new Set(ids).size === count && ids.every((id) => allowed.includes(id));
  if (fine) return null;
  return problem("invalid-objectives", `Pick exactly ${count} different ${what} from: ${allowed.join(", ")}.`);
}
