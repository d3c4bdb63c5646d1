import type { ExportRow } from "./export-rows.js";

export { exportRows, type CohortResults, type ExportRow } from "./export-rows.js";
export { exportJson, type CohortJsonExport, type JsonExportInput } from "./export-json.js";
export { exportXapi, xapiExtension, XAPI_COMPLETED, type XapiExportInput, type XapiStatement } from "./xapi.js";
export { validateXapiStatement } from "./xapi-validate.js";

/**
 * The cohort's exports: CSV (here), JSON with full transcripts
 * (export-json.ts) and xAPI statements (xapi.ts, checked by
 * xapi-validate.ts). The rows and their columns are described in
 * export-rows.ts.
 */

/** The CSV header, in column order. */
export const CSV_COLUMNS = [
  "session_code",
  "table",
  "seat",
  "scenario_id",
  "scenario_version",
  "role",
  "function",
  "policy",
  "reversed",
  "shared_seat",
  "deal",
  "own_points",
  "surplus_over_batna",
  "joint_points",
  "joint_of_max_pct",
  "distance_to_frontier",
  "trust",
  "value_framing",
  "goal_alignment_pct",
  "risk_coverage_pct",
] as const;

export type CsvCell = string | number | boolean | null;

/** Characters that make a spreadsheet read a cell as a formula (OWASP: = + - @, and tab / carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula
 * gets a leading apostrophe; numbers are written as they are (a negative
 * surplus stays a number). Booleans are yes / no, null is empty. A field with
 * a comma, a quote or a line break is quoted, quotes doubled.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "yes" : "no";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: fields joined by commas, records by CRLF, a CRLF after the last. */
export function toCsv(records: readonly (readonly CsvCell[])[]): string {
  return records.map((r) => `${r.map(csvField).join(",")}\r\n`).join("");
}

function cells(r: ExportRow): CsvCell[] {
  return [
    r.sessionCode,
    r.table,
    r.seat,
    r.scenarioId,
    r.scenarioVersion,
    r.role,
    r.function,
    r.policy,
    r.reversed,
    r.shared,
    r.deal,
    r.ownPoints,
    r.surplusOverBatna,
    r.jointPoints,
    r.jointOfMax,
    r.distanceToFrontier,
    r.trust,
    r.valueFraming,
    r.goalAlignment,
    r.riskCoverage,
  ];
}

/** The rows as CSV, with the header `CSV_COLUMNS`. */
export function exportCsv(rows: readonly ExportRow[]): string {
  return toCsv([[...CSV_COLUMNS], ...rows.map(cells)]);
}
