import { useEffect, useId, useState } from "react";

/**
 * How long the negotiation runs: the scenario's own agenda, or a shorter or
 * longer one with every phase scaled by the same factor (the server's
 * timeScale). The chosen agenda is shown phase by phase before creating.
 */

/** Whole minutes rounded to the nearest 5, never under 10. */
const round5 = (m: number) => Math.max(10, Math.round(m / 5) * 5);

/** The lengths offered for a scenario of `minutes`: e.g. 45, 65, 85 (its own) and 120 for an 85-minute scenario. */
export function lengthOptions(minutes: number): number[] {
  return [...new Set([round5(minutes * 0.55), round5(minutes * 0.75), minutes, round5(minutes * 1.4)])].sort((a, b) => a - b);
}

/** The factor the server scales every phase by; undefined for the scenario's own length (the server's default applies). */
export function timeScaleFor(minutes: number | null, scenarioMinutes: number): number | undefined {
  if (minutes === null || minutes === scenarioMinutes || scenarioMinutes <= 0) return undefined;
  return minutes / scenarioMinutes;
}

interface PhaseLine { title: string; minutes: number }

function isPhaseList(v: unknown): v is { phases: PhaseLine[] } {
  if (!v || typeof v !== "object" || !("phases" in v) || !Array.isArray(v.phases)) return false;
  return v.phases.every((p: unknown) => !!p && typeof p === "object" && "title" in p && typeof p.title === "string" && "minutes" in p && typeof p.minutes === "number");
}

/** The scenario's phases (title and minutes), from its public description; null until loaded or if it cannot be. */
function usePhases(scenarioId: string): PhaseLine[] | null {
  const [loaded, setLoaded] = useState<{ id: string; phases: PhaseLine[] } | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`/api/scenarios/${encodeURIComponent(scenarioId)}`)
      .then((r) => (r.ok ? r.json() : null))
      .then((body: unknown) => {
        if (live && isPhaseList(body)) setLoaded({ id: scenarioId, phases: body.phases.map((p) => ({ title: p.title, minutes: p.minutes })) });
      }, () => undefined); // the agenda is a help: the choice works without it
    return () => {
      live = false;
    };
  }, [scenarioId]);
  return loaded?.id === scenarioId ? loaded.phases : null;
}

/** The length choice for a chosen scenario; `value` null means the scenario's own. */
export function SessionLength({ scenarioId, scenarioMinutes, value, onChange, name }: {
  scenarioId: string;
  scenarioMinutes: number;
  value: number | null;
  onChange(minutes: number): void;
  name: string;
}) {
  const ids = useId();
  const phases = usePhases(scenarioId);
  const chosen = value ?? scenarioMinutes;
  const scale = chosen / scenarioMinutes;
  const label = (m: number) => (m === scenarioMinutes ? `${m} min — the scenario's own` : m < scenarioMinutes ? `${m} min — shorter` : `${m} min — longer`);
  return (
    <fieldset className="session-length">
      <legend>Session length</legend>
      <div className="length-options">
        {lengthOptions(scenarioMinutes).map((m) => (
          <label key={m} className="seat-option length-option">
            <input type="radio" name={name} value={m} checked={chosen === m} onChange={() => onChange(m)} />
            <span>{label(m)}</span>
          </label>
        ))}
      </div>
      {phases ? (
        <>
          <p className="hint" id={`${ids}-agenda`}>{scale === 1 ? "The agenda:" : `Every phase scaled to ${Math.round(scale * 100)} %:`}</p>
          <ol className="agenda" aria-labelledby={`${ids}-agenda`}>
            {phases.map((p, i) => <li key={i}>{p.title} <span className="agenda-minutes">{scaledMinutes(p.minutes, scale)} min</span></li>)}
          </ol>
        </>
      ) : null}
    </fieldset>
  );
}

/** A phase's minutes after scaling, as shown (the server keeps the exact value). */
export function scaledMinutes(minutes: number, scale: number): number {
  return Math.max(1, Math.round(minutes * scale));
}
