import { useEffect, useId, useState } from "react";
import { ATTITUDE_STATEMENT } from "../../../shared/cohort/types.js";
import type { Averages, OutcomePoint, PerceptionGroup, PlenaryModel, PlenaryScenario } from "../../../shared/cohort/plenary.js";
import { TeachingNotesPanel } from "../components/TeachingNotesPanel.js";
import { requestPlenary } from "./CohortConnection.js";
import { OutcomeScatter } from "./PlenaryChart.js";
import { useCohortStore, useSession } from "./store.js";
import { FUNCTION_LABEL, POLICY_TEXT, type SessionScenario } from "./types.js";

/**
 * The plenary on the projector: large type, high contrast. Each scenario's
 * outcomes against its Pareto frontier, deal rates, averages by role,
 * placement and policy, the perception poll before and after by function,
 * and the highlights. Names stay hidden unless the trainer shows them.
 */

function isPlenary(data: unknown): data is PlenaryModel {
  return typeof data === "object" && data !== null && "scenarios" in data && Array.isArray(data.scenarios) && "summary" in data;
}

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)} %`);

export default function Plenary() {
  const session = useSession();
  const connected = useCohortStore((s) => s.status === "connected" || s.status === "reconnected");
  const [showNames, setShowNames] = useState(false);
  const [model, setModel] = useState<PlenaryModel | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A table finishing (or a poll coming in) changes the figures: ask again then.
  const progress = session.tables.map((t) => `${t.id}:${t.status}:${t.outcome ?? ""}`).join(",") + `|${session.roster.map((p) => p.polls.join("")).join(",")}`;

  useEffect(() => {
    if (!connected) return;
    let current = true;
    void requestPlenary("plenary", showNames).then((reply) => {
      if (!current) return;
      if (reply.ok && isPlenary(reply.data)) {
        setModel(reply.data);
        setProblem(null);
      } else setProblem(reply.message ?? "The plenary could not be built. Try again in a moment.");
    });
    return () => {
      current = false;
    };
  }, [connected, showNames, progress]);

  return (
    <div className="plenary">
      <header className="plenary-head">
        <div>
          <p className="eyebrow">Plenary</p>
          <h1>{session.title}</h1>
        </div>
        <div className="plenary-tools">
          <button type="button" aria-pressed={showNames} onClick={() => setShowNames((v) => !v)}>Show names</button>
          <a className="button-link" href={`/s/${session.code}/trainer`}>Back to the dashboard</a>
        </div>
      </header>
      {problem ? <p className="notice error" role="alert">{problem}</p> : null}
      {!model && !problem ? <p role="status" className="loading"><span className="spinner" aria-hidden="true" /> Gathering the results…</p> : null}
      <PlenaryNotes ids={model?.scenarios.map((s) => s.scenarioId) ?? []} />
      {model ? <PlenaryBody model={model} scenarios={session.scenarios} /> : null}
    </div>
  );
}

/** The teaching notes of the scenarios in the plenary, closed: the projector shows them only when the trainer opens one. */
function PlenaryNotes({ ids }: { ids: string[] }) {
  const { teachingNotes = [] } = useSession();
  const shown = teachingNotes.filter((n) => ids.includes(n.scenarioId));
  if (shown.length === 0) return null;
  return <>{shown.map((n) => <TeachingNotesPanel key={n.scenarioId} notes={n.notes} title={n.title} className="plenary-notes" />)}</>;
}

function PlenaryBody({ model, scenarios }: { model: PlenaryModel; scenarios: SessionScenario[] }) {
  const { summary } = model;
  return (
    <>
      <section className="plenary-kpis" aria-label="Summary">
        <div className="kpi"><span className="kpi-label">Tables</span><strong>{summary.tables}</strong><span>{summary.finished} finished</span></div>
        <div className="kpi"><span className="kpi-label">Deals</span><strong>{summary.deals}</strong><span>of {summary.finished} finished</span></div>
        <div className="kpi"><span className="kpi-label">Deal rate</span><strong>{percent(summary.dealRate)}</strong><span>over finished tables</span></div>
      </section>
      {model.highlights.length ? (
        <section aria-labelledby="pl-highlights">
          <h2 id="pl-highlights">Highlights</h2>
          <ul className="highlights">{model.highlights.map((h) => <li key={`${h.kind}-${h.table ?? ""}-${h.text}`}>{h.text}</li>)}</ul>
        </section>
      ) : null}
      {model.scenarios.map((s) => <ScenarioBlock key={`${s.scenarioId}@${s.version}`} scenario={s} seats={scenarios.find((x) => x.id === s.scenarioId)?.seats ?? []} showNames={model.showNames} />)}
      <AveragesSection model={model} />
      <PerceptionSection groups={model.perception} minGroup={model.minGroup} />
    </>
  );
}

function ScenarioBlock({ scenario: s, seats, showNames }: { scenario: PlenaryScenario; seats: SessionScenario["seats"]; showNames: boolean }) {
  const ids = useId();
  const title = (seat: string) => seats.find((x) => x.id === seat)?.title ?? seat;
  // A tender has a pair per supplier: draw the pairs some table ended in, or the first pair before any result.
  const used = s.pairs.filter((p) => s.outcomes.some((o) => o.procurementSeat === p.procurementSeat && o.salesSeat === p.salesSeat));
  const pairs = used.length ? used : s.pairs.slice(0, 1);
  return (
    <section className="plenary-scenario" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{s.title}</h2>
      <p className="plenary-line">{s.tables} {s.tables === 1 ? "table" : "tables"} · {s.finished} finished · {s.deals} {s.deals === 1 ? "deal" : "deals"} · deal rate <strong>{percent(s.dealRate)}</strong></p>
      <div className="plenary-charts">
        {pairs.map((p) => (
          <OutcomeScatter
            key={`${p.procurementSeat}-${p.salesSeat}`}
            pair={p}
            outcomes={s.outcomes.filter((o) => o.procurementSeat === p.procurementSeat && o.salesSeat === p.salesSeat)}
            caption={`${s.title}: ${title(p.procurementSeat)} and ${title(p.salesSeat)}, each table's result in both sides' points`}
          />
        ))}
      </div>
      <OutcomeTable outcomes={s.outcomes} showNames={showNames} caption={`${s.title}: results by table`} />
    </section>
  );
}

const STATUS_WORDS: Record<OutcomePoint["status"], string> = { deal: "Deal", impasse: "No deal", running: "Still talking" };

function OutcomeTable({ outcomes, showNames, caption }: { outcomes: OutcomePoint[]; showNames: boolean; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="plenary-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Table</th>
            {showNames ? <th scope="col">People</th> : null}
            <th scope="col">Result</th><th scope="col">Procurement</th><th scope="col">Sales</th><th scope="col">Joint</th><th scope="col">Of best joint</th><th scope="col">On the frontier</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o) => (
            <tr key={o.table}>
              <th scope="row">{o.table}</th>
              {showNames ? <td>{o.names?.join(", ") ?? ""}</td> : null}
              <td>{STATUS_WORDS[o.status]}</td>
              <td>{o.procurement ?? "—"}</td>
              <td>{o.sales ?? "—"}</td>
              <td>{o.joint ?? "—"}</td>
              <td>{o.jointOfMax === null ? "—" : `${o.jointOfMax} %`}</td>
              <td>{o.onFrontier === null ? "—" : o.onFrontier ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AverageCells({ a, minGroup }: { a: Averages; minGroup: number }) {
  if (a.n === 0) return <><td>0</td><td colSpan={3}>nobody in this group at a finished table</td></>;
  if (a.suppressed) return <><td>{a.n}</td><td colSpan={3}>hidden: fewer than {minGroup} people</td></>;
  return <><td>{a.n}</td><td>{a.trust ?? "—"}</td><td>{a.valueFraming ?? "—"}</td><td>{a.alignment === null ? "—" : `${a.alignment} %`}</td></>;
}

function AveragesSection({ model }: { model: PlenaryModel }) {
  const { byRole, byPlacement, byPolicy } = model.averages;
  const rows: { key: string; label: string; a: Averages }[] = [
    ...byRole.map((r) => ({ key: `role-${r.role}`, label: r.role === "procurement" ? "Procurement seats" : "Sales seats", a: r })),
    ...byPlacement.map((r) => ({ key: `placement-${r.placement}`, label: r.placement === "reversed" ? "Played the other side" : "Played their own side", a: r })),
    ...byPolicy.map((r) => ({ key: `policy-${r.policy}`, label: `Policy: ${POLICY_TEXT[r.policy].label}`, a: r })),
  ];
  return (
    <section aria-labelledby="pl-averages">
      <h2 id="pl-averages">Averages</h2>
      <div className="table-wrap">
        <table className="plenary-table">
          <caption>Average scores (0–100) of the people at finished tables</caption>
          <thead><tr><th scope="col">Group</th><th scope="col">People</th><th scope="col">Trust</th><th scope="col">Value framing</th><th scope="col">Goal alignment</th></tr></thead>
          <tbody>{rows.map((r) => <tr key={r.key}><th scope="row">{r.label}</th><AverageCells a={r.a} minGroup={model.minGroup} /></tr>)}</tbody>
        </table>
      </div>
    </section>
  );
}

const groupLabel = (fn: PerceptionGroup["function"]) => (fn === "all" ? "Everyone" : FUNCTION_LABEL[fn]);

function PerceptionSection({ groups, minGroup }: { groups: PerceptionGroup[]; minGroup: number }) {
  const functions = [...new Set(groups.map((g) => g.function))];
  return (
    <section aria-labelledby="pl-perception">
      <h2 id="pl-perception">How we see each other</h2>
      <p className="plenary-line">“{ATTITUDE_STATEMENT}”, from 1 (strongly disagree) to 7 (strongly agree), and the words people chose, before and after the negotiations.</p>
      {groups.length === 0 ? <p>No poll answers yet.</p> : (
        <div className="table-wrap">
          <table className="plenary-table perception">
            <caption>Perception poll by function</caption>
            <thead><tr><th scope="col">Group</th><th scope="col">Stage</th><th scope="col">Answers</th><th scope="col">Attitude</th><th scope="col">Words</th></tr></thead>
            <tbody>
              {functions.flatMap((fn) => groups.filter((g) => g.function === fn).map((g) => (
                <tr key={`${fn}-${g.stage}`}>
                  <th scope="row">{groupLabel(fn)}</th>
                  <td>{g.stage === "before" ? "Before" : "After"}</td>
                  <td>{g.respondents}</td>
                  {g.suppressed ? <td colSpan={2}>hidden: fewer than {minGroup} answers</td> : (
                    <>
                      <td>{g.meanAttitude === null ? "—" : <><strong>{g.meanAttitude}</strong> <meter min={1} max={7} value={g.meanAttitude} aria-label={`${groupLabel(fn)} ${g.stage}: ${g.meanAttitude} of 7`} /></>}</td>
                      <td>{g.words.length ? <ul className="words">{g.words.slice(0, 8).map((w) => <li key={w.word}>{w.word}{w.count > 1 ? <span className="count"> ×{w.count}</span> : null}</li>)}</ul> : "—"}</td>
                    </>
                  )}
                </tr>
              )))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
