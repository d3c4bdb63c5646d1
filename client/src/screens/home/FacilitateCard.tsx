import { useId, useState, type FormEvent } from "react";
import { normaliseCode, parseTrainerInput } from "../../lib/codes.js";
import { saveTrainerKey } from "../../lib/tokens.js";
import { useOnce } from "../../lib/use-once.js";
import { join } from "../../net/connection.js";

/** Reopen the facilitator view of an existing negotiation: it takes the trainer link, or the key with the code. */
export function FacilitateCard({ initialCode }: { initialCode: string | null }) {
  const [secret, setSecret] = useState("");
  const [code, setCode] = useState(initialCode ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, once] = useOnce();
  const ids = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseTrainerInput(secret);
    if (!parsed) return setError("Paste the whole trainer link (it ends in #key=…), or the trainer key alone with the join code.");
    const target = parsed.code ?? normaliseCode(code);
    if (!target) return setError("A trainer key alone needs its join code too.");
    setError(null);
    saveTrainerKey(target, parsed.key);
    once(() => join({ kind: "trainer", code: target, key: parsed.key }));
  };

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Facilitate</h2>
      <p>Open the facilitator view of a negotiation you created as trainer.</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${ids}-secret`}>Trainer link or key</label>
          <input id={`${ids}-secret`} value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" spellCheck={false} required />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-code`}>Join code <span className="optional">(only with a key alone)</span></label>
          <input id={`${ids}-code`} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} maxLength={16} autoComplete="off" spellCheck={false} className="code-input" />
        </div>
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <button type="submit" disabled={busy}>Open facilitator view</button>
      </form>
    </section>
  );
}
