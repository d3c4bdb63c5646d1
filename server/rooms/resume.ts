import { matchMaker } from "@colyseus/core";
import { randomBytes } from "node:crypto";
import type { Logger } from "../log.js";
import type { NegotiationStore } from "../storage/store.js";

/** A per-process secret: only this process's own resume calls may create a room from a stored negotiation. */
const RESTORE_KEY = randomBytes(16).toString("hex");

export function isRestoreKey(key: unknown): boolean {
  return key === RESTORE_KEY;
}

/**
 * After a restart, brings back every negotiation that was not finished, with
 * its original id so seats rejoin with their code and token. With several
 * processes sharing Redis, a short-lived presence counter lets only one of
 * them resume each negotiation.
 */
export async function resumeUnfinished(store: NegotiationStore, log: Logger): Promise<string[]> {
  const resumed: string[] = [];
  for (const record of await store.listUnfinished()) {
    if (record.status === "lobby" && (await store.listSeats(record.id)).length === 0) continue; // never started, nobody to come back
    const claims = await matchMaker.presence.hincrbyex("negotiation:resume", record.id, 1, 60);
    if (claims !== 1) continue;
    try {
      await matchMaker.createRoom("negotiation", { restore: record.id, restoreKey: RESTORE_KEY });
      resumed.push(record.id);
    } catch (error) {
      log.error("could not resume negotiation", { negotiation: record.id, error: (error as Error).message });
    }
  }
  return resumed;
}
