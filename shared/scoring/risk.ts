import type { LogEntry } from "../negotiation/events.js";
import { RISK_CATEGORIES } from "../scenario/schema.js";
import { termsMet, type Run, type SeatContext } from "./context.js";
import { ofType, reaches, str } from "./log-reader.js";
import { metric, pct, plural } from "./metric.js";
import type { RiskCoverage, RiskStatus } from "./types.js";

/** Risk moves this seat made, or that a counterpart made towards it. */
function riskMoves(run: Run, ctx: SeatContext, type: "risk.raise" | "risk.address"): LogEntry[] {
  const others = new Set(ctx.counterparts.map((c) => c.id));
  return ofType(run.log, type).filter((e) => e.by === ctx.seat.id || (others.has(e.by) && reaches(e, ctx.seat.id)));
}

/**
 * Risk coverage (the common ground of risk management: operational,
 * financial, information security): for each of the scenario's risks, was it
 * raised, and was it addressed — by a `risk.address` move or by a deal term
 * that mitigates it? Coverage is the share of the scenario's risks addressed.
 * Null when the scenario lists no risks.
 */
export function scoreRisk(run: Run, ctx: SeatContext): RiskCoverage | null {
  const risks = run.scenario.risks;
  if (risks.length === 0) return null;
  const raised = riskMoves(run, ctx, "risk.raise");
  const addressed = riskMoves(run, ctx, "risk.address");
  const pkg = ctx.deal ? run.agreement?.package : undefined;
  const events: number[] = [];
  const statuses = risks.map((r): RiskStatus & { category: string } => {
    const raisedBy = raised.filter((e) => str(e.payload, "risk") === r.id);
    const addressedBy = addressed.filter((e) => str(e.payload, "risk") === r.id);
    const byTerm = pkg !== undefined && termsMet(r.mitigatedBy, pkg);
    events.push(...raisedBy.map((e) => e.seq), ...addressedBy.map((e) => e.seq));
    if (byTerm && run.agreement) events.push(run.agreement.source);
    const how = addressedBy.length > 0 ? "move" : byTerm ? "deal-term" : null;
    return { risk: r.id, title: r.title, raised: raisedBy.length > 0, addressed: how, category: r.category };
  });
  const covered = statuses.filter((s) => s.addressed !== null);
  const unanswered = statuses.filter((s) => s.raised && s.addressed === null);
  const text =
    `${covered.length} of the scenario's ${plural(risks.length, "risk")} were addressed in the talks or by a deal term` +
    (unanswered.length > 0 ? `; raised but left unanswered: ${unanswered.map((s) => s.title).join(", ")}.` : ".");
  const categories = RISK_CATEGORIES.filter((c) => statuses.some((s) => s.category === c)).map((category) => ({
    category,
    risks: statuses.filter((s) => s.category === category).map(({ category: _c, ...status }) => status),
  }));
  return {
    coverage: metric(pct(covered.length, risks.length), "Risk coverage", text, events),
    categories,
    unanswered: unanswered.map((s) => s.risk),
  };
}
