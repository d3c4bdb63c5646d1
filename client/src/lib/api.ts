import type { PublicScenario } from "../../../shared/negotiation/visibility.js";
import type { ArchivedDebrief } from "../store/store.js";

export type ScenarioSummary = Pick<PublicScenario, "id" | "version" | "title" | "kind" | "summary" | "durationMinutes" | "seats">;

export interface NegotiationInfo {
  id: string;
  status: "lobby" | "running" | "finished";
  scenario: { id: string; title: string; kind: PublicScenario["kind"]; summary: string };
  seats: (PublicScenario["seats"][number] & { taken: boolean })[];
  facilitator: boolean;
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  const body = (await res.json().catch(() => ({}))) as T & { message?: string };
  if (!res.ok) throw new Error(body.message ?? `The server answered ${res.status}.`);
  return body;
}

export const fetchScenarios = () => getJson<ScenarioSummary[]>("/api/scenarios");
export const fetchNegotiation = (code: string) => getJson<NegotiationInfo>(`/api/negotiations/${encodeURIComponent(code.trim().toUpperCase())}`);

export const KIND_LABEL: Record<PublicScenario["kind"], string> = {
  "commodity-bid": "Commodity bid",
  "strategic-partnership": "Strategic partnership",
};

/** The stored debrief of a finished negotiation, for the seat holding `token`; null when there is none. */
export async function fetchArchivedDebrief(code: string, token: string): Promise<ArchivedDebrief | null> {
  const res = await fetch(`/api/negotiations/${encodeURIComponent(code)}/debrief`, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
  if (!res?.ok) return null;
  const body = (await res.json()) as ArchivedDebrief & { scenario: PublicScenario | null };
  return body.scenario ? body : null;
}
