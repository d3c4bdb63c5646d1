/**
 * The time source the negotiation runner schedules deadlines with. XState's
 * `SimulatedClock` fits it for tests, and a Colyseus room can delegate to its
 * own `this.clock` so that timers die with the room.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}
