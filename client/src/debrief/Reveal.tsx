import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PrivateBrief, PublicScenario } from "../../../shared/negotiation/visibility.js";
import type { SeatDebriefView } from "../../../shared/scoring/reveal.js";
import type { SeatDebrief } from "../../../shared/scoring/types.js";
import { ScoringTable } from "../components/ScoringTable.js";
import { Markdown } from "../lib/markdown.js";

const RELATION = { aligned: "aligned", conflict: "in conflict", neutral: "neutral" } as const;

/** Both sides' objectives with how they line up, then the private briefs side by side. */
export function Reveal({ scenario, briefs, seat, view, own, seatName, objectiveLabel, log }: {
  scenario: PublicScenario; briefs: Record<string, PrivateBrief>; seat: string; view: SeatDebriefView;
  /** This seat's own debrief (`view.own`): only a seat that took part gets a reveal. */
  own: SeatDebrief;
  seatName(id: string): string; objectiveLabel(id: string): string; log: LogEntry[];
}) {
  const counterpartIds = view.counterparts.map((c) => c.seat);
  const shown = [seat, ...counterpartIds].flatMap((id) => {
    const brief = briefs[id];
    return brief ? [{ id, b: brief }] : [];
  });
  const disclosed = new Set(log.filter((e) => e.type === "fact.disclose").map((e) => `${e.by}:${String(e.payload.fact)}`));
  const agreed = (view.outcome.agreement?.package ?? undefined) as Record<string, string> | undefined;
  return (
    <>
      <section aria-labelledby="obj-title">
        <h2 id="obj-title">Objectives, side by side</h2>
        <div className="side-by-side">
          <div>
            <h3>Yours</h3>
            <ul>{own.alignment.own.map((id) => <li key={id}>{objectiveLabel(id)}{own.alignment.servedIds.includes(id) ? <span className="served"> — served by the deal</span> : null}</li>)}</ul>
          </div>
          {view.counterparts.map((c) => (
            <div key={c.seat}>
              <h3>{seatName(c.seat)}</h3>
              <ul>{c.objectives.map((id) => <li key={id}>{objectiveLabel(id)}{own.alignment.servedIds.includes(id) ? <span className="served"> — served by the deal</span> : null}</li>)}</ul>
            </div>
          ))}
        </div>
        {own.alignment.pairs.filter((p) => p.relation !== "neutral").length ? (
          <ul className="pairs">
            {own.alignment.pairs.filter((p) => p.relation !== "neutral").map((p) => (
              <li key={`${p.own}-${p.other}`} className={`relation-${p.relation}`}>“{objectiveLabel(p.own)}” and “{objectiveLabel(p.other)}” are {RELATION[p.relation]}.</li>
            ))}
          </ul>
        ) : <p>None of the chosen objectives were directly aligned or in conflict.</p>}
      </section>
      <section aria-labelledby="reveal-title">
        <h2 id="reveal-title">The briefs, revealed</h2>
        <details className="reveal-briefs">
        <summary>Show {shown.length > 1 ? "the briefs side by side" : "your brief"}, with every scoring table</summary>
        <div className="side-by-side briefs">
          {shown.map(({ id, b }) => {
            return (
              <div key={id} className="revealed-brief">
                <h3>{id === seat ? "Your brief" : seatName(id)}</h3>
                <Markdown text={b.brief.story} />
                <p className="batna-points">BATNA: {b.brief.batna.description} (<strong>{b.brief.batna.points} points</strong>)</p>
                <ScoringTable scenario={scenario} brief={b} caption={`${id === seat ? "Your" : "Their"} points (the agreed option is outlined)`} {...(agreed ? { highlight: agreed } : {})} />
                {b.brief.privateFacts.length ? (
                  <ul className="facts">{b.brief.privateFacts.map((f) => <li key={f.id}>{f.text} {disclosed.has(`${id}:${f.id}`) ? <span className="shared-tag">shared</span> : <span className="kept-tag">kept back</span>}</li>)}</ul>
                ) : null}
              </div>
            );
          })}
        </div>
        </details>
      </section>
    </>
  );
}
