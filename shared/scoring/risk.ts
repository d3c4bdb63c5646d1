import type { LogEntry } from "../negotiation/events.js";
import { RISK_CATEGORIES } from "../scenario/schema.js";
import { termsMet, type Run, type SeatContext } from "./context.js";
import { ofType, reaches, str } from "./log-reader.js";
import { metric, pct, plural } from "./metric.js";
import { raiseHasSubstance, riskAnswers, type RiskAnswer } from "./substance.js";
import type { Ignored, RiskCoverage, RiskStatus } from "./types.js";

/** Raises of a risk at this seat's table: its own, and its counterparts' that reached it. */
function raisesAtTable(run: Run, ctx: SeatContext, others: ReadonlySet<string>): LogEntry[] {
  return ofType(run.log, "risk.raise").filter((e) => (e.by === ctx.seat.id || (others.has(e.by) && reaches(e, ctx.seat.id))) && raiseHasSubstance(run.scenario, e));
}

/**
 * Risk coverage (the common ground of risk management: operational,
 * financial, information security). A risk is answered once it was raised at
 * the table and then either answered by another seat with a concrete
 * mitigation (a listed commitment or one of the risk's mitigating terms), or
 * carried by a term of this seat's deal. A seat earns a risk it raised, or
 * answered, when the risk was answered; a risk nobody raised earns nothing,
 * even when a deal term happens to cover it. Coverage is the share of the
 * scenario's risks this seat earns. Null when the scenario lists no risks.
 */
export function scoreRisk(run: Run, ctx: SeatContext): RiskCoverage | null {
  const risks = run.scenario.risks;
  if (risks.length === 0) return null;
  const seat = ctx.seat.id;
  const others = new Set(ctx.counterparts.map((c) => c.id));
  const table = new Set([seat, ...others]);
  const raised = raisesAtTable(run, ctx, others);
  const answers = riskAnswers(run, table).filter((a) => a.entry.by === seat || reaches(a.entry, seat));
  const pkg = ctx.deal ? run.agreement?.package : undefined;
  const events: number[] = [];
  const ignored: Ignored[] = [];
  for (const a of answers) {
    if (a.entry.by !== seat) continue;
    if (!a.raise) ignored.push({ seq: a.entry.seq, why: `answers nothing yet: nobody across the table had raised a ${a.risk.category} risk` });
    else if (!a.concrete) ignored.push({ seq: a.entry.seq, why: "not concrete: commit to a listed mitigation, or to a term that answers the risk and that the deal carries" });
  }
  const credited = (a: RiskAnswer) => a.raise !== null && a.concrete;
  const statuses = risks.map((r): RiskStatus & { category: string } => {
    const raisedBy = raised.filter((e) => str(e.payload, "risk") === r.id);
    const answeredBy = answers.filter((a) => credited(a) && (str(a.raise?.payload ?? {}, "risk") === r.id || (a.risk.id === r.id && raisedBy.length > 0)));
    const inDeal = pkg !== undefined && termsMet(r.mitigatedBy, pkg);
    const wasRaised = raisedBy.length > 0;
    const how = answeredBy.length > 0 ? "move" : wasRaised && inDeal ? "deal-term" : null;
    const tookPart = raisedBy.some((e) => e.by === seat) || answeredBy.some((a) => a.entry.by === seat) || (how === "deal-term" && raisedBy.some((e) => e.by === seat));
    const earned = how !== null && tookPart;
    if (earned) {
      events.push(...raisedBy.slice(0, 1).map((e) => e.seq), ...answeredBy.map((a) => a.entry.seq));
      if (how === "deal-term" && run.agreement) events.push(run.agreement.source);
    }
    return { risk: r.id, title: r.title, raised: wasRaised, addressed: how, credited: earned, inDeal, category: r.category };
  });
  const earned = statuses.filter((s) => s.credited);
  const unanswered = statuses.filter((s) => s.raised && s.addressed === null);
  const untouched = statuses.filter((s) => !s.raised && s.inDeal);
  const text =
    `You earned ${earned.length} of the scenario's ${plural(risks.length, "risk")}: raised at the table and answered with a concrete mitigation or a deal term, with you raising or answering it` +
    (unanswered.length > 0 ? `; raised but left unanswered: ${unanswered.map((s) => s.title).join(", ")}` : "") +
    (untouched.length > 0 ? `; covered by the deal but never discussed (not counted): ${untouched.map((s) => s.title).join(", ")}` : "") +
    ".";
  const categories = RISK_CATEGORIES.filter((c) => statuses.some((s) => s.category === c)).map((category) => ({
    category,
    risks: statuses.filter((s) => s.category === category).map(({ category: _c, ...status }) => status),
  }));
  return {
    coverage: metric(pct(earned.length, risks.length), "Risk coverage", text, events, ignored),
    categories,
    unanswered: unanswered.map((s) => s.risk),
  };
}
