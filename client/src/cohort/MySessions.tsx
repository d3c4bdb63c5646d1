import { useId, useState } from "react";
import { forgetSessionKey, savedSessionKey } from "../lib/tokens.js";
import { forgetSession, savedSessions } from "./saved.js";

/** The sessions this device created and still holds the trainer key of: a way back to each dashboard. */
export function MySessions() {
  const [sessions, setSessions] = useState(() => savedSessions().filter((s) => savedSessionKey(s.code)));
  const ids = useId();
  if (sessions.length === 0) return null;
  const remove = (code: string) => {
    forgetSession(code);
    forgetSessionKey(code);
    setSessions((list) => list.filter((s) => s.code !== code));
  };
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>My sessions on this device</h2>
      <ul className="my-sessions">
        {sessions.map((s) => (
          <li key={s.code}>
            <a href={`/s/${s.code}/trainer`}><strong>{s.title}</strong></a>
            <span className="hint"> · <span className="code">{s.code}</span> · created {new Date(s.createdAt).toLocaleDateString()}</span>
            <button type="button" className="small" onClick={() => remove(s.code)} aria-label={`Forget ${s.title} on this device`}>Forget</button>
          </li>
        ))}
      </ul>
      <p className="hint">Forgetting removes the trainer key from this browser only; the session stays on the server.</p>
    </section>
  );
}
