import { useEffect, useMemo } from "react";
import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PrivateBrief, PublicScenario } from "../../../shared/negotiation/visibility.js";
import { briefPoints } from "../../../shared/scenario/points.js";
import type { Package } from "../../../shared/scenario/schema.js";
import { packageOf } from "../../../shared/scoring/log-reader.js";
import type { SeatDebriefView } from "../../../shared/scoring/reveal.js";
import type { SeatResult } from "../../../shared/scoring/types.js";
import { describeEntry } from "../lib/describe-entry.js";
import { useStore } from "../store/store.js";
import { ConcessionChart, FrontierChart, ScoreProfile, type CurvePoint } from "./Charts.js";
import { EventLinks, IgnoredList } from "./EventLinks.js";
import { EntryNames, entryNamer, goToEntry } from "./entry-names.js";
import { Glossary } from "./Glossary.js";
import { SubjectiveValue } from "./SubjectiveValue.js";
import { Summary } from "./Summary.js";
import { ReceivedBids } from "./ReceivedBids.js";
import { Reveal } from "./Reveal.js";
import { YearLaterPanel } from "./YearLater.js";
import { AlignmentCard, RiskCard, ScoreCard } from "./ScoreCards.js";
import "./debrief.css";

export interface DebriefProps {
  view: SeatDebriefView;
  scenario: PublicScenario;
  seat: string;
  briefs: Record<string, PrivateBrief>;
  log: LogEntry[];
  seatNames: Record<string, string>;
  /** The trainer's view: both sides' survey answers may be shown. A seat's own view never shows another seat's. */
  trainer?: boolean;
}

/** Minutes since the session started, for the transcript's time marks. */
const minuteOf = (log: readonly LogEntry[], at: number) => {
  const start = log.find((e) => e.type === "session.start")?.at ?? log[0]?.at ?? at;
  return Math.max(0, Math.floor((at - start) / 60_000));
};

/** Print the whole debrief: every collapsed part opens for the printer, and closes again after. */
function useOpenForPrint() {
  useEffect(() => {
    const opened: HTMLDetailsElement[] = [];
    const before = () => {
      for (const d of document.querySelectorAll<HTMLDetailsElement>(".debrief details:not([open])")) {
        d.open = true;
        opened.push(d);
      }
    };
    const after = () => {
      for (const d of opened.splice(0)) d.open = false;
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
}

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

/**
 * The debrief a trainee reads after the talks: first a one-page summary a
 * manager would read (who, when, the terms, the result against the BATNA and
 * the best possible, what went well and what to change), how the result felt
 * against the points, a short glossary, then the details: scores with their
 * reasons, charts, the reveal, coaching and the whole transcript.
 */
export function DebriefScreen({ view, scenario, seat, briefs, log, seatNames, trainer = false }: DebriefProps) {
  const own = view.own;
  const focus = useStore((s) => s.focusEntry);
  useEffect(() => {
    if (focus !== null) goToEntry(focus);
  }, [focus]);
  useOpenForPrint();
  const seatName = (id: string) => seatNames[id] ?? scenario.seats.find((x) => x.id === id)?.organisation ?? "another seat";
  const namer = useMemo(() => entryNamer(log, scenario, seat, seatName), [log, scenario, seat, seatNames]);
  if (!own) return <p>You did not take part in this negotiation, so there is no personal debrief.</p>;
  const o = own.outcome;
  // A debrief stored before seats had a result carries only `deal`.
  const result: SeatResult = o.result ?? (o.deal ? "deal" : "no-deal");
  const won = result === "deal" || result === "second-source";
  const inPair = (p: (typeof view.pairs)[number]) => [p.procurementSeat, p.salesSeat].includes(seat) && (o.counterpart === null || [p.procurementSeat, p.salesSeat].includes(o.counterpart));
  const pair = view.pairs.find(inPair) ?? view.pairs[0];
  const deal = won && o.counterpartPoints ? (own.side === "procurement" ? { procurement: o.ownPoints.value, sales: o.counterpartPoints.value } : { procurement: o.counterpartPoints.value, sales: o.ownPoints.value }) : null;
  const { mine, theirs } = curves(log, seat, briefs[seat]);
  const received = own.offers.received?.filter((r) => r.points.length > 0) ?? [];
  const objectiveLabel = (id: string) => scenario.objectives.find((x) => x.id === id)?.label ?? id;
  const transcript = log.filter((e) => e.type !== "time.tick");

  return (
    <EntryNames.Provider value={namer}>
      <article className="debrief">
        <Summary view={view} own={own} scenario={scenario} seat={seat} briefs={briefs} log={log} seatName={seatName} pair={pair} result={result} />

        <SubjectiveValue own={own} seat={seat} log={log} seatName={seatName} trainer={trainer} />

        <Glossary />

        <div className="debrief-details">
          <h2 className="details-title">The details</h2>

          <details className="outcome-workings">
            <summary>How the result was worked out</summary>
            <ul className="metrics outcome-lines">
              {[o.ownPoints, o.surplus, o.shareOfSurplus, o.jointOfMax, o.distanceToFrontier, o.distanceToNash, o.leftOnTable].filter((m) => m !== undefined).map((m) => <li key={m.label}><strong>{m.label}:</strong> {m.explanation} <EventLinks events={m.events} /><IgnoredList ignored={m.ignored} /></li>)}
            </ul>
          </details>

          {own.yearLater ? <YearLaterPanel later={own.yearLater} seat={seat} /> : null}

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
            {mine.length === 0 && theirs.length === 0 && received.length > 0 ? <ReceivedBids received={received} log={log} scenario={scenario} /> : <ConcessionChart mine={mine} theirs={theirs} batna={o.batna.value} />}
            {pair ? <FrontierChart pair={pair} deal={deal} mySide={own.side} dealLabel={result === "second-source" ? "your second-source share" : "your deal"} /> : null}
            <ScoreProfile scores={[
              { label: "Trust", value: own.trust.value }, { label: "Value framing", value: own.valueFraming.value },
              ...(own.risk ? [{ label: "Risk coverage", value: own.risk.coverage.value }] : []), { label: "Style fit", value: own.style.fit.value },
            ]} />
          </section>

          <section aria-labelledby="style-title">
            <h2 id="style-title">Style and offers</h2>
            <p><strong>Your style: {own.style.style}.</strong> {own.style.fit.explanation} <EventLinks events={own.style.fit.events} /></p>
            <IgnoredList ignored={own.style.fit.ignored} />
            <ul className="metrics">
              {own.offers.firstOffer ? <li><strong>{own.offers.firstOffer.label}:</strong> {own.offers.firstOffer.explanation} <EventLinks events={own.offers.firstOffer.events} /></li> : null}
              {own.offers.totalConcession ? <li><strong>{own.offers.totalConcession.label}:</strong> {own.offers.totalConcession.explanation} <EventLinks events={own.offers.totalConcession.events} /><IgnoredList ignored={own.offers.totalConcession.ignored} /></li> : null}
              <li><strong>{own.offers.reciprocity.label}:</strong> {own.offers.reciprocity.explanation} <EventLinks events={own.offers.reciprocity.events} /><IgnoredList ignored={own.offers.reciprocity.ignored} /></li>
            </ul>
            {own.meso?.length ? (
              <>
                <h3>Multiple equivalent offers (MESO)</h3>
                <ul className="metrics meso-insights">
                  {own.meso.map((m) => <li key={m.seq}>{m.by === seat ? m.forProposer : (m.revealed ?? m.forProposer)} <EventLinks events={m.events} /></li>)}
                </ul>
              </>
            ) : null}
            <h3>Key moments</h3>
            <ol className="moments">{view.keyMoments.map((m) => <li key={`${m.seq}-${m.kind}`}>{m.caption} <EventLinks events={[m.seq]} /></li>)}</ol>
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
            <details>
              <summary>Show all {transcript.length} moves and notes, in order</summary>
              <ol>
                {transcript.map((e) => {
                  const line = describeEntry(e, { scenario, seatName, viewerSeat: seat, log });
                  return (
                    <li key={e.seq} id={`entry-${e.seq}`} tabIndex={-1} className={`entry tone-${line.tone}${focus === e.seq ? " focused" : ""}`}>
                      <span className="entry-kind">min {minuteOf(log, e.at)} · {line.kind}</span> <span className="entry-title">{line.title}</span>
                      {line.detail ? <p className="entry-detail">{line.detail}</p> : null}
                    </li>
                  );
                })}
              </ol>
            </details>
          </section>
        </div>
      </article>
    </EntryNames.Provider>
  );
}

export default DebriefScreen;
