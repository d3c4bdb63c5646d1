import type { Side } from "../scenario/schema.js";
import { byId } from "./placement.js";
import { seatRecords, seatScores } from "./seat-records.js";
import type { Participant, ParticipantFunction, RolePolicy, TableResult } from "./types.js";

/**
 * The cohort's results as a spreadsheet: one row per person per seat (a seat
 * shared by two people gives two rows with the same figures and
 * `shared_seat` yes; a seat a bot played gives one row with function "bot").
 * No names: participants are described by function only.
 *
 * Efficiency: `joint_of_max_pct` is the deal's joint points as % of the best
 * joint points any package offered the pair, and `distance_to_frontier` the
 * Euclidean distance in points to the nearest Pareto-frontier point (0 = on
 * the frontier), both as scoring computes them (scoring/outcome.ts); empty
 * without a deal.
 */

/** What the exports are built from. */
export interface CohortResults {
  sessionCode: string;
  tables: readonly TableResult[];
  participants: readonly Participant[];
}

export interface ExportRow {
  sessionCode: string;
  table: string;
  seat: string;
  scenarioId: string;
  scenarioVersion: number;
  /** the seat's side */
  role: Side;
  function: ParticipantFunction | "bot";
  policy: RolePolicy;
  reversed: boolean | null;
  shared: boolean;
  /** null while the talks run */
  deal: boolean | null;
  ownPoints: number | null;
  surplusOverBatna: number | null;
  jointPoints: number | null;
  jointOfMax: number | null;
  distanceToFrontier: number | null;
  trust: number | null;
  valueFraming: number | null;
  goalAlignment: number | null;
  riskCoverage: number | null;
}

/** The export rows of every table, in table and seat order. */
export function exportRows(input: CohortResults): ExportRow[] {
  const people = byId(input.participants);
  return input.tables.flatMap((result) =>
    seatRecords(result, people).map((r): ExportRow => {
      const d = r.debrief;
      const scores = d ? seatScores(d) : null;
      return {
        sessionCode: input.sessionCode,
        table: result.table.id,
        seat: r.seat.id,
        scenarioId: result.scenario.id,
        scenarioVersion: result.debrief?.scenarioVersion ?? result.scenario.version,
        role: r.seat.side,
        function: r.participant?.function ?? "bot",
        policy: result.policy,
        reversed: r.reversed,
        shared: r.shared,
        deal: d ? d.outcome.deal : null,
        ownPoints: d ? d.outcome.ownPoints.value : null,
        surplusOverBatna: d ? d.outcome.surplus.value : null,
        jointPoints: d?.outcome.jointPoints?.value ?? null,
        jointOfMax: d?.outcome.jointOfMax?.value ?? null,
        distanceToFrontier: d?.outcome.distanceToFrontier?.value ?? null,
        trust: scores?.trust ?? null,
        valueFraming: scores?.valueFraming ?? null,
        goalAlignment: scores?.alignment ?? null,
        riskCoverage: scores?.riskCoverage ?? null,
      };
    }),
  );
}

