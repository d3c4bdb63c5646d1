import { matchMaker } from "@colyseus/core";
import type { Logger } from "../log.js";
import type { NegotiationStore } from "../storage/store.js";
import type { CreateOptions } from "./NegotiationRoom.js";

/**
 * After a restart, brings back every negotiation that was not finished, with
 * its original id so seats rejoin with their code and token. With several
 * processes sharing Redis, a short-lived presence counter lets only one of
 * them resume each negotiation.
 */
export async function resumeUnfinished(store: NegotiationStore, log: Logger): Promise<string[]> {
  const resumed: string[] = [];
  for (const record of await store.listUnfinished()) {
    // Never joined: nobody to come back to it now; its code or trainer link reopens it on demand.
    if (record.status === "lobby" && (await store.listSeats(record.id)).every((s) => s.seatId.startsWith("#"))) continue;
    if (await host(record.id, log)) resumed.push(record.id);
  }
  return resumed;
}

/**
 * Makes sure an unfinished negotiation has a live room (after an idle room
 * was disposed, say), so its code keeps working. True when this call
 * created the room.
 */
export async function ensureHosted(store: NegotiationStore, id: string, log: Logger): Promise<boolean> {
  const record = await store.getNegotiation(id);
  if (!record || record.status === "finished") return false;
  if ((await matchMaker.query({ roomId: id })).length > 0) return false;
  return host(id, log);
}

async function host(id: string, log: Logger): Promise<boolean> {
  const claims = await matchMaker.presence.hincrbyex("negotiation:resume", id, 1, 10);
  if (claims !== 1) return false; // another process (or call) is bringing it back
  try {
    // Only the server's own code creates rooms (Colyseus's public create route is closed in http/matchmaking.ts).
    const options: CreateOptions = { restore: id };
    await matchMaker.createRoom("negotiation", options);
    return true;
  } catch (error) {
    log.error("could not resume negotiation", { negotiation: id, error: error instanceof Error ? error.message : String(error) });
    return false;
  } finally {
    await matchMaker.presence.hdel("negotiation:resume", id);
  }
}
