import { useEffect, useId, useState, type FormEvent } from "react";
import { normaliseCode } from "../lib/codes.js";
import { useOnce } from "../lib/use-once.js";
import { messageOf, NameField } from "../screens/home/fields.js";
import { fetchSession, type SessionInfo } from "./api.js";
import { joinCohort } from "./CohortConnection.js";
import { FUNCTION_LABEL, FUNCTIONS, type ParticipantFunction } from "./types.js";

/** "Join a session": the code the trainer gave, a name, and the function the participant works in. */
export function JoinSession({ initialCode }: { initialCode: string | null }) {
  const [code, setCode] = useState(initialCode ?? "");
  const [name, setName] = useState("");
  const [fn, setFn] = useState<ParticipantFunction | "">("");
  const [side, setSide] = useState<"procurement" | "sales" | "">("");
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, once] = useOnce();
  const ids = useId();

  // Opened from /s/CODE, or once a whole code is typed: say which session this is (and whether it asks for a side).
  const typed = normaliseCode(code).length === 8 ? normaliseCode(code) : "";
  useEffect(() => {
    if (typed) fetchSession(typed).then(setInfo, (e: unknown) => (initialCode ? setError(messageOf(e)) : undefined));
  }, [typed, initialCode]);
  const selfSelect = info?.policy === "self-select" && info.code === typed;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const target = normaliseCode(code);
    if (!target) return setError("Enter the session code your trainer gave you.");
    if (!fn) return setError("Choose the function you work in.");
    setError(null);
    once(() => joinCohort({ kind: "new", code: target, name: name.trim(), function: fn, ...(selfSelect && side ? { preference: side } : {}) }));
  };

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Join a session</h2>
      <p>Your trainer runs the day: join with the session code, then wait to be seated at a table.</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${ids}-code`}>Session code</label>
          <input id={`${ids}-code`} value={code} onChange={(e) => { setCode(e.target.value.toUpperCase()); setInfo(null); }} placeholder="e.g. K7M2-QX9P" maxLength={16} autoCapitalize="characters" autoComplete="off" spellCheck={false} required className="code-input" />
        </div>
        {info && normaliseCode(code) === info.code ? <p className="scenario-line"><strong>{info.title}</strong>{info.status === "ended" ? " — this session has ended." : ""}</p> : null}
        <NameField value={name} onChange={setName} />
        <fieldset>
          <legend>Your function at work</legend>
          {FUNCTIONS.map((f) => (
            <label key={f} className="check">
              <input type="radio" name={`${ids}-function`} value={f} checked={fn === f} onChange={() => setFn(f)} required />
              <span>{FUNCTION_LABEL[f]}</span>
            </label>
          ))}
        </fieldset>
        {selfSelect ? (
          <fieldset>
            <legend>Which side would you like to play?</legend>
            {([["procurement", "Procurement (the buyer)"], ["sales", "Sales (the supplier)"], ["", "No preference"]] as const).map(([value, label]) => (
              <label key={value || "none"} className="check">
                <input type="radio" name={`${ids}-side`} value={value} checked={side === value} onChange={() => setSide(value)} />
                <span>{label}</span>
              </label>
            ))}
            <span className="hint">Your trainer seats people as they ask while seats are free; playing the other side is often the most instructive.</span>
          </fieldset>
        ) : null}
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <button type="submit" className="primary" disabled={busy}>{busy ? "Joining…" : "Join the session"}</button>
      </form>
    </section>
  );
}
