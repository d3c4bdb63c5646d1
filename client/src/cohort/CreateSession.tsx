import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { CopyField } from "../components/CopyField.js";
import { ApiError, KIND_LABEL, type ScenarioSummary } from "../lib/api.js";
import { sessionTrainerLink } from "../lib/codes.js";
import { saveSessionKey } from "../lib/tokens.js";
import { useOnce } from "../lib/use-once.js";
import { messageOf } from "../screens/home/fields.js";
import { createSession } from "./api.js";
import { joinCohort } from "./CohortConnection.js";
import { rememberSession } from "./saved.js";
import { POLICIES, POLICY_TEXT, type RolePolicy } from "./types.js";

interface Created { code: string; key: string; title: string }

/**
 * "Run a session": a title, the scenarios, the length and the role policy.
 * The trainer link is shown once (the server keeps only its hash) and kept on this device.
 */
export function CreateSession({ scenarios, passcodeRequired }: { scenarios: ScenarioSummary[] | null; passcodeRequired: boolean }) {
  const [title, setTitle] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  // The length follows the longest chosen scenario until the trainer types one.
  const [minutes, setMinutes] = useState<string | null>(null);
  const [policy, setPolicy] = useState<RolePolicy>("balanced");
  const [passcode, setPasscode] = useState("");
  const [askedForPasscode, setAskedForPasscode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [busy, once] = useOnce();
  const ids = useId();
  const showPasscode = passcodeRequired || askedForPasscode;
  const longest = Math.max(0, ...(scenarios ?? []).filter((s) => chosen.includes(s.id)).map((s) => s.durationMinutes));
  const length = minutes ?? (longest ? String(longest) : "");

  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError("Give the session a title, e.g. the group and the date.");
    if (chosen.length === 0) return setError("Choose at least one scenario.");
    const wanted = Number(length);
    if (length && (!Number.isInteger(wanted) || wanted < 10 || wanted > 480)) return setError("The length is a whole number of minutes, from 10 to 480.");
    setError(null);
    once(async () => {
      try {
        const answer = await createSession({ title: title.trim(), scenarioIds: chosen, policy, ...(length ? { minutes: wanted } : {}), ...(showPasscode ? { passcode } : {}) });
        saveSessionKey(answer.code, answer.trainerKey);
        rememberSession({ code: answer.code, title: title.trim(), createdAt: Date.now() });
        history.replaceState(null, "", `/s/${answer.code}/trainer`);
        setCreated({ code: answer.code, key: answer.trainerKey, title: title.trim() });
      } catch (err) {
        if (err instanceof ApiError && (err.code === "passcode-required" || err.code === "wrong-passcode")) setAskedForPasscode(true);
        setError(messageOf(err));
      }
    });
  };

  if (created) return <SessionKeyOnce created={created} />;
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Run a session</h2>
      <p>A training day for a group: participants join with one code, you group them into tables, watch every table live, then run the plenary.</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${ids}-name`}>Session title</label>
          <input id={`${ids}-name`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={80} required placeholder="e.g. Key account academy, 12 May" />
        </div>
        <fieldset className="scenario-list">
          <legend>Scenarios</legend>
          {!scenarios ? <p role="status">Loading scenarios…</p> : null}
          {scenarios?.map((s) => (
            <label key={s.id} className={`scenario-option${chosen.includes(s.id) ? " chosen" : ""}`}>
              <input type="checkbox" checked={chosen.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
              <span>
                <span className={`badge kind-${s.kind}`}>{KIND_LABEL[s.kind]}</span> <strong>{s.title}</strong>
                <span className="scenario-meta">{s.durationMinutes} min · {s.seats.length} seats</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${ids}-minutes`}>Length in minutes</label>
          <input id={`${ids}-minutes`} type="number" inputMode="numeric" min={10} max={480} value={length} onChange={(e) => setMinutes(e.target.value)} aria-describedby={`${ids}-minutes-hint`} />
          <span id={`${ids}-minutes-hint`} className="hint">Every scenario's phases are scaled to fit; it starts at the longest chosen scenario's length.</span>
        </div>
        <fieldset className="policy-list">
          <legend>Role policy</legend>
          {POLICIES.map((p) => (
            <label key={p} className="check">
              <input type="radio" name={`${ids}-policy`} value={p} checked={policy === p} onChange={() => setPolicy(p)} />
              <span><strong>{POLICY_TEXT[p].label}</strong> — <span className="desc">{POLICY_TEXT[p].line}</span></span>
            </label>
          ))}
        </fieldset>
        {showPasscode ? (
          <div className="field">
            <label htmlFor={`${ids}-passcode`}>Trainer passcode</label>
            <input id={`${ids}-passcode`} type="password" value={passcode} onChange={(e) => setPasscode(e.target.value)} autoComplete="off" required aria-describedby={`${ids}-passcode-hint`} />
            <span id={`${ids}-passcode-hint`} className="hint">This server asks trainers for a passcode; your organiser has it.</span>
          </div>
        ) : null}
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <button type="submit" className="primary" disabled={busy || !scenarios}>{busy ? "Creating…" : "Create the session"}</button>
      </form>
    </section>
  );
}

function SessionKeyOnce({ created }: { created: Created }) {
  const [busy, once] = useOnce();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: focus moves here so the link is not missed, by eye or by screen reader.
  useEffect(() => heading.current?.focus(), []);
  const link = sessionTrainerLink(window.location.origin, created.code, created.key);
  return (
    <section className="card trainer-key" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} ref={heading} tabIndex={-1}>Save your session trainer link</h2>
      <p>{created.title} — join code for the participants: <strong className="big-code">{created.code}</strong></p>
      <p className="notice warn" role="note">
        <strong>Keep this link private.</strong> Anyone with this link runs the session and watches every table, every brief included.
        It is the only way back to the dashboard from another device: it is shown only now, and this browser remembers it.
      </p>
      <CopyField label="Session trainer link" value={link} buttonLabel="Copy trainer link" />
      <button type="button" className="primary" disabled={busy} onClick={() => once(() => joinCohort({ kind: "trainer", code: created.code, screen: "dashboard" }))}>I have saved it — open the dashboard</button>
    </section>
  );
}
