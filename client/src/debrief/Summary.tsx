import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PrivateBrief, PublicScenario } from "../../../shared/negotiation/visibility.js";
import type { SeatDebriefView } from "../../../shared/scoring/reveal.js";
import { summarise, type SummaryPoint } from "../../../shared/scoring/summary.js";
import type { PairSummary, SeatDebrief, SeatResult } from "../../../shared/scoring/types.js";
import { EventLinks } from "./EventLinks.js";
import { formatTick } from "./Charts.js";
import { shortName } from "./entry-names.js";

const REASON: Record<string, string> = {
  accepted: "an offer was accepted", awarded: "the contract was awarded", walkaway: "a side walked away",
  timeout: "time ran out", "ended-by-facilitator": "the facilitator ended the session", "all-withdrew": "every supplier withdrew", "not-ended": "the talks were still open",
};

/** The short title of the seat's result; a second-source share reads as a (partial) win. */
const RESULT_TITLE: Record<SeatResult, string> = {
  deal: "Deal", "second-source": "Deal: second source", "not-awarded": "Not awarded", "no-deal": "No deal",
};

const n = (v: number) => formatTick(Math.round(v * 10) / 10);

/** "1 December 2026, 14:05–14:52" from the log's first and last moments. */
export function sessionWhen(log: readonly LogEntry[]): string | null {
  const start = log.find((e) => e.type === "session.start")?.at ?? log[0]?.at;
  if (start === undefined) return null;
  const end = log.find((e) => e.type === "negotiation.ended")?.at;
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(start);
  const time = (t: number) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" }).format(t);
  const until = end !== undefined && end > start ? time(end) : null;
  return `${day}, ${time(start)}${until && until !== time(start) ? `–${until}` : ""}`;
}

/** Where the deal sits against the balanced best deal, in words a manager reads. */
function nashSentence(own: SeatDebrief, pair: PairSummary | undefined, them: string): string | null {
  const o = own.outcome;
  const d = o.distanceToNash?.value;
  if (!pair?.nash || d === undefined || !o.counterpartPoints) return null;
  const [nashOwn, nashOther] = own.side === "procurement" ? [pair.nash.procurement, pair.nash.sales] : [pair.nash.sales, pair.nash.procurement];
  const relative = d / Math.max(1, pair.maxJoint.joint);
  const where = d === 0 ? "Your deal is the balanced best deal (the Nash point) itself"
    : relative < 0.05 ? "Your deal is very close to the balanced best deal (the Nash point)"
      : relative < 0.15 ? "Your deal is close to the balanced best deal (the Nash point)"
        : "Your deal is far from the balanced best deal (the Nash point)";
  return d === 0 ? `${where}.` : `${where}: that deal gives you ${n(nashOwn)} and ${them} ${n(nashOther)}; yours gives you ${n(o.ownPoints.value)} and ${them} ${n(o.counterpartPoints.value)}.`;
}

function Point({ p }: { p: SummaryPoint }) {
  return (
    <li>
      <strong className="point-title">{p.title}.</strong> <span className="point-text">{p.text}</span> <EventLinks events={p.events} label="The moment" />
    </li>
  );
}

export interface SummaryProps {
  view: SeatDebriefView;
  own: SeatDebrief;
  scenario: PublicScenario;
  seat: string;
  briefs: Record<string, PrivateBrief>;
  log: LogEntry[];
  seatName(id: string): string;
  pair: PairSummary | undefined;
  result: SeatResult;
}

/** The first screen: who, which scenario, when; the terms or the outcome; the result against the BATNA and the best possible; what went well and what to change. */
export function Summary({ view, own, scenario, seat, briefs, log, seatName, pair, result }: SummaryProps) {
  const o = own.outcome;
  const seatInfo = scenario.seats.find((s) => s.id === seat);
  const full = seatName(seat);
  const person = full !== seatInfo?.organisation ? shortName(full) : null;
  const when = sessionWhen(log);
  const headline = o.headline ?? view.outcome.explanation;
  const them = o.counterpart ? shortName(seatName(o.counterpart)) : "the other side";
  const second = o.secondSource;
  const agreed = second?.seat === seat ? second.package : view.outcome.agreement?.parties.includes(seat) ? view.outcome.agreement.package : null;
  const scoring = briefs[seat]?.brief.scoring;
  const picks = summarise(own);
  const counterpart = view.counterparts.find((c) => c.seat === o.counterpart && c.ownPoints !== null);
  const total = agreed ? Object.entries(agreed).reduce((s, [issue, option]) => s + (scoring?.[issue]?.[option] ?? 0), 0) : 0;

  const lines: string[] = [];
  if (agreed || result === "deal") {
    lines.push(o.surplus.value >= 0
      ? `You scored ${n(o.ownPoints.value)} points; walking away would have given you ${n(o.batna.value)} (your BATNA): ${n(o.surplus.value)} points better than your alternative.`
      : `You scored ${n(o.ownPoints.value)} points, ${n(-o.surplus.value)} fewer than walking away would have given you (your BATNA: ${n(o.batna.value)}).`);
  } else {
    lines.push(`No agreement for you, so you keep your alternative: your BATNA of ${n(o.batna.value)} points.`);
    if (o.leftOnTable && o.leftOnTable.value > 0) lines.push(`A deal better for both sides existed: up to ${n(o.leftOnTable.value)} points between you above both BATNAs were left on the table.`);
  }
  if (counterpart && counterpart.ownPoints !== null) lines.push(`${them} scored ${n(counterpart.ownPoints)} against their BATNA of ${n(counterpart.batna)}.`);
  if (o.shareOfSurplus && o.jointPoints) lines.push(`Of what the deal created over both BATNAs, you took ${n(o.shareOfSurplus.value)} % and ${them} ${n(100 - o.shareOfSurplus.value)} %.`);
  if (o.jointPoints && o.jointOfMax && pair) lines.push(`Together you reached ${n(o.jointPoints.value)} of the ${n(pair.maxJoint.joint)} joint points the best package offered: ${n(o.jointOfMax.value)} % of the best possible.`);
  const nash = nashSentence(own, pair, them);
  if (nash) lines.push(nash);

  return (
    <section className="debrief-summary" aria-labelledby="debrief-title">
      <header className="debrief-head">
        <p className="eyebrow">Debrief · {scenario.title}</p>
        <h1 id="debrief-title" className={`result-${result}`}>{RESULT_TITLE[result]}{result === "deal" || result === "no-deal" ? <> <span className="why">— {REASON[view.outcome.reason] ?? view.outcome.reason}</span></> : null}</h1>
        <p className="headline-text" data-testid="seat-headline">{headline}</p>
        <dl className="who-when">
          <div><dt>Who</dt><dd data-testid="debrief-who">{person ? <><strong>{person}</strong>, </> : null}{seatInfo ? `${seatInfo.title}, ${seatInfo.organisation}` : full}</dd></div>
          <div><dt>Scenario</dt><dd>{scenario.title}</dd></div>
          {when ? <div><dt>When</dt><dd data-testid="debrief-when">{when}</dd></div> : null}
        </dl>
        <button type="button" className="no-print" onClick={() => window.print()}>Print / Save as PDF</button>
      </header>

      <div className="summary-grid">
        <section aria-labelledby="terms-title" className="summary-terms">
          <h2 id="terms-title">{agreed ? (second?.seat === seat ? "Your second-source terms" : "The agreed terms") : "The outcome"}</h2>
          {agreed ? (
            <table className="terms-table">
              <thead><tr><th scope="col">Issue</th><th scope="col">Agreed</th>{scoring ? <th scope="col" className="num">Your points</th> : null}</tr></thead>
              <tbody>
                {scenario.issues.filter((i) => agreed[i.id] !== undefined).map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.name}</th>
                    <td>{i.options.find((x) => x.id === agreed[i.id])?.label ?? agreed[i.id]}</td>
                    {scoring ? <td className="num">{n(scoring[i.id]?.[agreed[i.id] ?? ""] ?? 0)}</td> : null}
                  </tr>
                ))}
              </tbody>
              {scoring ? <tfoot><tr><th scope="row" colSpan={2}>Total (your BATNA: {n(o.batna.value)})</th><td className="num">{n(total)}</td></tr></tfoot> : null}
            </table>
          ) : <p>{view.outcome.explanation}</p>}
        </section>
        <section aria-labelledby="result-title" className="summary-result">
          <h2 id="result-title">Your result</h2>
          <ul className="result-lines">{lines.map((l) => <li key={l}>{l}</li>)}</ul>
        </section>
      </div>

      <div className="summary-grid">
        <section aria-labelledby="well-title" className="went-well">
          <h2 id="well-title">What went well</h2>
          {picks.wentWell.length ? <ol>{picks.wentWell.map((p) => <Point key={p.id} p={p} />)}</ol> : <p>Nothing stood out this time: the details below show where the points came from.</p>}
        </section>
        <section aria-labelledby="change-title" className="to-change">
          <h2 id="change-title">What to change next time</h2>
          {picks.toChange.length ? <ol>{picks.toChange.map((p) => <Point key={p.id} p={p} />)}</ol> : <p>No coaching tip fired: keep doing what you did.</p>}
        </section>
      </div>
    </section>
  );
}
