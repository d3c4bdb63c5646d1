import { useState, type FormEvent } from "react";
import type { LogEntry } from "../../../shared/negotiation/events.js";
import { reflectionItemsFor, type LikertItem, type TextItem } from "../../../shared/scoring/reflection-survey.js";
import { ErrorNote, useBusy } from "../components/ErrorNote.js";
import { sendMove } from "../net/connection.js";
import type { NegotiationSnapshot } from "../store/store.js";
import { useMySeat, useNegotiation } from "../store/hooks.js";

/** What ended the talks, told from this seat: only a party to the agreement "reached an agreement". */
function endingLine(n: NegotiationSnapshot, seat: string | undefined): string {
  if (n.ending?.outcome !== "deal") return "The talks ended without an agreement. ";
  const ended: LogEntry | undefined = n.log.findLast((e) => e.type === "negotiation.ended");
  const agreement: unknown = ended?.payload.agreement;
  const parties = agreement && typeof agreement === "object" && "parties" in agreement && Array.isArray(agreement.parties) ? agreement.parties.filter((p): p is string => typeof p === "string") : [];
  if (seat && parties.includes(seat)) return n.scenario.kind === "commodity-bid" && n.seats.find((s) => s.id === seat)?.side === "procurement" ? "You awarded the contract. " : "You reached an agreement. ";
  // A bidder not awarded never reads to whom or on what terms (its log has no such entry); the debrief says what it means for it.
  if (n.scenario.kind === "commodity-bid") return "The buyer awarded the contract to another supplier; your debrief shows what that means for you. ";
  return "The talks ended in an agreement between other seats. ";
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

/** Reflection: the short survey, then a wait for the others before the debrief opens. */
export default function Reflection() {
  const n = useNegotiation();
  const me = useMySeat();
  const [answers, setAnswers] = useState<Record<string, number | string>>({});
  const busy = useBusy("reflection");
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
  const set = (id: string) => (v: number | string) => setAnswers((a) => ({ ...a, [id]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const asked = new Set(items.map((i) => i.id));
    const filled = Object.fromEntries(Object.entries(answers).filter(([k, v]) => asked.has(k) && v !== SKIP && (typeof v === "number" || v.trim() !== "")));
    void sendMove("reflection", { type: "reflection.submit", answers: filled });
  };
  return (
    <div className="screen narrow">
      <h1>Reflection</h1>
      <p className="instructions">
        {endingLine(n, me?.id)}
        Before the debrief, answer a few questions. Your answers are private until the debrief; {several ? "each counterpart's rating of you feeds your trust score, and your rating of each of them feeds theirs, so skip any you had no dealings with" : "your counterpart's rating of you feeds your trust score"}.
      </p>
      <form onSubmit={submit} className="survey">
        {items.map((item) =>
          item.kind === "likert" ? (
            <LikertQuestion key={item.id} item={item} value={answers[item.id]} set={set(item.id)} />
          ) : (
            <TextQuestion key={item.id} item={item} value={String(answers[item.id] ?? "")} set={set(item.id)} />
          ),
        )}
        <button type="submit" className="primary" disabled={busy}>Submit and see the debrief</button>
        <ErrorNote origin="reflection" />
      </form>
    </div>
  );
}
