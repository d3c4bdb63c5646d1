import { useEffect } from "react";
import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PrivateBrief, PublicScenario } from "../../../shared/negotiation/visibility.js";
import { briefPoints } from "../../../shared/scenario/points.js";
import type { Package } from "../../../shared/scenario/schema.js";
import { packageOf } from "../../../shared/scoring/log-reader.js";
import type { SeatDebriefView } from "../../../shared/scoring/reveal.js";
import { describeEntry } from "../lib/describe-entry.js";
import { useStore } from "../store/store.js";
import { ConcessionChart, FrontierChart, ScoreProfile, type CurvePoint } from "./Charts.js";
import { EventLinks } from "./EventLinks.js";
import { Reveal } from "./Reveal.js";
import { AlignmentCard, RiskCard, ScoreCard } from "./ScoreCards.js";
import "./debrief.css";

export interface DebriefProps {
  view: SeatDebriefView;
  scenario: PublicScenario;
  seat: string;
  briefs: Record<string, PrivateBrief>;
  log: LogEntry[];
  seatNames: Record<string, string>;
}

const REASON: Record<string, string> = {
  accepted: "an offer was accepted", awarded: "the contract was awarded", walkaway: "a side walked away",
  timeout: "time ran out", "ended-by-facilitator": "the facilitator ended the session", "all-withdrew": "every supplier withdrew", "not-ended": "the talks were still open",
};

/** The points each side's offers and bids were worth to this seat, over time. */
function curves(log: LogEntry[], seat: string, brief: PrivateBrief | undefined): { mine: CurvePoint[]; theirs: CurvePoint[] } {
  const start = log.find((e) => e.type === "session.start")?.at ?? log[0]?.at ?? 0;
  const points = (pkg: Package) => (brief ? briefPoints(brief.brief, pkg) : 0);
  const offers = log.filter((e) => (e.type === "offer.propose" && (e.by === seat || e.payload.to === seat)) || (e.type === "bid.submit" && e.by === seat));
  const toPoints = (e: LogEntry): CurvePoint[] => {
    const pkg = packageOf(e.payload.package);
    return pkg ? [{ minutes: (e.at - start) / 60_000, points: points(pkg), seq: e.seq }] : [];
  };
  return { mine: offers.filter((e) => e.by === seat).flatMap(toPoints), theirs: offers.filter((e) => e.by !== seat).flatMap(toPoints) };
}

/** The debrief a trainee reads after the talks: result, scores with their reasons, charts, the reveal and coaching. */
export function DebriefScreen({ view, scenario, seat, briefs, log, seatNames }: DebriefProps) {
  const own = view.own;
  const focus = useStore((s) => s.focusEntry);
  useEffect(() => {
    if (focus !== null) document.getElementById(`entry-${focus}`)?.focus();
  }, [focus]);
  if (!own) return <p>You did not take part in this negotiation, so there is no personal debrief.</p>;
  const o = own.outcome;
  const pair = view.pairs[0];
  const counterpart = view.counterparts[0];
  const deal = o.deal && o.counterpartPoints ? (own.side === "procurement" ? { procurement: o.ownPoints.value, sales: o.counterpartPoints.value } : { procurement: o.counterpartPoints.value, sales: o.ownPoints.value }) : null;
  const { mine, theirs } = curves(log, seat, briefs[seat]);
  const objectiveLabel = (id: string) => scenario.objectives.find((x) => x.id === id)?.label ?? id;
  const seatName = (id: string) => seatNames[id] ?? id;

  return (
    <article className="debrief">
      <header className="debrief-head">
        <p className="eyebrow">Debrief · {scenario.title}</p>
        <h1>{o.deal ? "Deal" : "No deal"} <span className="why">— {REASON[view.outcome.reason] ?? view.outcome.reason}</span></h1>
        <p className="lead">{view.outcome.explanation}</p>
        <button type="button" className="no-print" onClick={() => window.print()}>Print / Save as PDF</button>
      </header>

      <section className="headline" aria-label="Result">
        <div className="kpi"><span className="kpi-label">Your points</span><strong>{o.ownPoints.value}</strong><span>BATNA {o.batna.value} · surplus {o.surplus.value >= 0 ? "+" : ""}{o.surplus.value}</span></div>
        {o.jointPoints ? <div className="kpi"><span className="kpi-label">Joint points</span><strong>{o.jointPoints.value}</strong><span>{o.jointOfMax ? `${Math.round(o.jointOfMax.value)} % of the best possible` : ""}</span></div> : null}
        {counterpart ? <div className="kpi"><span className="kpi-label">{seatName(counterpart.seat)}</span><strong>{counterpart.ownPoints}</strong><span>their BATNA {counterpart.batna}</span></div> : null}
        {o.leftOnTable ? <div className="kpi"><span className="kpi-label">Left on the table</span><strong>{o.leftOnTable.value}</strong><span>joint points above both BATNAs</span></div> : null}
      </section>
      <ul className="metrics outcome-lines">
        {[o.ownPoints, o.surplus, o.shareOfSurplus, o.distanceToFrontier, o.distanceToNash].filter((m) => m !== undefined).map((m) => <li key={m.label}><strong>{m.label}:</strong> {m.explanation} <EventLinks events={m.events} /></li>)}
      </ul>

      <section aria-labelledby="scores-title">
        <h2 id="scores-title">How you negotiated</h2>
        <div className="score-grid">
          <ScoreCard title="Trust" score={own.trust} />
          <ScoreCard title="Value framing" score={own.valueFraming} />
          <AlignmentCard alignment={own.alignment} />
          {own.risk ? <RiskCard risk={own.risk} /> : null}
        </div>
      </section>

      <section aria-labelledby="charts-title" className="charts">
        <h2 id="charts-title">The negotiation in pictures</h2>
        <ConcessionChart mine={mine} theirs={theirs} batna={o.batna.value} />
        {pair ? <FrontierChart pair={pair} deal={deal} mySide={own.side} /> : null}
        <ScoreProfile scores={[
          { label: "Trust", value: own.trust.value }, { label: "Value framing", value: own.valueFraming.value },
          ...(own.risk ? [{ label: "Risk coverage", value: own.risk.coverage.value }] : []), { label: "Style fit", value: own.style.fit.value },
        ]} />
      </section>

      <section aria-labelledby="style-title">
        <h2 id="style-title">Style and offers</h2>
        <p><strong>Your style: {own.style.style}.</strong> {own.style.fit.explanation} <EventLinks events={own.style.fit.events} /></p>
        <ul className="metrics">
          {own.offers.firstOffer ? <li><strong>{own.offers.firstOffer.label}:</strong> {own.offers.firstOffer.explanation} <EventLinks events={own.offers.firstOffer.events} /></li> : null}
          {own.offers.totalConcession ? <li><strong>{own.offers.totalConcession.label}:</strong> {own.offers.totalConcession.explanation}</li> : null}
          <li><strong>{own.offers.reciprocity.label}:</strong> {own.offers.reciprocity.explanation} <EventLinks events={own.offers.reciprocity.events} /></li>
        </ul>
        <h3>Key moments</h3>
        <ol className="moments">{view.keyMoments.map((m) => <li key={`${m.seq}-${m.kind}`}><a href={`#entry-${m.seq}`} onClick={() => useStore.setState({ focusEntry: m.seq })}>#{m.seq}</a> {m.caption}</li>)}</ol>
      </section>

      <Reveal scenario={scenario} briefs={briefs} seat={seat} view={view} own={own} seatName={seatName} objectiveLabel={objectiveLabel} log={log} />

      <section aria-labelledby="coach-title" className="coaching">
        <h2 id="coach-title">Coaching</h2>
        <p>{own.coaching.summary}</p>
        <ul>{own.coaching.tips.map((t) => <li key={t.id}>{t.text} <EventLinks events={t.events} /></li>)}</ul>
        <ul>{own.coaching.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>
        {own.coaching.keyLessons.length ? (<><h3>Key lessons</h3><ul>{own.coaching.keyLessons.map((l, i) => <li key={i}>{l}</li>)}</ul></>) : null}
      </section>

      <section aria-labelledby="log-title" className="debrief-transcript">
        <h2 id="log-title">The whole negotiation, revealed</h2>
        <ol>
          {log.filter((e) => e.type !== "time.tick").map((e) => {
            const line = describeEntry(e, { scenario, seatName, viewerSeat: seat });
            return (
              <li key={e.seq} id={`entry-${e.seq}`} tabIndex={-1} className={`entry tone-${line.tone}${focus === e.seq ? " focused" : ""}`}>
                <span className="entry-kind">#{e.seq} {line.kind}</span> <span className="entry-title">{line.title}</span>
                {line.detail ? <p className="entry-detail">{line.detail}</p> : null}
              </li>
            );
          })}
        </ol>
      </section>
    </article>
  );
}

export default DebriefScreen;
