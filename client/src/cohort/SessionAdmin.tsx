import { useId, useState } from "react";
import { forgetSessionKey, savedSessionKey } from "../lib/tokens.js";
import { messageOf } from "../screens/home/fields.js";
import { downloadExport, eraseSession, type ExportKind } from "./api.js";
import { leaveCohort } from "./CohortConnection.js";
import { forgetSession } from "./saved.js";
import { useSession } from "./store.js";

const EXPORTS: { kind: ExportKind; label: string }[] = [
  { kind: "csv", label: "Results (CSV)" },
  { kind: "json", label: "Everything (JSON)" },
  { kind: "xapi", label: "xAPI statements" },
];

/** The plenary, the exports (fetched with the trainer key, saved as files) and erasing the session. */
export function SessionAdmin() {
  const session = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmErase, setConfirmErase] = useState(false);
  const [erasing, setErasing] = useState(false);
  const ids = useId();
  const key = savedSessionKey(session.code);

  const download = (kind: ExportKind) => {
    if (!key) return setProblem("This browser no longer holds the trainer key. Open the trainer link again.");
    setProblem(null);
    downloadExport(session.code, key, kind).catch((e: unknown) => setProblem(messageOf(e)));
  };
  const erase = async () => {
    if (!key) return setProblem("This browser no longer holds the trainer key. Open the trainer link again.");
    setErasing(true);
    try {
      await eraseSession(session.code, key);
      forgetSession(session.code);
      forgetSessionKey(session.code);
      await leaveCohort();
      window.location.assign("/");
    } catch (e) {
      setProblem(messageOf(e));
      setErasing(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Plenary and results</h2>
      <div className="button-row">
        <a className="button-link primary" href={`/s/${session.code}/plenary`}>Open the plenary</a>
      </div>
      <h3>Exports</h3>
      <div className="button-row">
        {EXPORTS.map((e) => <button key={e.kind} type="button" onClick={() => download(e.kind)}>Download {e.label}</button>)}
      </div>
      <h3>Erase</h3>
      {confirmErase ? (
        <div className="confirm" role="group" aria-label="Confirm erasing the session">
          <p className="notice error">Erase “{session.title}” ({session.code}) for good? Its participants, tables, transcripts and results are deleted from the server. Download the exports first.</p>
          <div className="button-row">
            <button type="button" className="danger" disabled={erasing} onClick={() => void erase()}>Erase “{session.title}”</button>
            <button type="button" onClick={() => setConfirmErase(false)}>Cancel</button>
          </div>
        </div>
      ) : <button type="button" className="danger" onClick={() => setConfirmErase(true)}>Erase this session…</button>}
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
    </section>
  );
}
