import { normaliseCode } from "../lib/codes.js";
import { readLocal, writeLocal } from "../lib/tokens.js";

/**
 * What this device remembers about sessions besides their credentials
 * (lib/tokens.ts): the sessions this trainer created here, which session a
 * table belongs to (for the way back), and which tables are over for me.
 */

export interface SavedSession {
  code: string;
  title: string;
  createdAt: number;
}

const LIST = "sessions-on-device";
const tableSession = (table: string) => `session-of-table:${normaliseCode(table)}`;
const tableDone = (table: string) => `session-table-done:${normaliseCode(table)}`;

function parseList(raw: string | null): SavedSession[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((v): v is SavedSession => Boolean(v) && typeof v === "object" && typeof v.code === "string" && typeof v.title === "string" && typeof v.createdAt === "number");
  } catch {
    return [];
  }
}

/** The sessions created on this device, newest first. */
export function savedSessions(): SavedSession[] {
  return parseList(readLocal(LIST)).sort((a, b) => b.createdAt - a.createdAt);
}

export function rememberSession(session: SavedSession): void {
  writeLocal(LIST, JSON.stringify([session, ...savedSessions().filter((s) => s.code !== session.code)]));
}

export function forgetSession(code: string): void {
  writeLocal(LIST, JSON.stringify(savedSessions().filter((s) => s.code !== normaliseCode(code))));
}

/** Notes that the negotiation `table` is a table of session `session`. */
export function linkTable(table: string, session: string): void {
  writeLocal(tableSession(table), normaliseCode(session));
}

export function sessionOfTable(table: string): string | null {
  return readLocal(tableSession(table));
}

/** This participant's negotiation at `table` reached its debrief: the session screen offers the after poll instead of sending them back. */
export function markTableDone(table: string): void {
  writeLocal(tableDone(table), "1");
}

export function isTableDone(table: string): boolean {
  return readLocal(tableDone(table)) === "1";
}
