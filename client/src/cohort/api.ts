import { ApiError, errorMessage } from "../lib/api.js";
import { normaliseCode } from "../lib/codes.js";
import type { RolePolicy, SessionScenario } from "./types.js";

/** The session routes of the HTTP API (docs/cohorts.md). */

export interface SessionInfo {
  code: string;
  title: string;
  status: "setup" | "running" | "ended";
  /** The role policy; self-select asks each participant which side they would like to play. */
  policy?: string;
  scenarios: Pick<SessionScenario, "id" | "title" | "kind">[];
}

export interface CreatedSession {
  code: string;
  /** Only in this one answer: the server keeps its hash alone. */
  trainerKey: string;
}

interface ErrorBody { error?: unknown; message?: unknown; retryAfterSeconds?: unknown }

async function send(path: string, init?: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError("The server cannot be reached. Check your connection and try again.", "network", 0);
  }
  if (res.ok) return res;
  const body: unknown = await res.json().catch(() => null);
  const err: ErrorBody | null = body && typeof body === "object" ? body : null;
  const retry = typeof err?.retryAfterSeconds === "number" ? err.retryAfterSeconds : null;
  throw new ApiError(errorMessage(res.status, err), typeof err?.error === "string" ? err.error : "http-error", res.status, retry);
}

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await send(path, init);
  // This page's own server, typed after the contract in docs/cohorts.md; no server→client schema exists to parse it with yet.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- trusted same-origin JSON, see above
  return (await res.json()) as T;
}

const sessionPath = (code: string) => `/api/sessions/${encodeURIComponent(normaliseCode(code))}`;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export function createSession(body: { title: string; scenarioIds: string[]; policy: RolePolicy; minutes?: number; passcode?: string }): Promise<CreatedSession> {
  return json<CreatedSession>("/api/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

export const fetchSession = (code: string) => json<SessionInfo>(sessionPath(code));

export type ExportKind = "csv" | "json" | "xapi";
const EXPORT_FILE: Record<ExportKind, string> = { csv: "export.csv", json: "export.json", xapi: "xapi.json" };

/** Fetches an export with the trainer key (it must not ride in a URL) and hands it to the browser as a file. */
export async function downloadExport(code: string, key: string, kind: ExportKind): Promise<void> {
  const res = await send(`${sessionPath(code)}/${EXPORT_FILE[kind]}`, { headers: bearer(key) });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = `session-${normaliseCode(code)}-${EXPORT_FILE[kind]}`;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download; a moment later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Erases the session, its participants and its negotiations (204). */
export async function eraseSession(code: string, key: string): Promise<void> {
  await send(sessionPath(code), { method: "DELETE", headers: bearer(key) });
}
