import type { PrivateBrief, PublicScenario } from "../../../shared/negotiation/visibility.js";
import { formatMoney } from "../../../shared/scenario/money-basics.js";
import { Markdown } from "../lib/markdown.js";
import { ScoringTable } from "./ScoringTable.js";

const LEVER_LABEL: Record<string, string> = {
  productivity: "Productivity", consumption: "Reduced consumption", waste: "Eliminated waste", freight: "Freight",
  "working-capital": "Working capital", "cycle-time": "Cycle time", revenue: "New revenue", "risk-reduction": "Risk reduction",
};

/** The public context and a seat's private brief: story, interests, points, BATNA, facts, levers, risks. */
export function BriefView({ scenario, brief, disclosed = [] }: { scenario: PublicScenario; brief: PrivateBrief; disclosed?: string[] }) {
  const b = brief.brief;
  return (
    <div className="brief">
      <section aria-labelledby="ctx-title" className="brief-section">
        <h3 id="ctx-title">The situation (everyone reads this)</h3>
        <Markdown text={scenario.context} />
        {scenario.spec ? (<><h4>Specification</h4><Markdown text={scenario.spec} /></>) : null}
      </section>
      <section aria-labelledby="private-title" className="brief-section private">
        <h3 id="private-title">Your private brief <span className="private-tag">only you see this</span></h3>
        <Markdown text={b.story} />
        <h4>What matters to you</h4>
        <ul>{b.interests.map((x, i) => <li key={i}>{x}</li>)}</ul>
        <div className="batna">
          <h4>Your walk-away alternative (BATNA)</h4>
          <p>{b.batna.description}</p>
          <p className="batna-points">Worth <strong>{b.batna.points} points</strong>: accept nothing worth less.</p>
        </div>
        <ScoringTable scenario={scenario} brief={brief} caption={b.money ? "Your points per option, and the money behind them (the best of each term is marked)" : "Your points per option (the best of each term is marked)"} />
        {b.money?.basis ? <details className="money-basis"><summary>How the money is worked out</summary><Markdown text={b.money.basis} /></details> : null}
        {Object.keys(brief.thresholds ?? {}).length ? (
          <>
            <h4>Money targets</h4>
            <ul>{Object.entries(brief.thresholds ?? {}).map(([id, t]) => <li key={id}><strong>{scenario.objectives.find((o) => o.id === id)?.label ?? id}:</strong> {t.label} — the agreement must be worth at least {formatMoney(t.atLeast, b.money?.unit ?? "")} to you.</li>)}</ul>
          </>
        ) : null}
        {scenario.agreement ? <p className="agreement-note">What you sign if you agree: <strong>{scenario.agreement.name}</strong>{scenario.agreement.condition ? `, subject to ${scenario.agreement.condition}` : ""}.</p> : null}
        {b.privateFacts.length ? (
          <>
            <h4>Private facts you may choose to share</h4>
            <ul className="facts">
              {b.privateFacts.map((f) => (
                <li key={f.id}>{f.text} <span className={`cost cost-${f.leverageCost}`}>leverage cost: {f.leverageCost}</span>{disclosed.includes(f.id) ? <span className="shared-tag"> shared</span> : null}</li>
              ))}
            </ul>
          </>
        ) : null}
        {brief.valueLevers.length ? (
          <>
            <h4>Value you can bring (total cost of ownership)</h4>
            <ul className="levers">
              {brief.valueLevers.map((l) => (
                <li key={l.id}><strong>{LEVER_LABEL[l.category] ?? l.category}: {l.title}.</strong> {l.claim}{l.figure ? <span className="figure"> Honest range: {l.figure.low}–{l.figure.high} {l.figure.unit}.</span> : null}</li>
              ))}
            </ul>
          </>
        ) : null}
        {b.hopesToLearn.length ? (<><h4>What you hope to learn</h4><ul>{b.hopesToLearn.map((x, i) => <li key={i}>{x}</li>)}</ul></>) : null}
        {brief.stakeholder ? <p className="stakeholder-note">You could contact <strong>{brief.stakeholder.name}</strong> ({brief.stakeholder.title}) directly — going around procurement costs trust if it comes out.</p> : null}
      </section>
      {scenario.risks.length ? (
        <section aria-labelledby="risks-title" className="brief-section">
          <h3 id="risks-title">Risks on the table</h3>
          <ul>{scenario.risks.map((r) => <li key={r.id}><strong>{r.title}</strong> ({r.category.replace("-", " ")}): {r.description}</li>)}</ul>
        </section>
      ) : null}
    </div>
  );
}
