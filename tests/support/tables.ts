import { SeatClient } from "./seat-client.js";
import { createNegotiation, type TestServer } from "./server.js";

export interface Table {
  code: string;
  trainerKey: string | null;
  seats: Record<string, SeatClient>;
  trainer: SeatClient | null;
}

/**
 * A negotiation created through the product's own route and joined over real
 * sockets: one client per named seat (in order), and the trainer's view when
 * the trainer created it.
 */
export async function openTable(server: TestServer, scenarioId: string, seats: Record<string, string>, o: { trainer?: boolean; timeScale?: number } = {}): Promise<Table> {
  const created = await createNegotiation(server.url, { scenarioId, role: o.trainer ? "trainer" : "player", ...(o.timeScale ? { timeScale: o.timeScale } : {}) });
  const sdk = server.colyseus.sdk;
  const clients: Record<string, SeatClient> = {};
  for (const [seat, name] of Object.entries(seats)) clients[seat] = new SeatClient(await sdk.joinById(created.code, { seat, name }), seat);
  const trainer = created.trainerKey ? new SeatClient(await sdk.joinById(created.code, { trainerKey: created.trainerKey }), "trainer") : null;
  return { code: created.code, trainerKey: created.trainerKey, seats: clients, trainer };
}

/** Leaves every connection of a table, without waiting for the server's goodbye (leave() never rejects). */
export function leaveTable(t: Table): void {
  for (const c of Object.values(t.seats)) void c.room.leave();
  void t.trainer?.room.leave();
}
