/** What the trainer's dashboard shows of a table: the server builds it (server/cohort/table-tracker.ts), the client renders it. */

export type TableFlag = "bypass" | "stalled" | "disconnected" | "empty-seat";

/** A negotiation as the trainer's dashboard shows it (docs/cohorts.md). */
export interface TableSummary {
  code: string;
  scenarioId: string;
  phase: string;
  phaseEndsAt: number;
  paused: boolean;
  status: "lobby" | "running" | "finished";
  seats: { seat: string; side: string; names: string; connection: string }[];
  /** The latest offer or bid, in the points of both seats of its pair. */
  lastOffer: { by: string; points: Record<string, number> } | null;
  outcome: "deal" | "no-deal" | null;
  flags: TableFlag[];
  lastMoveAt: number;
}

