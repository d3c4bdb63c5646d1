import { useState } from "react";
import type { LogEntry } from "../../../shared/negotiation/events.js";
import { reflectionItemsFor, type LikertItem, type TextItem } from "../../../shared/scoring/reflection-survey.js";
import { ErrorNote, useSubmit } from "../components/ErrorNote.js";
import { ConfirmDialog } from "../components/moves/ConfirmDialog.js";
import { sendMove } from "../net/connection.js";
import type { NegotiationSnapshot } from "../store/store.js";
import { useMySeat, useNegotiation, useSeatName } from "../store/hooks.js";

const text = (v: unknown): string => (typeof v === "string" ? v : "");

/** The agreement this seat can read (only its parties can), from the log's end entry. */
function agreementOf(n: NegotiationSnapshot): { parties: string[]; package: Record<string, string> } | null {
  const ended: LogEntry | undefined = n.log.findLast((e) => e.type === "negotiation.ended");
  const a: unknown = ended?.payload["agreement"];
  if (!a || typeof a !== "object" || !("parties" in a) || !("package" in a) || !Array.isArray(a.parties)) return null;
  const pkg: unknown = a.package;
  if (!pkg || typeof pkg !== "object") return null;
  const terms = Object.fromEntries(Object.entries(pkg).filter((kv): kv is [string, string] => typeof kv[1] === "string"));
  return { parties: a.parties.filter((p): p is string => typeof p === "string"), package: terms };
}

/**
 * How the talks ended, in plain words, for a seat that is not a party to an
 * agreement: a walk-away (and its reason), the time running out, the trainer
 * ending the session, every supplier withdrawing, or another seat's award.
 */
function outcomeLine(n: NegotiationSnapshot, seat: string | undefined, name: (id: string) => string): string {
  const batna = seat ? n.views[seat]?.brief?.brief.batna.points : undefined;
  const fallBack = batna === undefined ? "" : ` You fall back on your BATNA (${batna} points).`;
  const tender = n.scenario.kind === "commodity-bid";
  if (n.ending?.outcome === "deal") {
    // A bidder not awarded never reads to whom or on what terms (its log has no such entry); the debrief says what it means for it.
    return tender ? "The buyer awarded the contract to another supplier; your debrief shows what that means for you." : "The talks ended in an agreement between other seats.";
  }
  switch (n.ending?.reason) {
    case "walkaway": {
      const left = n.log.findLast((e) => e.type === "walkaway");
      const why = text(left?.payload["reason"]).trim();
      const who = left ? (left.by === seat ? "You" : name(left.by)) : "A seat";
      return `No deal: ${who} walked away${why ? ` (“${why}”)` : ""}.${fallBack}`;
    }
    case "timeout":
      return `No deal: the time ran out before an agreement was reached.${fallBack}`;
    case "ended-by-facilitator": {
      const why = text(n.log.findLast((e) => e.type === "session.end")?.payload["reason"]).trim();
      return `No deal: the trainer ended the session before an agreement${why ? ` (“${why}”)` : ""}.${fallBack}`;
    }
    case "all-withdrew":
      return `No deal: every supplier withdrew, so no contract was awarded.${fallBack}`;
    default:
      return `The talks ended without an agreement.${fallBack}`;
  }
}

/**
 * The "deal closed" moment: the agreed terms as this seat scores them, each
 * issue's option and its own points, and the total against its BATNA.
 */
function DealClosed({ seat, agreement }: { seat: string; agreement: { parties: string[]; package: Record<string, string> } }) {
  const n = useNegotiation();
  const name = useSeatName();
  const brief = n.views[seat]?.brief?.brief;
  const me = n.seats.find((s) => s.id === seat);
  const others = agreement.parties.filter((p) => p !== seat).map(name).join(" and ");
  const tender = n.scenario.kind === "commodity-bid";
  const signed = n.scenario.agreement;
  const what = signed ? signed.name : "the agreement";
  const lead = tender ? (me?.side === "procurement" ? `You awarded the contract to ${others}.` : `You won the contract from ${others}.`) : `You and ${others} agreed ${what}.`;
  const rows = n.scenario.issues.filter((i) => agreement.package[i.id] !== undefined).map((issue) => {
    const option = agreement.package[issue.id] ?? "";
    return { issue, label: issue.options.find((o) => o.id === option)?.label ?? option, points: brief?.scoring[issue.id]?.[option] ?? 0 };
  });
  const total = rows.reduce((sum, r) => sum + r.points, 0);
  const batna = brief?.batna.points;
  const margin = batna === undefined ? null : total - batna;
  return (
    <section className="card deal-closed" aria-labelledby="deal-title">
      <h1 id="deal-title">Deal closed</h1>
      <p className="lead">{lead}{signed?.condition ? ` It is subject to ${signed.condition}.` : ""}</p>
      <table className="scoring deal-terms">
        <caption>The agreed terms, with your own points</caption>
        <thead><tr><th scope="col">Issue</th><th scope="col">Agreed</th><th scope="col" className="num">Your points</th></tr></thead>
        <tbody>
          {rows.map((r) => <tr key={r.issue.id}><th scope="row">{r.issue.name}</th><td>{r.label}</td><td className="num">{r.points}</td></tr>)}
        </tbody>
        <tfoot><tr><th scope="row" colSpan={2}>Total</th><td className="num"><strong>{total}</strong></td></tr></tfoot>
      </table>
      {margin === null ? null : (
        <p className={margin > 0 ? "own-points" : "own-points below"}>
          {margin > 0 ? `${margin} points above your BATNA (${batna}): better than walking away.` : margin === 0 ? `Exactly your BATNA (${batna}): no better than walking away.` : `${-margin} points below your BATNA (${batna}): worse than walking away.`}
        </p>
      )}
    </section>
  );
}

const SKIP = "skip";

function LikertQuestion({ item, value, set }: { item: LikertItem; value: number | string | undefined; set(v: number | string): void }) {
  return (
    <fieldset className={`likert${item.counterpart ? " per-counterpart" : ""}`}>
      <legend>{item.prompt}</legend>
      {item.hint ? <p className="hint">{item.hint}</p> : null}
      <div className="scale">
        <span className="anchor">{item.anchors[0]}</span>
        {[1, 2, 3, 4, 5, 6, 7].map((v) => (
          <label key={v}>
            <input type="radio" name={item.id} value={v} checked={value === v} onChange={() => set(v)} required={!item.optional} />
            <span>{v}</span>
          </label>
        ))}
        <span className="anchor">{item.anchors[1]}</span>
        {item.optional ? (
          <label className="skip" style={{ marginLeft: "0.8rem" }}>
            <input type="radio" name={item.id} value={SKIP} checked={value === SKIP} onChange={() => set(SKIP)} />
            <span>No dealings / skip</span>
          </label>
        ) : null}
      </div>
    </fieldset>
  );
}

function TextQuestion({ item, value, set }: { item: TextItem; value: string; set(v: string): void }) {
  return (
    <div className="field">
      <label htmlFor={`q-${item.id}`}>{item.prompt}</label>
      {item.kind === "comment" ? (
        <textarea id={`q-${item.id}`} rows={3} maxLength={item.maxLength} value={value} onChange={(e) => set(e.target.value)} />
      ) : (
        <input id={`q-${item.id}`} maxLength={item.maxLength} required={!item.optional} value={value} onChange={(e) => set(e.target.value)} />
      )}
    </div>
  );
}

/** Reflection: how the talks ended (the agreed terms, for a party), the short survey, then a wait for the others before the debrief opens. */
export default function Reflection() {
  const n = useNegotiation();
  const me = useMySeat();
  const name = useSeatName();
  const [answers, setAnswers] = useState<Record<string, number | string>>({});
  const [busy] = useSubmit("reflection");
  const [confirming, setConfirming] = useState(false);
  if (me?.reflected) {
    const waiting = n.seats.filter((s) => s.occupant && !s.reflected);
    return (
      <div className="screen narrow">
        <h1>Thank you</h1>
        <p role="status"><span className="spinner" aria-hidden="true" /> The debrief opens when everyone has answered{waiting.length ? ` — waiting for ${waiting.map((s) => s.displayName || s.title).join(", ")}` : ""}.</p>
      </div>
    );
  }
  // The seats taking part are the occupied ones (fixed when the session started), as the machine's `present`.
  const present = n.seats.filter((s) => s.occupant).map((s) => s.id);
  const items = me ? reflectionItemsFor(n.scenario, me.id, present) : [];
  const several = items.some((i) => i.kind === "likert" && i.counterpart !== undefined);
  const agreement = agreementOf(n);
  const party = me !== undefined && n.ending?.outcome === "deal" && agreement !== null && agreement.parties.includes(me.id);
  const set = (id: string) => (v: number | string) => setAnswers((a) => ({ ...a, [id]: v }));
  const submit = () => {
    const asked = new Set(items.map((i) => i.id));
    const filled = Object.fromEntries(Object.entries(answers).filter(([k, v]) => asked.has(k) && v !== SKIP && (typeof v === "number" || v.trim() !== "")));
    return sendMove("reflection", { type: "reflection.submit", answers: filled }).then((r) => r.ok && setConfirming(false));
  };
  return (
    <div className="screen narrow">
      {party && me ? <DealClosed seat={me.id} agreement={agreement} /> : (
        <section className="card deal-closed" aria-labelledby="deal-title">
          <h1 id="deal-title">The talks are over</h1>
          <p className="lead">{outcomeLine(n, me?.id, name)}</p>
        </section>
      )}
      <h2>Reflection</h2>
      <p className="instructions">
        Before the debrief, answer a few questions. Your answers are private until the debrief; {several ? "each counterpart's rating of you feeds your trust score, and your rating of each of them feeds theirs, so skip any you had no dealings with" : "your counterpart's rating of you feeds your trust score"}.
      </p>
      <form onSubmit={(e) => { e.preventDefault(); setConfirming(true); }} className="survey">
        {items.map((item) =>
          item.kind === "likert" ? (
            <LikertQuestion key={item.id} item={item} value={answers[item.id]} set={set(item.id)} />
          ) : (
            <TextQuestion key={item.id} item={item} value={String(answers[item.id] ?? "")} set={set(item.id)} />
          ),
        )}
        <button type="submit" className="primary" disabled={busy}>Submit and see the debrief</button>
        {confirming ? null : <ErrorNote origin="reflection" />}
      </form>
      <ConfirmDialog
        open={confirming}
        title="Send your answers?"
        consequence="Your answers are final once sent, and the debrief opens when everyone has answered."
        confirmLabel="Yes, send my answers"
        busyLabel="Sending…"
        cancelLabel="Review my answers"
        disabled={busy}
        onConfirm={submit}
        onClose={() => setConfirming(false)}
        footer={confirming ? <ErrorNote origin="reflection" /> : null}
      />
    </div>
  );
}
