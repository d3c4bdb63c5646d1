import { useId, useState, type FormEvent } from "react";
import { topicLabel } from "../../lib/describe-entry.js";
import { disclosedFacts, openQuestions, riskAnswers, unansweredRisks } from "../../lib/table-state.js";
import { sendMove } from "../../net/connection.js";
import { useCurrentPhase, useMySeatId, useNegotiation, useSeatName } from "../../store/hooks.js";
import { useStore } from "../../store/store.js";
import { ErrorNote, useSubmit } from "../ErrorNote.js";
import { ConfirmDialog } from "./ConfirmDialog.js";
import { RecipientSelect, toField, useTenderBuyer } from "./Recipients.js";

/** Questions put to this seat, each with an answer box. */
export function AnswerForm({ seat }: { seat: string }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const phase = useCurrentPhase();
  const tenderBuyer = useTenderBuyer(n.seats.find((s) => s.id === seat)?.side ?? "");
  const levers = useStore((s) => s.negotiation?.views[seat]?.brief?.valueLevers);
  const open = openQuestions(n.log, seat);
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [busy, once] = useSubmit("question.answer");
  if (open.length === 0) return null;
  return (
    <div className="move-form">
      <h3>Questions for you</h3>
      {tenderBuyer && phase?.kind === "rfq" ? <p className="hint">Your answers reach every bidder.</p> : null}
      {open.map((q) => (
        <form key={q.seq} onSubmit={(e) => { e.preventDefault(); once(() => sendMove("question.answer", { type: "question.answer", question: q.seq, text: answers[q.seq] ?? "" })); }}>
          <label htmlFor={`answer-${q.seq}`}>{seatName(q.by)} asks: “{q.text}”{q.about ? ` (about ${topicLabel({ scenario: n.scenario, levers: levers ?? [] }, q.about)})` : ""}</label>
          <textarea id={`answer-${q.seq}`} rows={2} maxLength={2000} value={answers[q.seq] ?? ""} onChange={(e) => setAnswers((a) => ({ ...a, [q.seq]: e.target.value }))} />
          <button type="submit" disabled={busy || !(answers[q.seq] ?? "").trim()}>Answer</button>
        </form>
      ))}
      <ErrorNote origin="question.answer" />
    </div>
  );
}

/** Share one of this seat's private facts, after a confirmation that shows its leverage cost; a tender's buyer shares with every bidder. */
export function DiscloseForm({ seat, mySide }: { seat: string; mySide: string }) {
  const n = useNegotiation();
  const brief = useStore((s) => s.negotiation?.views[seat]?.brief);
  const everyBidder = useTenderBuyer(mySide);
  const shared = disclosedFacts(n.log, seat);
  const facts = (brief?.brief.privateFacts ?? []).filter((f) => !shared.includes(f.id));
  const [fact, setFact] = useState("");
  const [to, setTo] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy] = useSubmit("fact.disclose");
  const id = useId();
  if (facts.length === 0) return null;
  const chosen = facts.find((f) => f.id === fact);
  const share = async () => {
    const r = await sendMove("fact.disclose", { type: "fact.disclose", fact, ...(everyBidder ? {} : toField(to)) });
    if (r.ok) { setFact(""); setConfirming(false); }
  };
  return (
    <>
      <form className="move-form" onSubmit={(e) => { e.preventDefault(); if (chosen) setConfirming(true); }}>
        <label htmlFor={id}>Share private information</label>
        {everyBidder ? <p className="hint">What you share reaches every bidder.</p> : <RecipientSelect mySide={mySide} value={to} onChange={setTo} />}
        <select id={id} value={fact} onChange={(e) => setFact(e.target.value)}>
          <option value="">Choose a fact to share…</option>
          {facts.map((f) => <option key={f.id} value={f.id}>{f.text.slice(0, 90)}{f.text.length > 90 ? "…" : ""} (leverage cost: {f.leverageCost})</option>)}
        </select>
        <button type="submit" disabled={busy || !fact}>Share…</button>
        {confirming ? null : <ErrorNote origin="fact.disclose" />}
      </form>
      <ConfirmDialog
        open={confirming && chosen !== undefined}
        title={everyBidder ? "Share this with every bidder?" : "Share this with the other side?"}
        consequence={`${everyBidder ? "Every bidder" : "They"} will read this fact in the transcript; sharing builds trust, but you cannot take it back.`}
        confirmLabel="Yes, share it"
        busyLabel="Sharing…"
        cancelLabel="Keep it private"
        disabled={busy}
        onConfirm={share}
        onClose={() => setConfirming(false)}
        footer={confirming ? <ErrorNote origin="fact.disclose" /> : null}
      >
        <p className="quote">“{chosen?.text}”</p>
        <p>Leverage cost: <strong>{chosen?.leverageCost}</strong>.</p>
      </ConfirmDialog>
    </>
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
  const [busy, once] = useSubmit("value.argue");
  const id = useId();
  if (levers.length === 0) return null;
  const chosen = levers.find((l) => l.id === lever);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    once(() => argue());
  };
  const argue = async () => {
    const r = await sendMove("value.argue", { type: "value.argue", lever, claim, ...(figure.trim() ? { figure: Number(figure) } : {}), ...toField(to) });
    if (r.ok) { setClaim(""); setFigure(""); }
  };
  return (
    <form className="move-form" onSubmit={submit}>
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

/**
 * Raise a risk, or answer one: the risks the other side raised and this seat
 * has not answered are listed first, and an answer names a deal term or a
 * concrete mitigation from the scenario (or is a note only).
 */
export function RiskForm({ mySide, canRaise, canAddress }: { mySide: string; canRaise: boolean; canAddress: boolean }) {
  const n = useNegotiation();
  const seat = useMySeatId();
  const seatName = useSeatName();
  const [risk, setRisk] = useState("");
  const [answer, setAnswer] = useState("");
  const [note, setNote] = useState("");
  const [to, setTo] = useState("");
  const [busy, once] = useSubmit("risk");
  const id = useId();
  if (n.scenario.risks.length === 0 || (!canRaise && !canAddress)) return null;
  const raised = seat ? unansweredRisks(n.log, seat) : [];
  const raisedIds = new Set(raised.map((r) => r.risk));
  const title = (riskId: string) => n.scenario.risks.find((r) => r.id === riskId)?.title ?? riskId;
  const answers = canAddress && risk ? riskAnswers(n.scenario, risk) : [];
  const chosen = answers.find((a) => a.value === answer);
  const pick = (riskId: string) => { setRisk(riskId); setAnswer(""); };
  const send = async (type: "risk.raise" | "risk.address") => {
    const extra = type === "risk.address" && chosen ? chosen.fields : {};
    const r = await sendMove("risk", { type, risk, note, ...toField(to), ...extra });
    if (r.ok) { setNote(""); setAnswer(""); }
  };
  const option = (r: (typeof n.scenario.risks)[number]) => <option key={r.id} value={r.id}>{r.title} ({r.category.replace(/-/g, " ")})</option>;
  return (
    <form className="move-form" onSubmit={(e) => e.preventDefault()}>
      <h3>Risks</h3>
      {canAddress && raised.length ? (
        <div className="raised-risks">
          <p>Raised with you, not answered yet:</p>
          <ul>
            {raised.map((r) => (
              <li key={r.risk}>
                <strong>“{title(r.risk)}”</strong> — {seatName(r.by)}{r.note ? `: “${r.note}”` : ""}{" "}
                <button type="button" disabled={risk === r.risk} onClick={() => pick(r.risk)}>{risk === r.risk ? "Chosen" : "Answer it"}</button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <RecipientSelect mySide={mySide} value={to} onChange={setTo} />
      <label htmlFor={`${id}-r`}>Risk</label>
      <select id={`${id}-r`} value={risk} onChange={(e) => pick(e.target.value)}>
        <option value="">Choose a risk…</option>
        {canAddress && raised.length ? (
          <>
            <optgroup label="Raised with you, not answered yet">{n.scenario.risks.filter((r) => raisedIds.has(r.id)).map(option)}</optgroup>
            <optgroup label="Other risks">{n.scenario.risks.filter((r) => !raisedIds.has(r.id)).map(option)}</optgroup>
          </>
        ) : n.scenario.risks.map(option)}
      </select>
      {answers.length ? (
        <>
          <label htmlFor={`${id}-a`}>How do you answer it?</label>
          <select id={`${id}-a`} value={answer} onChange={(e) => { setAnswer(e.target.value); const a = answers.find((x) => x.value === e.target.value); if (a && !note.trim()) setNote(a.label); }} aria-describedby={`${id}-a-hint`}>
            <option value="">Note only</option>
            {answers.map((a) => <option key={a.value} value={a.value}>{a.label}</option>)}
          </select>
          <p id={`${id}-a-hint`} className="hint">An answer counts in your debrief when it answers a risk raised with you and names a deal term or a concrete mitigation.</p>
        </>
      ) : null}
      <label htmlFor={`${id}-n`}>What you say about it</label>
      <textarea id={`${id}-n`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      <div className="button-row">
        {canRaise ? <button type="button" disabled={busy || !risk || !note.trim()} onClick={() => once(() => send("risk.raise"))}>Raise this risk</button> : null}
        {canAddress ? <button type="button" disabled={busy || !risk || !note.trim()} onClick={() => once(() => send("risk.address"))}>{raisedIds.has(risk) ? "Answer this risk" : "Address this risk"}</button> : null}
      </div>
      <ErrorNote origin="risk" />
    </form>
  );
}
