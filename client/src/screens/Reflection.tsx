import { useState, type FormEvent } from "react";
import { LIKERT_ITEMS, TEXT_ITEMS } from "../../../shared/scoring/reflection-survey.js";
import { ErrorNote, useBusy } from "../components/ErrorNote.js";
import { sendMove } from "../net/connection.js";
import { useMySeat, useNegotiation } from "../store/hooks.js";

/** Reflection: the short survey, then a wait for the others before the debrief opens. */
export default function Reflection() {
  const n = useNegotiation();
  const me = useMySeat();
  const [answers, setAnswers] = useState<Record<string, number | string>>({});
  const busy = useBusy("reflection");
  const ending = n.ending;
  if (me?.reflected) {
    const waiting = n.seats.filter((s) => s.occupant && !s.reflected);
    return (
      <div className="screen narrow">
        <h1>Thank you</h1>
        <p role="status"><span className="spinner" aria-hidden="true" /> The debrief opens when everyone has answered{waiting.length ? ` — waiting for ${waiting.map((s) => s.displayName || s.title).join(", ")}` : ""}.</p>
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const filled = Object.fromEntries(Object.entries(answers).filter(([, v]) => typeof v === "number" || v.trim() !== ""));
    void sendMove("reflection", { type: "reflection.submit", answers: filled });
  };
  return (
    <div className="screen narrow">
      <h1>Reflection</h1>
      <p className="instructions">
        {ending?.outcome === "deal" ? "You reached an agreement. " : "The talks ended without an agreement. "}
        Before the debrief, answer a few questions. Your answers are private until the debrief; your counterpart's rating of you feeds your trust score.
      </p>
      <form onSubmit={submit} className="survey">
        {LIKERT_ITEMS.map((item) => (
          <fieldset key={item.id} className="likert">
            <legend>{item.prompt}</legend>
            <div className="scale">
              <span className="anchor">{item.anchors[0]}</span>
              {[1, 2, 3, 4, 5, 6, 7].map((v) => (
                <label key={v}>
                  <input type="radio" name={item.id} value={v} checked={answers[item.id] === v} onChange={() => setAnswers((a) => ({ ...a, [item.id]: v }))} required />
                  <span>{v}</span>
                </label>
              ))}
              <span className="anchor">{item.anchors[1]}</span>
            </div>
          </fieldset>
        ))}
        {TEXT_ITEMS.map((item) => (
          <div key={item.id} className="field">
            <label htmlFor={`q-${item.id}`}>{item.prompt}</label>
            {item.kind === "comment" ? (
              <textarea id={`q-${item.id}`} rows={3} maxLength={item.maxLength} value={String(answers[item.id] ?? "")} onChange={(e) => setAnswers((a) => ({ ...a, [item.id]: e.target.value }))} />
            ) : (
              <input id={`q-${item.id}`} maxLength={item.maxLength} required={!item.optional} value={String(answers[item.id] ?? "")} onChange={(e) => setAnswers((a) => ({ ...a, [item.id]: e.target.value }))} />
            )}
          </div>
        ))}
        <button type="submit" className="primary" disabled={busy}>Submit and see the debrief</button>
        <ErrorNote origin="reflection" />
      </form>
    </div>
  );
}
