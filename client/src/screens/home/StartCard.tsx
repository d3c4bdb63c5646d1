import { useState, type FormEvent } from "react";
import { createNegotiation, type ScenarioSummary } from "../../lib/api.js";
import { useOnce } from "../../lib/use-once.js";
import { join } from "../../net/connection.js";
import { messageOf, NameField, ScenarioChoice, SeatChoice } from "./fields.js";
import { SessionLength, timeScaleFor } from "./SessionLength.js";

/** The player path: create a negotiation for a scenario (no trainer) and take a seat in it. */
export function StartCard({ scenarios, loadError }: { scenarios: ScenarioSummary[] | null; loadError: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState("");
  const [seat, setSeat] = useState("");
  const [name, setName] = useState("");
  const [minutes, setMinutes] = useState<number | null>(null);
  const [busy, once] = useOnce();
  const scenario = scenarios?.find((s) => s.id === chosen);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!scenario || !seat) return setError("Choose a scenario and your seat.");
    setError(null);
    once(async () => {
      try {
        const timeScale = timeScaleFor(minutes, scenario.durationMinutes);
        // The API takes timeScale (server/http/api.ts); lib/api.ts's signature does not name it yet.
        const body: Parameters<typeof createNegotiation>[0] & { timeScale?: number } = { scenarioId: scenario.id, role: "player", ...(timeScale ? { timeScale } : {}) };
        const created = await createNegotiation(body);
        await join({ kind: "seat", code: created.code, seat, name: name.trim() });
      } catch (err) {
        setError(messageOf(err));
      }
    });
  };

  return (
    <section className="card" aria-labelledby="start-title">
      <h2 id="start-title">Start a negotiation and take a seat</h2>
      {!scenarios && !loadError ? <p role="status">Loading scenarios…</p> : null}
      {loadError ? <p className="field-error" role="alert">{loadError}</p> : null}
      <form onSubmit={submit}>
        {scenarios ? <ScenarioChoice scenarios={scenarios} value={chosen} name="start-scenario" onChange={(id) => { setChosen(id); setMinutes(null); setSeat(scenarios.find((s) => s.id === id)?.seats[0]?.id ?? ""); }} /> : null}
        {scenario ? (
          <>
            <SeatChoice seats={scenario.seats} value={seat} onChange={setSeat} name="start-seat" />
            <NameField value={name} onChange={setName} />
            <SessionLength scenarioId={scenario.id} scenarioMinutes={scenario.durationMinutes} value={minutes} onChange={setMinutes} name="start-length" />
            <p className="hint">You get a join code to share with the other players. No trainer watches this one.</p>
          </>
        ) : null}
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <button type="submit" className="primary" disabled={!scenario || busy}>{busy ? "Starting…" : "Start and open the lobby"}</button>
      </form>
    </section>
  );
}
