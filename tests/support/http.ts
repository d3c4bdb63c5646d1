/** The product's HTTP routes as a test or bench client calls them. */

export interface Created {
  code: string;
  trainerKey: string | null;
}

/** Creates a negotiation the way the home page does (POST /api/negotiations). */
export async function createNegotiation(url: string, body: { scenarioId: string; role?: "trainer" | "player"; timeScale?: number; passcode?: string }): Promise<Created> {
  const res = await fetch(`${url}/api/negotiations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ role: "player", ...body }) });
  const json = (await res.json()) as Created & { message?: string };
  if (res.status !== 201) throw new Error(`create failed (${res.status}): ${json.message ?? ""}`);
  return json;
}
