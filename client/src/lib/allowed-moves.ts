import type { PublicScenario } from "../../../shared/negotiation/visibility.js";
import { movesFor } from "../../../shared/scenario/phase-rules.js";
import type { MoveType, Side } from "../../../shared/scenario/schema.js";

/**
 * The moves to offer a seat in a phase: the shared rules applied to the
 * public phase, which carries the scenario's per-phase `moves` overrides (so
 * the browser offers exactly what the server allows), and none once the seat
 * has withdrawn. The server re-checks every move anyway.
 */
export function allowedMoves(phase: PublicScenario["phases"][number], seat: { side: Side; withdrawn: boolean }): ReadonlySet<MoveType> {
  if (seat.withdrawn) return new Set();
  return new Set(movesFor(phase, seat.side));
}
