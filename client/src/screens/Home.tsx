import { useEffect, useId, useState, type FormEvent } from "react";
import { fetchNegotiation, fetchScenarios, KIND_LABEL, type NegotiationInfo, type ScenarioSummary } from "../lib/api.js";
import { join } from "../net/connection.js";
import { useStore } from "../store/store.js";

/** Home: start a negotiation, join one by code or link, or watch one as facilitator. */
export function Home({ initialCode }: { initialCode: string | null }) {
  const problem = useStore((s) => s.problem);
  const connecting = useStore((s) => s.status === "connecting");
  return (
    <div className="home">
      <section className="hero">
        <h1>Negotiation Simulator</h1>
        <p className="lead">Sit on the other side of the table. Negotiate a tender or a strategic partnership as procurement or as sales, then read a debrief on trust, value and goals.</p>
      </section>
      {problem ? <p className="notice error" role="alert">{problem}</p> : null}
      {connecting ? <p className="notice" role="status">Connecting…</p> : null}
      <div className="home-grid">
        <JoinCard initialCode={initialCode} />
        <StartCard />
        <FacilitatorCard initialCode={initialCode} />
        <section className="card muted" aria-labelledby="practice-title">
          <h2 id="practice-title">Practise alone</h2>
          <p>Play against a practice partner that takes the other seat. <strong>Coming soon.</strong></p>
        </section>
      </div>
    </div>
  );
}

function NameField({ value, onChange }: { value: string; onChange(v: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Your name</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} maxLength={40} required autoComplete="name" placeholder="As others will see it" />
    </div>
  );
}

function SeatChoice({ seats, value, onChange, name }: { seats: { id: string; title: string; organisation: string; side: string; optional: boolean; taken?: boolean }[]; value: string; onChange(v: string): void; name: string }) {
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

function JoinCard({ initialCode }: { initialCode: string | null }) {
  const [code, setCode] = useState(initialCode ?? "");
  const [info, setInfo] = useState<NegotiationInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seat, setSeat] = useState("");
  const [name, setName] = useState("");
  const codeId = useId();

  const lookUp = async (c: string) => {
    setError(null);
    setInfo(null);
    try {
      const found = await fetchNegotiation(c);
      setInfo(found);
      setSeat(found.seats.find((s) => !s.taken)?.id ?? "");
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    if (initialCode) void lookUp(initialCode);
  }, [initialCode]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!info) return void lookUp(code);
    if (!seat) return setError("Choose a free seat.");
    void join({ kind: "seat", code: info.id, seat, name: name.trim() });
  };
  const free = info?.seats.filter((s) => !s.taken).length ?? 0;

  return (
    <section className="card" aria-labelledby="join-title">
      <h2 id="join-title">Join a negotiation</h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={codeId}>Join code</label>
          <input id={codeId} value={code} onChange={(e) => { setCode(e.target.value.toUpperCase()); setInfo(null); }} placeholder="e.g. K7M2QX" maxLength={12} autoCapitalize="characters" required className="code-input" />
        </div>
        {info ? (
          <>
            <p className="scenario-line"><span className={`badge kind-${info.scenario.kind}`}>{KIND_LABEL[info.scenario.kind]}</span> {info.scenario.title}</p>
            {info.status === "finished" ? <p className="notice">This negotiation is over. Your debrief is on the device you played on.</p> : null}
            {free === 0 && info.status !== "finished" ? <p className="notice">Every seat is taken. If one is yours, open your personal link on the device you joined with.</p> : null}
            <SeatChoice seats={info.seats} value={seat} onChange={setSeat} name="join-seat" />
            <NameField value={name} onChange={setName} />
          </>
        ) : null}
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <button type="submit" className="primary">{info ? "Take this seat" : "Find negotiation"}</button>
      </form>
    </section>
  );
}

function StartCard() {
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState("");
  const [seat, setSeat] = useState("");
  const [name, setName] = useState("");
  useEffect(() => {
    fetchScenarios().then(setScenarios, (e: Error) => setError(`The scenario list could not be loaded: ${e.message}`));
  }, []);
  const scenario = scenarios?.find((s) => s.id === chosen);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!scenario || !seat) return setError("Choose a scenario and your seat.");
    void join({ kind: "create", scenarioId: scenario.id, seat, name: name.trim() });
  };

  return (
    <section className="card" aria-labelledby="start-title">
      <h2 id="start-title">Start a negotiation</h2>
      {!scenarios && !error ? <p role="status">Loading scenarios…</p> : null}
      <form onSubmit={submit}>
        <fieldset className="scenario-list">
          <legend>Scenario</legend>
          {scenarios?.map((s) => (
            <label key={s.id} className={`scenario-option${chosen === s.id ? " chosen" : ""}`}>
              <input type="radio" name="scenario" value={s.id} checked={chosen === s.id} onChange={() => { setChosen(s.id); setSeat(s.seats[0]?.id ?? ""); }} />
              <span>
                <span className={`badge kind-${s.kind}`}>{KIND_LABEL[s.kind]}</span> <strong>{s.title}</strong>
                <span className="scenario-meta">{s.durationMinutes} min · {s.seats.length} seats</span>
                <span className="scenario-summary">{s.summary}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {scenario ? (
          <>
            <SeatChoice seats={scenario.seats} value={seat} onChange={setSeat} name="start-seat" />
            <NameField value={name} onChange={setName} />
            <p className="hint">You get a join code to share with the other players.</p>
          </>
        ) : null}
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <button type="submit" className="primary" disabled={!scenario}>Start and open the lobby</button>
      </form>
    </section>
  );
}

function FacilitatorCard({ initialCode }: { initialCode: string | null }) {
  const [code, setCode] = useState(initialCode ?? "");
  const [name, setName] = useState("");
  const codeId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void join({ kind: "facilitator", code, name: name.trim() });
  };
  return (
    <section className="card" aria-labelledby="fac-title">
      <h2 id="fac-title">Facilitate</h2>
      <p>Watch a negotiation live, read both briefs, and pause, extend or end phases.</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={codeId}>Join code</label>
          <input id={codeId} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} maxLength={12} required className="code-input" />
        </div>
        <NameField value={name} onChange={setName} />
        <button type="submit">Open facilitator view</button>
      </form>
    </section>
  );
}
