import { useId } from "react";
import { KIND_LABEL, type ScenarioSummary } from "../../lib/api.js";

export function NameField({ value, onChange }: { value: string; onChange(v: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Your name</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} maxLength={40} required autoComplete="name" placeholder="As others will see it" />
    </div>
  );
}

interface SeatOption { id: string; title: string; organisation: string; side: string; optional: boolean; taken?: boolean }

export function SeatChoice({ seats, value, onChange, name }: { seats: SeatOption[]; value: string; onChange(v: string): void; name: string }) {
  return (
    <fieldset className="seat-choice">
      <legend>Your seat</legend>
      {seats.map((s) => (
        <label key={s.id} className={`seat-option side-${s.side}${s.taken ? " taken" : ""}`}>
          <input type="radio" name={name} value={s.id} checked={value === s.id} disabled={s.taken} onChange={() => onChange(s.id)} />
          <span>
            <strong>{s.title}</strong>, {s.organisation}
            <span className="side-tag">{s.side === "procurement" ? "Procurement" : "Sales"}</span>
            {s.taken ? <em> — taken</em> : s.optional ? <em> — optional</em> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function ScenarioChoice({ scenarios, value, onChange, name }: { scenarios: ScenarioSummary[]; value: string; onChange(id: string): void; name: string }) {
  return (
    <fieldset className="scenario-list">
      <legend>Scenario</legend>
      {scenarios.map((s) => (
        <label key={s.id} className={`scenario-option${value === s.id ? " chosen" : ""}`}>
          <input type="radio" name={name} value={s.id} checked={value === s.id} onChange={() => onChange(s.id)} />
          <span>
            <span className={`badge kind-${s.kind}`}>{KIND_LABEL[s.kind]}</span> <strong>{s.title}</strong>
            <span className="scenario-meta">{s.durationMinutes} min · {s.seats.length} seats</span>
            <span className="scenario-summary">{s.summary}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The words of a failed request, whatever threw. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
