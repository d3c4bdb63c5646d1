import { useId, useState, type FormEvent } from "react";
import { disclosedFacts, openQuestions } from "../../lib/table-state.js";
import { sendMove } from "../../net/connection.js";
import { useNegotiation, useSeatName } from "../../store/hooks.js";
import { useStore } from "../../store/store.js";
import { ErrorNote, useBusy } from "../ErrorNote.js";
import { RecipientSelect, toField } from "./Recipients.js";

/** Questions put to this seat, each with an answer box. */
export function AnswerForm({ seat }: { seat: string }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const open = openQuestions(n.log, seat);
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const busy = useBusy("question.answer");
  if (open.length === 0) return null;
  return (
    <div className="move-form">
      <h3>Questions for you</h3>
      {open.map((q) => (
        <form key={q.seq} onSubmit={(e) => { e.preventDefault(); void sendMove("question.answer", { type: "question.answer", question: q.seq, text: answers[q.seq] ?? "" }); }}>
          <label htmlFor={`answer-${q.seq}`}>{seatName(q.by)} asks: “{q.text}”</label>
          <textarea id={`answer-${q.seq}`} rows={2} maxLength={2000} value={answers[q.seq] ?? ""} onChange={(e) => setAnswers((a) => ({ ...a, [q.seq]: e.target.value }))} />
          <button type="submit" disabled={busy || !(answers[q.seq] ?? "").trim()}>Answer</button>
        </form>
      ))}
      <ErrorNote origin="question.answer" />
    </div>
  );
}

/** Share one of this seat's private facts, after a confirmation that shows its leverage cost. */
export function DiscloseForm({ seat, mySide }: { seat: string; mySide: string }) {
  const n = useNegotiation();
  const brief = useStore((s) => s.negotiation?.views[seat]?.brief);
  const shared = disclosedFacts(n.log, seat);
  const facts = (brief?.brief.privateFacts ?? []).filter((f) => !shared.includes(f.id));
  const [fact, setFact] = useState("");
  const [to, setTo] = useState("");
  const busy = useBusy("fact.disclose");
  const id = useId();
  if (facts.length === 0) return null;
  const chosen = facts.find((f) => f.id === fact);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || !window.confirm(`Share this with the other side?\n\n“${chosen.text}”\n\nLeverage cost: ${chosen.leverageCost}. Sharing builds trust but you cannot take it back.`)) return;
    void sendMove("fact.disclose", { type: "fact.disclose", fact, ...toField(to) });
    setFact("");
  };
  return (
    <form className="move-form" onSubmit={submit}>
      <label htmlFor={id}>Share private information</label>
      <RecipientSelect mySide={mySide} value={to} onChange={setTo} />
      <select id={id} value={fact} onChange={(e) => setFact(e.target.value)}>
        <option value="">Choose a fact to share…</option>
        {facts.map((f) => <option key={f.id} value={f.id}>{f.text.slice(0, 90)}{f.text.length > 90 ? "…" : ""} (leverage cost: {f.leverageCost})</option>)}
      </select>
      <button type="submit" disabled={busy || !fact}>Share…</button>
      <ErrorNote origin="fact.disclose" />
    </form>
  );
}

/** A value argument: a TCO lever from the brief, the claim, and a figure in the lever's unit. */
export function ValueForm({ seat, mySide }: { seat: string; mySide: string }) {
  const brief = useStore((s) => s.negotiation?.views[seat]?.brief);
  const levers = brief?.valueLevers ?? [];
  const [lever, setLever] = useState("");
  const [claim, setClaim] = useState("");
  const [figure, setFigure] = useState("");
  const [to, setTo] = useState("");
  const busy = useBusy("value.argue");
  const id = useId();
  if (levers.length === 0) return null;
  const chosen = levers.find((l) => l.id === lever);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await sendMove("value.argue", { type: "value.argue", lever, claim, ...(figure.trim() ? { figure: Number(figure) } : {}), ...toField(to) });
    if (r.ok) { setClaim(""); setFigure(""); }
  };
  return (
    <form className="move-form" onSubmit={(e) => void submit(e)}>
      <h3>Argue value (total cost of ownership)</h3>
      <RecipientSelect mySide={mySide} value={to} onChange={setTo} />
      <label htmlFor={`${id}-l`}>Value lever</label>
      <select id={`${id}-l`} value={lever} onChange={(e) => { setLever(e.target.value); setClaim(levers.find((l) => l.id === e.target.value)?.claim ?? ""); }}>
        <option value="">Choose a lever…</option>
        {levers.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
      </select>
      <label htmlFor={`${id}-c`}>Your claim</label>
      <textarea id={`${id}-c`} rows={2} value={claim} onChange={(e) => setClaim(e.target.value)} maxLength={2000} />
      <label htmlFor={`${id}-f`}>Figure {chosen?.figure ? `(${chosen.figure.unit}; honest range ${chosen.figure.low}–${chosen.figure.high})` : "(optional)"}</label>
      <input id={`${id}-f`} type="number" step="any" inputMode="decimal" value={figure} onChange={(e) => setFigure(e.target.value)} />
      <button type="submit" disabled={busy || !lever || !claim.trim()}>Make the argument</button>
      <ErrorNote origin="value.argue" />
    </form>
  );
}

/** Raise a risk, or say how one is addressed. */
export function RiskForm({ mySide, canRaise, canAddress }: { mySide: string; canRaise: boolean; canAddress: boolean }) {
  const n = useNegotiation();
  const [risk, setRisk] = useState("");
  const [note, setNote] = useState("");
  const [to, setTo] = useState("");
  const busy = useBusy("risk");
  const id = useId();
  if (n.scenario.risks.length === 0 || (!canRaise && !canAddress)) return null;
  const send = async (type: "risk.raise" | "risk.address") => {
    const r = await sendMove("risk", { type, risk, note, ...toField(to) });
    if (r.ok) setNote("");
  };
  return (
    <form className="move-form" onSubmit={(e) => e.preventDefault()}>
      <h3>Risks</h3>
      <RecipientSelect mySide={mySide} value={to} onChange={setTo} />
      <label htmlFor={`${id}-r`}>Risk</label>
      <select id={`${id}-r`} value={risk} onChange={(e) => setRisk(e.target.value)}>
        <option value="">Choose a risk…</option>
        {n.scenario.risks.map((r) => <option key={r.id} value={r.id}>{r.title} ({r.category.replace("-", " ")})</option>)}
      </select>
      <label htmlFor={`${id}-n`}>What you say about it</label>
      <textarea id={`${id}-n`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      <div className="button-row">
        {canRaise ? <button type="button" disabled={busy || !risk || !note.trim()} onClick={() => void send("risk.raise")}>Raise this risk</button> : null}
        {canAddress ? <button type="button" disabled={busy || !risk || !note.trim()} onClick={() => void send("risk.address")}>Address this risk</button> : null}
      </div>
      <ErrorNote origin="risk" />
    </form>
  );
}
