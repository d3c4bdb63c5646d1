import { useId, useState, type FormEvent } from "react";
import { ATTITUDE_STATEMENT } from "../../../shared/cohort/types.js";
import { CohortErrorNote } from "./bits.js";
import { sendPoll } from "./CohortConnection.js";
import { useCohortBusy } from "./store.js";
import type { ParticipantFunction, PollStage } from "./types.js";

/** Who the one word is about: the function across the table from the participant's own. */
function wordPrompt(fn: ParticipantFunction): string {
  if (fn === "sales") return "One word for procurement";
  if (fn === "procurement") return "One word for sales people";
  return "One word for procurement";
}

/** The perception poll, before the tables open and again after the debrief: one word and one attitude item. */
export function Poll({ stage, fn }: { stage: PollStage; fn: ParticipantFunction }) {
  const [word, setWord] = useState("");
  const [attitude, setAttitude] = useState<number | null>(null);
  const origin = `poll-${stage}`;
  const busy = useCohortBusy(origin);
  const ids = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!word.trim() || attitude === null) return;
    void sendPoll(origin, stage, word.trim(), attitude);
  };
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{stage === "before" ? "Before we start: two quick questions" : "After your negotiation: the same two questions"}</h2>
      <p className="hint">The trainer shows everyone's answers together in the plenary, not one by one.</p>
      <form onSubmit={submit} className="survey">
        <div className="field">
          <label htmlFor={`${ids}-word`}>{wordPrompt(fn)}</label>
          <input id={`${ids}-word`} value={word} onChange={(e) => setWord(e.target.value)} maxLength={40} required autoComplete="off" aria-describedby={`${ids}-word-hint`} />
          <span id={`${ids}-word-hint`} className="hint">The first word that comes to mind.</span>
        </div>
        <fieldset className="likert">
          <legend>“{ATTITUDE_STATEMENT}”</legend>
          <div className="scale">
            <span className="anchor" aria-hidden="true">Strongly disagree</span>
            {[1, 2, 3, 4, 5, 6, 7].map((v) => (
              <label key={v}>
                <input type="radio" name={`${ids}-attitude`} value={v} checked={attitude === v} onChange={() => setAttitude(v)} required aria-label={v === 1 ? "1, strongly disagree" : v === 7 ? "7, strongly agree" : String(v)} />
                <span aria-hidden="true">{v}</span>
              </label>
            ))}
            <span className="anchor" aria-hidden="true">Strongly agree</span>
          </div>
        </fieldset>
        <button type="submit" className="primary" disabled={busy || !word.trim() || attitude === null}>Send my answers</button>
        <CohortErrorNote origin={origin} />
      </form>
    </section>
  );
}
