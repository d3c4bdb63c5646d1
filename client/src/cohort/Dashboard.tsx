import { useEffect, useId, useState, type FormEvent } from "react";
import { CopyField } from "../components/CopyField.js";
import { TeachingNotesPanel } from "../components/TeachingNotesPanel.js";
import { ConfirmDialog } from "../components/moves/ConfirmDialog.js";
import { savedSessionKey } from "../lib/tokens.js";
import { CohortErrorNote, useNow } from "./bits.js";
import { sendCohortControl } from "./CohortConnection.js";
import { GroupingEditor } from "./Grouping.js";
import { SessionAdmin } from "./SessionAdmin.js";
import { useCohortBusy, useSession } from "./store.js";
import { keepWatchKey, TableCard } from "./TableCard.js";
import { FUNCTION_LABEL, type MarketNews } from "./types.js";

const STATUS_TEXT = { setup: "Setting up", running: "Running", ended: "Ended" } as const;

/** The trainer's dashboard: who is here, the grouping, then every table live with the session's controls. */
export default function Dashboard() {
  const session = useSession();
  const opened = session.tables.length > 0 || session.status !== "setup";
  return (
    <div className="screen dashboard">
      <header className="dashboard-head">
        <div>
          <p className="eyebrow">Session dashboard</p>
          <h1>{session.title}</h1>
          <p><span className={`badge session-${session.status}`}>{STATUS_TEXT[session.status]}</span> {session.participantCount} joined · {session.scenarios.map((s) => s.title).join(", ")}</p>
        </div>
        <div className="join-box">
          <p>Session code: <strong className="big-code">{session.code}</strong></p>
          <CopyField label="Join link for participants" value={`${window.location.origin}/s/${session.code}`} buttonLabel="Copy join link" />
        </div>
      </header>
      <Roster />
      {opened ? <><SessionControls /><NotesPanel /><MarketNewsPanel /><LiveTables /><GroupingEditor opened /></> : <><NotesPanel /><GroupingEditor /></>}
      <SessionAdmin />
    </div>
  );
}

function Roster() {
  const { roster, grouping } = useSession();
  const ids = useId();
  const tableOf = (id: string) => grouping?.tables.find((t) => Object.values(t.seats).some((held) => held.includes(id)))?.id ?? "—";
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Participants ({roster.length})</h2>
      {roster.length === 0 ? <p role="status">Waiting for participants to join with the session code…</p> : (
        <div className="table-wrap">
          <table className="roster">
            <thead><tr><th scope="col">Name</th><th scope="col">Function</th>{grouping ? <th scope="col">Table</th> : null}<th scope="col">Before poll</th><th scope="col">After poll</th></tr></thead>
            <tbody>
              {roster.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{FUNCTION_LABEL[p.function]}</td>
                  {grouping ? <td>{tableOf(p.id)}</td> : null}
                  <td>{p.polls.includes("before") ? "✓ done" : "—"}</td>
                  <td>{p.polls.includes("after") ? "✓ done" : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const CONTROLS = "session-controls";

/** Start, pause, resume or extend every table at once; broadcast a banner; end the session. */
function SessionControls() {
  const session = useSession();
  const busy = useCohortBusy(CONTROLS);
  const [text, setText] = useState("");
  const [confirmEnd, setConfirmEnd] = useState(false);
  const ids = useId();
  const ended = session.status === "ended";
  const broadcast = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    void sendCohortControl(CONTROLS, { type: "broadcast", text: text.trim() }).then((r) => r.ok && setText(""));
  };
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Every table</h2>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy || ended} onClick={() => void sendCohortControl(CONTROLS, { type: "start" })}>Start all</button>
        <button type="button" disabled={busy || ended} onClick={() => void sendCohortControl(CONTROLS, { type: "pause" })}>Pause all</button>
        <button type="button" disabled={busy || ended} onClick={() => void sendCohortControl(CONTROLS, { type: "resume" })}>Resume all</button>
        <button type="button" disabled={busy || ended} onClick={() => void sendCohortControl(CONTROLS, { type: "extend", minutes: 5 })}>Extend all +5 min</button>
      </div>
      <form className="inline-form" onSubmit={broadcast}>
        <label htmlFor={`${ids}-broadcast`}>Message to every table</label>
        <input id={`${ids}-broadcast`} value={text} onChange={(e) => setText(e.target.value)} maxLength={500} placeholder="e.g. Ten minutes left — time to close" />
        <button type="submit" disabled={busy || !text.trim()}>Broadcast</button>
      </form>
      {session.banner ? <p className="hint">Showing at every table: “{session.banner.text}”</p> : null}
      {ended ? <p className="notice">The session has ended. Open the plenary, then download the exports.</p> : confirmEnd ? (
        <div className="confirm" role="group" aria-label="Confirm ending the session">
          <p>End “{session.title}” now? Every table still talking ends without a deal.</p>
          <div className="button-row">
            <button type="button" className="danger" disabled={busy} onClick={() => void sendCohortControl(CONTROLS, { type: "end" }).then(() => setConfirmEnd(false))}>Yes, end the session</button>
            <button type="button" onClick={() => setConfirmEnd(false)}>Cancel</button>
          </div>
        </div>
      ) : <button type="button" className="danger" onClick={() => setConfirmEnd(true)}>End session…</button>}
      <CohortErrorNote origin={CONTROLS} />
    </section>
  );
}

/** The teaching notes of the scenarios in play (every scenario of the session before the tables open), each collapsed. */
function NotesPanel() {
  const session = useSession();
  const playing = new Set(session.tables.map((t) => t.scenarioId));
  const notes = (session.teachingNotes ?? []).filter((n) => playing.size === 0 || playing.has(n.scenarioId));
  if (notes.length === 0) return null;
  return <>{notes.map((n) => <TeachingNotesPanel key={n.scenarioId} notes={n.notes} title={session.scenarios.length > 1 ? n.title : undefined} />)}</>;
}

/** The scenarios' market events: what the trainer may announce to every table playing that scenario. */
function MarketNewsPanel() {
  const session = useSession();
  const ids = useId();
  const playing = new Set(session.tables.map((t) => t.scenarioId));
  const news = session.marketEvents.filter((m) => playing.has(m.scenarioId));
  if (news.length === 0) return null;
  return (
    <section className="card market-news" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Market news</h2>
      <p className="hint">Announce news mid-negotiation: every table playing that scenario sees it in its transcript.</p>
      {news.map((m) => <MarketNewsItem key={`${m.scenarioId}|${m.id}`} news={m} scenarioTitle={session.scenarios.length > 1 ? session.scenarios.find((s) => s.id === m.scenarioId)?.title : undefined} ended={session.status === "ended"} />)}
    </section>
  );
}

function MarketNewsItem({ news, scenarioTitle, ended }: { news: MarketNews; scenarioTitle: string | undefined; ended: boolean }) {
  const origin = `market-${news.scenarioId}-${news.id}`;
  const busy = useCohortBusy(origin);
  const [result, setResult] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const ids = useId();
  const announce = () => {
    setResult(null);
    setAsking(false);
    void sendCohortControl(origin, { type: "market", event: news.id }).then((r) => {
      if (!r.ok) return;
      const done = Object.entries(r.data && typeof r.data === "object" ? r.data : {}).filter(([, v]) => typeof v === "object" && v !== null && "ok" in v && v.ok === true).map(([t]) => t);
      setResult([done.length ? `Announced at ${done.join(", ")}.` : "Announced.", r.message ? `Not at ${r.message}` : ""].filter(Boolean).join(" "));
    });
  };
  return (
    <article className="market-item" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{news.title}{scenarioTitle ? <span className="hint"> · {scenarioTitle}</span> : null}</h3>
      {news.note ? <p><strong>For you:</strong> {news.note}</p> : null}
      <p><strong>Players will read:</strong> {news.text}</p>
      <button type="button" disabled={busy || ended} aria-describedby={`${ids}-title`} onClick={() => setAsking(true)}>Announce to every table…</button>
      <ConfirmDialog
        open={asking}
        title={`Announce “${news.title}”?`}
        consequence="Every table playing this scenario reads it in its transcript at once; it cannot be taken back."
        confirmLabel="Yes, announce it"
        cancelLabel="Not yet"
        disabled={busy}
        onConfirm={announce}
        onClose={() => setAsking(false)}
      />
      {result ? <p className="hint" role="status">{result}</p> : null}
      <CohortErrorNote origin={origin} />
    </article>
  );
}

function LiveTables() {
  const session = useSession();
  const now = useNow();
  const ids = useId();
  const codes = session.tables.map((t) => t.code).join(",");
  // The session key opens every table: keep it for each table's code, so "watch" works in any tab.
  useEffect(() => {
    if (!savedSessionKey(session.code)) return;
    for (const code of codes.split(",").filter(Boolean)) keepWatchKey(code, session.code);
  }, [codes, session.code]);
  return (
    <section aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Live tables</h2>
      {session.tables.length === 0 ? <p role="status"><span className="spinner" aria-hidden="true" /> Opening the tables…</p> : null}
      <div className="table-cards">
        {session.tables.map((t) => <TableCard key={t.id} table={t} scenario={session.scenarios.find((s) => s.id === t.scenarioId)} sessionCode={session.code} now={now} />)}
      </div>
    </section>
  );
}
