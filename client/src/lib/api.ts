import type { PublicScenario } from "../../../shared/negotiation/visibility.js";

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
