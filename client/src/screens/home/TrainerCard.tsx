import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { CopyField } from "../../components/CopyField.js";
import { ApiError, createNegotiation, KIND_LABEL, type ScenarioSummary } from "../../lib/api.js";
import { trainerLink } from "../../lib/codes.js";
import { saveTrainerKey } from "../../lib/tokens.js";
import { useOnce } from "../../lib/use-once.js";
import { join } from "../../net/connection.js";
import { messageOf } from "./fields.js";
import { SessionLength, timeScaleFor } from "./SessionLength.js";

interface Created { code: string; key: string }

/**
 * The trainer path: create a negotiation as its trainer, see the trainer link
 * and key once (the server keeps only a hash), then open the facilitator view.
 */
export function TrainerCard({ scenarios, passcodeRequired }: { scenarios: ScenarioSummary[] | null; passcodeRequired: boolean }) {
  const [chosen, setChosen] = useState("");
  const [passcode, setPasscode] = useState("");
  const [minutes, setMinutes] = useState<number | null>(null);
  const scenario = scenarios?.find((s) => s.id === chosen);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  // The server's answer can ask for a passcode even if /api/server had not loaded yet.
  const [askedForPasscode, setAskedForPasscode] = useState(false);
  const [busy, once] = useOnce();
  const ids = useId();
  const showPasscode = passcodeRequired || askedForPasscode;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return setError("Choose a scenario.");
    setError(null);
    once(async () => {
      try {
        const timeScale = scenario ? timeScaleFor(minutes, scenario.durationMinutes) : undefined;
        // The API takes timeScale (server/http/api.ts); lib/api.ts's signature does not name it yet.
        const body: Parameters<typeof createNegotiation>[0] & { timeScale?: number } = { scenarioId: chosen, role: "trainer", ...(showPasscode ? { passcode } : {}), ...(timeScale ? { timeScale } : {}) };
        const answer = await createNegotiation(body);
        if (!answer.trainerKey) throw new Error("The server created the negotiation but sent no trainer key. Try again.");
        // Kept on this device as well, and the address now names the trainer view, so a refresh comes back to it.
        saveTrainerKey(answer.code, answer.trainerKey);
        history.replaceState(null, "", `/n/${answer.code}/trainer`);
        setCreated({ code: answer.code, key: answer.trainerKey });
      } catch (err) {
        if (err instanceof ApiError && (err.code === "passcode-required" || err.code === "wrong-passcode")) setAskedForPasscode(true);
        setError(messageOf(err));
      }
    });
  };

  if (created) return <TrainerKeyOnce created={created} />;
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Run a negotiation as trainer</h2>
      <p>Create a negotiation for your group, share its join code, and watch it live: every brief, pause, extend or end phases.</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${ids}-scenario`}>Scenario</label>
          <select id={`${ids}-scenario`} value={chosen} onChange={(e) => { setChosen(e.target.value); setMinutes(null); }} required>
            <option value="">Choose a scenario…</option>
            {scenarios?.map((s) => <option key={s.id} value={s.id}>{s.title} ({KIND_LABEL[s.kind]}, {s.seats.length} seats)</option>)}
          </select>
        </div>
        {scenario ? <SessionLength scenarioId={scenario.id} scenarioMinutes={scenario.durationMinutes} value={minutes} onChange={setMinutes} name={`${ids}-length`} /> : null}
        {showPasscode ? (
          <div className="field">
            <label htmlFor={`${ids}-passcode`}>Trainer passcode</label>
            <input id={`${ids}-passcode`} type="password" value={passcode} onChange={(e) => setPasscode(e.target.value)} autoComplete="off" required aria-describedby={`${ids}-passcode-hint`} />
            <span id={`${ids}-passcode-hint`} className="hint">This server asks trainers for a passcode; your organiser has it.</span>
          </div>
        ) : null}
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <button type="submit" className="primary" disabled={busy || !scenarios}>{busy ? "Creating…" : "Create as trainer"}</button>
      </form>
    </section>
  );
}

function TrainerKeyOnce({ created }: { created: Created }) {
  const [busy, once] = useOnce();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that was focused is gone: move focus here so the key is not missed, by eye or by screen reader.
  useEffect(() => heading.current?.focus(), []);
  const link = trainerLink(window.location.origin, created.code, created.key);
  return (
    <section className="card trainer-key" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} ref={heading} tabIndex={-1}>Save your trainer link</h2>
      <p>Join code for the players: <strong className="big-code">{created.code}</strong></p>
      <p className="notice warn" role="note">
        <strong>Keep this link private.</strong> Anyone with this link controls the negotiation and sees every brief.
        It is the only way back to the trainer view from another device: it is shown only now, and this browser remembers it.
      </p>
      <CopyField label="Trainer link" value={link} buttonLabel="Copy trainer link" />
      <CopyField label="Trainer key" value={created.key} buttonLabel="Copy key" />
      <button type="button" className="primary" disabled={busy} onClick={() => once(() => join({ kind: "trainer", code: created.code, key: created.key }))}>I have saved it — open the facilitator view</button>
    </section>
  );
}
