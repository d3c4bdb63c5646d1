import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { ZodType } from "zod";
import { checkReferences, closest, formatPath, type PathSegment } from "./references.js";
import { ScenarioSchema, type Scenario } from "./schema.js";

/**
 * Turning scenario YAML into a validated `Scenario`, reporting everything that
 * is wrong at once — YAML syntax, shape (zod) and cross-references — in words
 * an author can act on, with line numbers where the YAML has them. Isomorphic:
 * takes text, never touches the file system.
 */

export interface ScenarioProblem {
  /** Where the text came from (a file path), echoed for messages. */
  source: string;
  /** Dotted / indexed path into the scenario, e.g. `seats[1].brief.scoring`; "" for the whole file. */
  path: string;
  message: string;
  /** 1-based line in the source, when it could be located. */
  line?: number;
  /** A stable name of the finding (e.g. `duplicate-id`, `points-money-price`; see money.ts), for the checks that have one. */
  code?: string;
}

export type ParseResult =
  | { ok: true; scenario: Scenario; warnings: ScenarioProblem[] }
  | { ok: false; errors: ScenarioProblem[]; warnings: ScenarioProblem[] };

interface RawProblem {
  path: PathSegment[];
  message: string;
  line?: number;
}

/**
 * Parse and validate a scenario. Never throws: YAML syntax errors stop there
 * (the document cannot be trusted); otherwise every shape error and every
 * cross-reference error (`checkReferences`) comes back together. Warnings
 * (unknown keys, which zod would silently drop, and questionable content) are
 * returned in both cases.
 */
export function parseScenario(text: string, source: string): ParseResult {
  const lineCounter = new LineCounter();
  // logLevel "error": keep the package from printing its own warnings on stderr; what matters is reported below.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, logLevel: "error" });
  const yamlWarnings = doc.warnings.map((w) => yamlProblem(source, w.message, w.linePos?.[0]?.line));
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => yamlProblem(source, e.message, e.linePos?.[0]?.line)), warnings: yamlWarnings };
  }
  // In file order, so authors can fix them top to bottom (problems without a line go last).
  const located = (problems: RawProblem[]) =>
    problems.map((p) => toProblem(source, doc, lineCounter, p)).sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (error) {
    return { ok: false, errors: [yamlProblem(source, error instanceof Error ? error.message : String(error), undefined)], warnings: yamlWarnings };
  }
  if (!isRecord(raw)) {
    const message = raw === null || raw === undefined ? "the file is empty" : "the file must be a YAML mapping of scenario fields (id:, title:, seats:, …)";
    return { ok: false, errors: [{ source, path: "", message, line: 1 }], warnings: yamlWarnings };
  }
  const { scenario, broken, shapeErrors } = parseSections(raw);
  const references = checkReferences(scenario, broken);
  const warnings = [...yamlWarnings, ...located([...unknownKeys(ScenarioSchema, raw, []), ...references.filter((p) => p.severity === "warning")])];
  const errors = located([...shapeErrors, ...references.filter((p) => p.severity === "error")]);
  return errors.length === 0 ? { ok: true, scenario, warnings } : { ok: false, errors, warnings };
}

/** The 1-based line of `path` in scenario YAML `text` (of its nearest existing ancestor), if it can be found. */
export function locateLine(text: string, path: readonly PathSegment[]): number | undefined {
  const lineCounter = new LineCounter();
  return lineOf(parseDocument(text, { lineCounter }), lineCounter, path);
}

/** Stand-ins for sections that failed to parse; the checks that read them are skipped. */
const PLACEHOLDER: Scenario = {
  id: "placeholder", version: 1, title: "-", kind: "strategic-partnership", summary: "-", durationMinutes: 1,
  learningGoals: [], context: "-", seats: [], issues: [], objectives: [], alignments: [], objectivesPerSide: 3,
  valueLevers: [], risks: [], phases: [], marketEvents: [], coaching: { summary: "-", procurement: [], sales: [], keyLessons: [] },
};

/**
 * Validate each top-level section on its own, so a typo in one seat still
 * lets the issues, objectives and phases be cross-checked.
 */
function parseSections(raw: Record<string, unknown>): { scenario: Scenario; broken: Set<string>; shapeErrors: RawProblem[] } {
  const assembled: Record<string, unknown> = { ...PLACEHOLDER };
  const broken = new Set<string>();
  const shapeErrors: RawProblem[] = [];
  for (const [key, schema] of Object.entries(ScenarioSchema.shape)) {
    const result = (schema as ZodType).safeParse(raw[key]);
    if (result.success) {
      assembled[key] = result.data;
      continue;
    }
    broken.add(key);
    for (const issue of result.error.issues) {
      const path = [key, ...issue.path.filter((s): s is PathSegment => typeof s !== "symbol")];
      shapeErrors.push({ path, message: humanMessage(issue, valueAt(raw, path)) });
    }
  }
  // Sections are independent (the schema has no whole-object refinements), so the assembly is the parse.
  // Each key was parsed by its own section schema, which no type can tie back to the key it came from.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- every key is PLACEHOLDER's or its section's parse output
  return { scenario: assembled as Scenario, broken, shapeErrors };
}

interface ZodIssueLike {
  code: string;
  message: string;
  expected?: unknown;
  values?: unknown[];
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
}

const NOUNS: Record<string, string> = {
  string: "text", number: "a number", int: "a whole number", array: "a list", object: "a mapping (key: value)",
  boolean: "true or false", record: "a mapping (key: value)", tuple: "a list",
};

/** zod's default messages reworded for scenario authors; the schema's own messages are kept. */
function humanMessage(issue: ZodIssueLike, value: unknown): string {
  const noun = NOUNS[String(issue.expected)] ?? String(issue.expected);
  if (issue.code === "invalid_type") return value === undefined ? `required, but missing (expected ${noun})` : `expected ${noun}, got ${describe(value)}`;
  if (issue.code === "invalid_value" && issue.values !== undefined) return `${describe(value)} is not allowed; use one of: ${issue.values.join(", ")}`;
  const isDefault = issue.message.startsWith("Too small") || issue.message.startsWith("Too big");
  if (isDefault && (issue.origin === "array" || issue.origin === "set")) {
    return issue.code === "too_small" ? `needs at least ${String(issue.minimum)} item(s)` : `allows at most ${String(issue.maximum)} item(s)`;
  }
  if (isDefault && issue.origin === "number") {
    const strict = issue.inclusive === false;
    if (issue.code === "too_small") return `must be ${strict ? "more than" : "at least"} ${String(issue.minimum)}`;
    return `must be ${strict ? "less than" : "at most"} ${String(issue.maximum)}`;
  }
  return issue.message;
}

function describe(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}

/** The fields of a zod definition that hold child schemas; `_zod.def` is typed as the common base, so each is checked where read. */
interface DefLike {
  type: string;
  shape?: unknown;
  element?: unknown;
  innerType?: unknown;
  valueType?: unknown;
  items?: unknown;
  in?: unknown;
}

function asSchema(value: unknown): ZodType | undefined {
  return value instanceof ZodType ? value : undefined;
}

/** Keys the schema does not know: zod would drop them silently, so a misspelt `optinal:` would go unnoticed. */
function unknownKeys(schema: ZodType, value: unknown, path: PathSegment[]): RawProblem[] {
  const def: DefLike = schema._zod.def;
  const inner = asSchema(def.innerType) ?? asSchema(def.in);
  if (inner !== undefined) return unknownKeys(inner, value, path);
  const shape = def.shape;
  if (def.type === "object" && isRecord(shape) && isRecord(value)) {
    return Object.entries(value).flatMap(([key, child]) => {
      const childSchema = asSchema(shape[key]);
      if (childSchema !== undefined) return unknownKeys(childSchema, child, [...path, key]);
      const guess = closest(key, Object.keys(shape));
      return [{ path: [...path, key], message: `unknown key "${key}" is ignored${guess === undefined ? "" : ` — did you mean "${guess}"?`}` }];
    });
  }
  const element = asSchema(def.element);
  if (def.type === "array" && element !== undefined && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownKeys(element, item, [...path, i]));
  }
  const items: unknown[] = Array.isArray(def.items) ? def.items : [];
  if (def.type === "tuple" && Array.isArray(value)) {
    return value.flatMap((item, i) => {
      const itemSchema = asSchema(items[i]);
      return itemSchema === undefined ? [] : unknownKeys(itemSchema, item, [...path, i]);
    });
  }
  const valueType = asSchema(def.valueType);
  if (def.type === "record" && valueType !== undefined && isRecord(value)) {
    return Object.entries(value).flatMap(([key, child]) => unknownKeys(valueType, child, [...path, key]));
  }
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === "number") node = node[segment];
    else if (isRecord(node)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

/** The line of the deepest node of `path` that exists; for a mapping key, the key's own line. */
function lineOf(doc: Document, lineCounter: LineCounter, path: readonly PathSegment[]): number | undefined {
  let node: unknown = doc.contents;
  const lineAt = (n: unknown) => {
    const range = isNode(n) ? n.range : undefined;
    return range == null ? undefined : lineCounter.linePos(range[0]).line;
  };
  let line = lineAt(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? (p.key.value ?? p.key) : p.key) === String(segment));
      if (pair === undefined) break;
      line = lineAt(pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      line = lineAt(item) ?? line;
      node = item;
    } else break;
  }
  return line;
}

function toProblem(source: string, doc: Document, lineCounter: LineCounter, problem: RawProblem): ScenarioProblem {
  const line = problem.line ?? lineOf(doc, lineCounter, problem.path);
  const out: ScenarioProblem = { source, path: formatPath(problem.path), message: problem.message };
  if (line !== undefined) out.line = line;
  return out;
}

/** The yaml package's message without its "at line L, column C:" tail and code excerpt (we report the line ourselves). */
function yamlProblem(source: string, message: string, line: number | undefined): ScenarioProblem {
  const first = (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
  const out: ScenarioProblem = { source, path: "", message: `YAML syntax: ${first}` };
  if (line !== undefined) out.line = line;
  return out;
}
