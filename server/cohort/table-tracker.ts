import type { NegotiationContext } from "../../shared/negotiation/context.js";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { findSeat, pointsFor } from "../../shared/scenario/points.js";
import type { TableSummary } from "../../shared/cohort/dashboard.js";
import type { Package, Scenario } from "../../shared/scenario/schema.js";

export type { TableSummary };

export interface SeatLine {
  id: string;
  side: string;
  displayName: string;
  connection: string;
  occupant: string;
  optional: boolean;
}

/** No move by any seat for this long while the clock runs: the dashboard says the table has stalled. */
export const STALLED_MS = 5 * 60_000;

const SYSTEM_ACTORS = new Set(["system", "facilitator"]);

/**
 * Follows one negotiation's log for the dashboard, one batch of new entries
 * at a time, so a summary costs the same in the 80th minute as in the 5th.
 */
export class TableTracker {
  private lastOffer: TableSummary["lastOffer"] = null;
  private bypass = false;
  private lastMoveAt = 0;

  constructor(private readonly scenario: Scenario, private readonly code: string) {}

  add(entries: readonly LogEntry[]): void {
    for (const e of entries) {
      if (!SYSTEM_ACTORS.has(e.by)) this.lastMoveAt = Math.max(this.lastMoveAt, e.at);
      if (e.type === "stakeholder.contact") this.bypass = true;
      if (e.type === "offer.propose" || e.type === "bid.submit") this.lastOffer = this.offerPoints(e);
    }
  }

  summary(ctx: NegotiationContext, seats: readonly SeatLine[], finished: boolean, now: number): TableSummary {
    const flags: TableSummary["flags"] = [];
    if (this.bypass) flags.push("bypass");
    const running = !finished && ctx.phase !== "lobby" && ctx.pausedAt === null;
    if (running && now - Math.max(this.lastMoveAt, ctx.phaseStartedAt ?? 0) > STALLED_MS) flags.push("stalled");
    if (seats.some((s) => s.occupant && (s.connection === "reconnecting" || s.connection === "absent"))) flags.push("disconnected");
    if (seats.some((s) => !s.optional && !s.occupant)) flags.push("empty-seat");
    return {
      code: this.code,
      scenarioId: this.scenario.id,
      phase: ctx.phase,
      phaseEndsAt: ctx.phaseEndsAt ?? 0,
      paused: ctx.pausedAt !== null,
      status: finished ? "finished" : ctx.phase === "lobby" ? "lobby" : "running",
      seats: seats.map((s) => ({ seat: s.id, side: s.side, names: s.displayName, connection: s.occupant ? s.connection : "empty" })),
      lastOffer: this.lastOffer,
      outcome: ctx.ending?.outcome ?? null,
      flags,
      lastMoveAt: this.lastMoveAt,
    };
  }

  private offerPoints(e: LogEntry): TableSummary["lastOffer"] {
    const pkg = packageOf(e.payload.package);
    if (!pkg) return this.lastOffer;
    const other = e.type === "offer.propose" && typeof e.payload.to === "string" ? [e.payload.to] : this.scenario.seats.filter((s) => s.side === "procurement").map((s) => s.id);
    const points: Record<string, number> = {};
    for (const id of [e.by, ...other]) {
      const seat = findSeat(this.scenario, id);
      if (seat) points[id] = pointsFor(seat, pkg);
    }
    return { by: e.by, points };
  }
}

function packageOf(value: unknown): Package | null {
  if (typeof value !== "object" || value === null) return null;
  const out: Package = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
  return out;
}
