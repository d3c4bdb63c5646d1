import { useEffect, useState, type FormEvent } from "react";
import { ErrorNote, useSubmit } from "../components/ErrorNote.js";
import { sendMove } from "../net/connection.js";
import { useCurrentPhase, useMySeat, useNegotiation } from "../store/hooks.js";
import { useStore } from "../store/store.js";
import { ReadyBar } from "./ReadyBar.js";

/** Preparation: pick your objectives, write a plan, guess the other side's objectives. */
export default function Preparation() {
  const n = useNegotiation();
  const me = useMySeat();
  const phase = useCurrentPhase();
  const view = useStore((s) => (s.me?.seat ? s.negotiation?.views[s.me.seat] : undefined));
  if (!me) return null;
  const other = me.side === "sales" ? "procurement" : "sales";
  return (
    <div className="screen">
      <h1>{phase?.title ?? "Preparation"}</h1>
      <p className="instructions">{phase?.instructions ?? "Choose what you want from this negotiation before you meet the other side. If two of your objectives clash with theirs, the chance of a deal is slim."}</p>
      <div className="two-col">
        <ObjectivePicker origin="objectives" legend={`Your ${n.scenario.objectivesPerSide} objectives`} side={me.side} saved={view?.objectives ?? []} moveType="objectives.set" />
        <ObjectivePicker origin="guesses" legend={`Guess the other side's ${n.scenario.objectivesPerSide} objectives`} side={other} saved={view?.guesses ?? []} moveType="guess.set" />
      </div>
      <PlanForm saved={view?.plan ?? ""} />
      {view?.objectives.length ? null : <p className="hint">Save your objectives before you say you are ready.</p>}
      <ReadyBar label="I'm prepared" />
    </div>
  );
}

function ObjectivePicker({ origin, legend, side, saved, moveType }: { origin: string; legend: string; side: string; saved: string[]; moveType: "objectives.set" | "guess.set" }) {
  const n = useNegotiation();
  const [picked, setPicked] = useState<string[]>(saved);
  useEffect(() => setPicked(saved), [saved.join(",")]);
  const [busy, once] = useSubmit(origin);
  const max = n.scenario.objectivesPerSide;
  const catalogue = n.scenario.objectives.filter((o) => o.side === side);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length < max ? [...p, id] : p));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    once(() => sendMove(origin, { type: moveType, objectives: picked }));
  };
  const isSaved = saved.length > 0 && saved.slice().sort().join() === picked.slice().sort().join();
  return (
    <form className="card" onSubmit={submit}>
      <fieldset>
        <legend>{legend} <span className="count">({picked.length} of {max})</span></legend>
        {catalogue.map((o) => (
          <label key={o.id} className="check">
            <input type="checkbox" checked={picked.includes(o.id)} disabled={!picked.includes(o.id) && picked.length >= max} onChange={() => toggle(o.id)} />
            <span><strong>{o.label}</strong>{o.description ? <span className="desc"> — {o.description}</span> : null}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || picked.length !== max}>{isSaved ? "Saved ✓" : "Save"}</button>
      <ErrorNote origin={origin} />
    </form>
  );
}

function PlanForm({ saved }: { saved: string }) {
  const [text, setText] = useState(saved);
  const [busy, once] = useSubmit("plan");
  return (
    <form className="card" onSubmit={(e) => { e.preventDefault(); once(() => sendMove("plan", { type: "plan.set", text })); }}>
      <label htmlFor="plan">Your plan (private): what you will ask, what you can give, where you stop</label>
      <textarea id="plan" rows={4} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
      <button type="submit" disabled={busy || !text.trim()}>{saved && saved === text ? "Saved ✓" : "Save plan"}</button>
      <ErrorNote origin="plan" />
    </form>
  );
}
