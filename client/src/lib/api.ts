import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PrivateBrief, PublicScenario } from "../../../shared/negotiation/visibility.js";
import type { SeatDebriefView } from "../../../shared/scoring/reveal.js";
import type { ArchivedDebrief } from "../store/store.js";
import { normaliseCode } from "./codes.js";

export type ScenarioSummary = Pick<PublicScenario, "id" | "version" | "title" | "kind" | "summary" | "durationMinutes" | "seats">;

export interface NegotiationInfo {
  id: string;
  status: "lobby" | "running" | "finished";
  scenario: { id: string; title: string; kind: PublicScenario["kind"]; summary: string };
  seats: (PublicScenario["seats"][number] & { taken: boolean })[];
}

export interface ServerInfo {
  version: string;
  protocol: number;
  trainerPasscodeRequired: boolean;
}

export interface CreatedNegotiation {
  code: string;
  /** Only for role "trainer", and only in this one answer: the server keeps its hash alone. */
  trainerKey: string | null;
}

/** A refusal from the HTTP API, with the server's code and a message a person can act on. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

interface ErrorBody { error?: unknown; message?: unknown; retryAfterSeconds?: unknown }

/** The words to show for a refused request; a rate limit always says how long to wait. */
export function errorMessage(status: number, body: ErrorBody | null): string {
  const retry = typeof body?.retryAfterSeconds === "number" ? Math.max(1, Math.ceil(body.retryAfterSeconds)) : null;
  const message = typeof body?.message === "string" && body.message ? body.message : null;
  if (status === 429) return retry ? `Too many attempts — try again in ${retry} seconds.` : (message ?? "Too many attempts — try again in a minute.");
  return message ?? `The server answered ${status}. Try again in a moment.`;
}

async function requestJson<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError("The server cannot be reached. Check your connection and try again.", "network", 0);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = body && typeof body === "object" ? (body as ErrorBody) : null;
    const retry = typeof err?.retryAfterSeconds === "number" ? err.retryAfterSeconds : null;
    throw new ApiError(errorMessage(res.status, err), typeof err?.error === "string" ? err.error : "http-error", res.status, retry);
  }
  // The answer of this page's own server, typed by the caller after shared/'s types; no server→client schema exists to parse it with yet.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- trusted same-origin JSON, see above
  return body as T;
}

export const fetchServerInfo = () => requestJson<ServerInfo>("/api/server");
export const fetchScenarios = () => requestJson<ScenarioSummary[]>("/api/scenarios");
export const fetchNegotiation = (code: string) => requestJson<NegotiationInfo>(`/api/negotiations/${encodeURIComponent(normaliseCode(code))}`);

/** Creates a negotiation; joining it is a separate step (joinById). */
export function createNegotiation(body: { scenarioId: string; role: "trainer" | "player"; passcode?: string; timeScale?: number }): Promise<CreatedNegotiation> {
  return requestJson<CreatedNegotiation>("/api/negotiations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

export const KIND_LABEL: Record<PublicScenario["kind"], string> = {
  "commodity-bid": "Commodity bid",
  "strategic-partnership": "Strategic partnership",
};

/** A seat's answer carries its own debrief; the trainer's (seat null) every seat's, by seat id. */
type DebriefAnswer = ({ seat: string; debrief: SeatDebriefView } | { seat: null; debrief: Record<string, SeatDebriefView> }) & {
  viewer: string;
  scenario: PublicScenario | null;
  briefs: Record<string, PrivateBrief>;
  log: LogEntry[];
  seatNames: Record<string, string>;
};

/**
 * The stored debrief of a finished negotiation, for a seat token or the
 * trainer key; null when there is none (not finished, or not this credential's).
 */
export async function fetchArchivedDebrief(code: string, credential: string): Promise<ArchivedDebrief | null> {
  const body = await requestJson<DebriefAnswer>(`/api/negotiations/${encodeURIComponent(normaliseCode(code))}/debrief`, {
    headers: { authorization: `Bearer ${credential}` },
  }).catch(() => null);
  if (!body?.scenario) return null;
  const debriefs: Record<string, SeatDebriefView> = body.seat !== null ? { [body.seat]: body.debrief } : body.debrief;
  return { seat: body.seat, debriefs, scenario: body.scenario, briefs: body.briefs, log: body.log, seatNames: body.seatNames };
}
