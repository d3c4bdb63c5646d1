import { matchMaker } from "@colyseus/core";
import type { Logger } from "../log.js";
import type { NegotiationStore } from "../storage/store.js";
import type { CohortCreateOptions } from "./CohortRoom.js";

/**
 * Makes sure a cohort has a live room (after a restart, or once it was put
 * away while nobody was connected), so its code and links keep working.
 * True when this call created the room.
 */
export async function ensureCohortHosted(store: NegotiationStore, code: string, log: Logger): Promise<boolean> {
  const cohort = await store.cohorts.get(code);
  if (!cohort) return false;
  if ((await matchMaker.query({ roomId: code })).length > 0) return false;
  const claims = await matchMaker.presence.hincrbyex("cohort:host", code, 1, 10);
  if (claims !== 1) return false; // another process (or call) is bringing it back
  try {
    const options: CohortCreateOptions = { cohort: code };
    await matchMaker.createRoom("cohort", options);
    return true;
  } catch (error) {
    log.error("could not host cohort", { cohort: code, error: error instanceof Error ? error.message : String(error) });
    return false;
  } finally {
    await matchMaker.presence.hdel("cohort:host", code);
  }
}
