import { useEffect, useId, useState, type FormEvent } from "react";
import { fetchNegotiation, KIND_LABEL, type NegotiationInfo } from "../../lib/api.js";
import { normaliseCode } from "../../lib/codes.js";
import { savedSeat } from "../../lib/tokens.js";
import { useOnce } from "../../lib/use-once.js";
import { heldSeatWords, join } from "../../net/connection.js";
import { messageOf, NameField, SeatChoice } from "./fields.js";

/**
 * Join by code: look the negotiation up, choose a free seat, give a name. A
 * negotiation this browser already holds a seat in is not offered another:
 * the card names the seat held and reopens it.
 */
export function JoinCard({ initialCode }: { initialCode: string | null }) {
  const [code, setCode] = useState(initialCode ?? "");
  const [info, setInfo] = useState<NegotiationInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seat, setSeat] = useState("");
  const [name, setName] = useState("");
  const [busy, once] = useOnce();
  const codeId = useId();

  const lookUp = async (c: string) => {
    setError(null);
    setInfo(null);
    try {
      const found = await fetchNegotiation(c);
      setInfo(found);
      setSeat(found.seats.find((s) => !s.taken)?.id ?? "");
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useEffect(() => {
    if (initialCode) once(() => lookUp(initialCode));
  }, [initialCode, once]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!info) {
      if (!normaliseCode(code)) return setError("Enter the join code you were given.");
      return once(() => lookUp(code));
    }
    if (held) return once(() => join({ kind: "token", code: info.id })); // the seat this browser holds, with its saved token
    if (!seat) return setError("Choose a free seat.");
    once(() => join({ kind: "seat", code: info.id, seat, name: name.trim() }));
  };
  const free = info?.seats.filter((s) => !s.taken).length ?? 0;
  const held = info ? savedSeat(info.id) !== null : false;

  return (
    <section className="card" aria-labelledby="join-title">
      <h2 id="join-title">Join a negotiation</h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={codeId}>Join code</label>
          <input id={codeId} value={code} onChange={(e) => { setCode(e.target.value.toUpperCase()); setInfo(null); }} placeholder="e.g. K7M2-QX9P" maxLength={16} autoCapitalize="characters" autoComplete="off" spellCheck={false} required className="code-input" />
        </div>
        {info ? (
          <>
            <p className="scenario-line"><span className={`badge kind-${info.scenario.kind}`}>{KIND_LABEL[info.scenario.kind]}</span> {info.scenario.title}</p>
            {held ? (
              <p className="notice" role="status">This browser already holds {heldSeatWords(info.id)} in this negotiation. One browser takes one seat: reopen yours{info.status === "finished" ? " to read your debrief" : ""}.</p>
            ) : (
              <>
                {info.status === "finished" ? <p className="notice">This negotiation is over. Open your personal link to read your debrief.</p> : null}
                {free === 0 && info.status !== "finished" ? <p className="notice">Every seat is taken. If one is yours, open your personal link.</p> : null}
                <SeatChoice seats={info.seats} value={seat} onChange={setSeat} name="join-seat" />
                <NameField value={name} onChange={setName} />
              </>
            )}
          </>
        ) : null}
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <button type="submit" className="primary" disabled={busy}>{info ? (held ? "Reopen my seat" : "Take this seat") : "Find negotiation"}</button>
      </form>
    </section>
  );
}
