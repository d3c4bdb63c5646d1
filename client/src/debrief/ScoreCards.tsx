import type { Component, GoalAlignment, Metric, RiskCoverage, Score } from "../../../shared/scoring/types.js";
import { EventLinks, IgnoredList } from "./EventLinks.js";

function band(v: number): string {
  return v >= 70 ? "good" : v >= 40 ? "fair" : "poor";
}

function ComponentRow({ c }: { c: Component }) {
  return (
    <li>
      <span className="component-head"><strong>{c.label}</strong> <span className="component-value">{Math.round(c.value)}{c.weight !== undefined ? <span className="weight"> · weight {Math.round(c.weight * 100)} %</span> : <span className="weight"> · deduction</span>}</span></span>
      <span className="component-why">{c.explanation}</span> <EventLinks events={c.events} />
      <IgnoredList ignored={c.ignored} />
    </li>
  );
}

/** A 0–100 score with its explanation and the parts it is made of. */
export function ScoreCard({ title, score }: { title: string; score: Score }) {
  return (
    <section className={`score-card band-${band(score.value)}`} aria-labelledby={`sc-${title}`}>
      <h3 id={`sc-${title}`}>{title}</h3>
      <p className="score-value"><strong>{Math.round(score.value)}</strong><span>/100</span></p>
      <p>{score.explanation}</p>
      <EventLinks events={score.events} />
      <IgnoredList ignored={score.ignored} />
      <details>
        <summary>How this was scored</summary>
        <ul className="components">{score.components.map((c) => <ComponentRow key={c.id} c={c} />)}</ul>
      </details>
    </section>
  );
}

function MetricLine({ m }: { m: Metric | undefined }) {
  if (!m) return null;
  return <li><strong>{m.label}:</strong> {m.explanation} <EventLinks events={m.events} /><IgnoredList ignored={m.ignored} /></li>;
}

export function AlignmentCard({ alignment }: { alignment: GoalAlignment }) {
  const misaligned = alignment.misaligned.value;
  return (
    <section className={`score-card band-${alignment.slimChance ? "poor" : misaligned ? "fair" : "good"}`} aria-labelledby="sc-align">
      <h3 id="sc-align">Goal alignment</h3>
      <p className="score-value"><strong>{alignment.aligned.value}</strong><span> aligned · {misaligned} misaligned</span></p>
      {alignment.slimChance ? <p className="flag">Two of three objectives misaligned: the chance of a deal was very slim from the start.</p> : null}
      <ul className="metrics">
        <MetricLine m={alignment.aligned} />
        <MetricLine m={alignment.misaligned} />
        <MetricLine m={alignment.servedOwn} />
        <MetricLine m={alignment.servedCounterpart} />
        <MetricLine m={alignment.guessAccuracy} />
      </ul>
    </section>
  );
}

export function RiskCard({ risk }: { risk: RiskCoverage }) {
  return (
    <section className={`score-card band-${band(risk.coverage.value)}`} aria-labelledby="sc-risk">
      <h3 id="sc-risk">Risk coverage</h3>
      <p className="score-value"><strong>{Math.round(risk.coverage.value)}</strong><span>/100</span></p>
      <p>{risk.coverage.explanation}</p>
      <EventLinks events={risk.coverage.events} />
      <IgnoredList ignored={risk.coverage.ignored} />
      <table className="risk-table">
        <caption className="sr-only">Risks by category</caption>
        <thead><tr><th scope="col">Risk</th><th scope="col">Raised</th><th scope="col">Addressed</th></tr></thead>
        <tbody>
          {risk.categories.flatMap((c) => c.risks.map((r) => (
            <tr key={r.risk}><th scope="row">{r.title} <span className="cat">({c.category.replace("-", " ")})</span></th><td>{r.raised ? "Yes" : "No"}</td><td>{r.addressed === "move" ? "At the table" : r.addressed === "deal-term" ? "In the deal" : "No"}</td></tr>
          )))}
        </tbody>
      </table>
    </section>
  );
}
