import type { ScenarioAnalysis } from "./analysis.js";
import type { ReferenceProblem } from "./references.js";
import type { Scenario } from "./schema.js";

/**
 * Whether a scenario's numbers make a worthwhile exercise: a negotiation
 * nobody can win rationally, or a "partnership" with nothing to trade,
 * teaches the wrong lesson. Used by `npm run scenarios:check`.
 *
 * - error: no buyer–supplier pair has a deal zone;
 * - warning: one pair has none (a commodity-bid supplier may be meant to lose);
 * - error: a strategic partnership whose integrative potential is 0.
 */
export function analysisProblems(scenario: Scenario, analysis: ScenarioAnalysis): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const seatIndex = (id: string) => scenario.seats.findIndex((s) => s.id === id);
  for (const pair of analysis.pairs) {
    if (!pair.dealZone) {
      problems.push({
        path: ["seats", seatIndex(pair.salesSeat), "brief", "batna"],
        severity: "warning",
        message: `no deal zone between "${pair.procurementSeat}" and "${pair.salesSeat}": no package gives procurement more than ${pair.batna.procurement} and sales more than ${pair.batna.sales} points`,
      });
    }
    if (scenario.kind === "strategic-partnership" && pair.integrativePotential <= 0) {
      problems.push({
        path: ["seats", seatIndex(pair.salesSeat), "brief", "scoring"],
        severity: "error",
        message: `no integrative potential between "${pair.procurementSeat}" and "${pair.salesSeat}": splitting every issue down the middle is already as good jointly as any package; give the sides different priorities across issues, or add an issue both want the same way`,
      });
    }
  }
  if (analysis.pairs.length > 0 && !analysis.pairs.some((p) => p.dealZone)) {
    problems.push({
      path: ["seats"],
      severity: "error",
      message: "no buyer–supplier pair has a deal zone: no agreement beats both sides' BATNAs; lower a BATNA or change the scoring tables",
    });
  }
  return problems;
}
