import { Delayed, type Clock as ColyseusClock } from "@colyseus/core";
import type { Clock } from "../../shared/clock.js";

/**
 * The negotiation runner's clock inside a room: wall-clock time for the log
 * and deadlines players see, and the room's own timers so they die with it.
 */
export function roomClock(clock: ColyseusClock, now: () => number = Date.now): Clock {
  return {
    now,
    setTimeout: (fn, ms) => clock.setTimeout(fn, Math.max(0, ms)),
    clearTimeout: (id) => {
      if (id instanceof Delayed) id.clear();
    },
  };
}
