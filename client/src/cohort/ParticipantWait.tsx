import { useId } from "react";
import { useStore } from "../store/store.js";
import { CopyField } from "../components/CopyField.js";
import { sessionLink } from "../lib/codes.js";
import { Poll } from "./Poll.js";
import { isTableDone } from "./saved.js";
import { useCohortStore, useSession } from "./store.js";
import { FUNCTION_LABEL } from "./types.js";

/**
 * A participant's session screen: the before poll, then a wait for the
 * trainer to open the tables (the connection then moves them to their table),
 * and after their negotiation the after poll.
 */
export default function ParticipantWait() {
  const session = useSession();
  const token = useCohortStore((s) => s.me?.token ?? null);
  // Joining the table failed (the negotiation store says why): say so here, where the participant still is.
  const tableProblem = useStore((s) => s.problem);
  const ids = useId();
  const me = session.me;
  if (!me) return <p className="loading" role="status">Loading your place in the session…</p>;
  const a = me.assignment;
  const done = a !== null && (isTableDone(a.code) || session.status === "ended");
  const link = token ? sessionLink(window.location.origin, session.code, token) : null;
  return (
    <div className="screen narrow participant-wait">
      <p className="eyebrow">Session</p>
      <h1>{session.title}</h1>
      <p>You are <strong>{me.name}</strong>, {FUNCTION_LABEL[me.function].toLowerCase()}.</p>
      {!me.polls.includes("before") ? <Poll stage="before" fn={me.function} /> : null}
      {me.polls.includes("before") && done && !me.polls.includes("after") ? <Poll stage="after" fn={me.function} /> : null}
      {me.polls.includes("after") ? <p className="notice" role="status">Thank you — your answers are in. The trainer will show the group's results in the plenary.</p> : null}
      {me.polls.includes("before") && !done ? (
        <section className="card" aria-labelledby={`${ids}-wait`}>
          <h2 id={`${ids}-wait`}>{a ? `Your table: ${a.table}` : "Waiting for your table"}</h2>
          {!a ? <p role="status"><span className="spinner" aria-hidden="true" /> The trainer is seating everyone. This screen moves to your negotiation when the tables open.</p> : null}
          {a && a.token && tableProblem ? <p className="field-error" role="alert">{tableProblem}</p> : null}
          {a && a.token ? <p role="status"><span className="spinner" aria-hidden="true" /> Opening your negotiation… If nothing happens, <a href={`/n/${a.code}`}>go to your table</a>.</p> : null}
          {a && !a.token ? <p>You share your seat with <strong>{a.shares.join(" and ")}</strong>: sit together and follow the negotiation on their screen.</p> : null}
        </section>
      ) : null}
      {done && a?.token ? <p><a href={`/n/${a.code}`}>Reopen your negotiation's debrief</a></p> : null}
      {link ? (
        <div className="personal-link">
          <CopyField label="Your personal link to this session" value={link} buttonLabel="Copy my link" />
          <p className="hint">Open the session on another device with this link. Keep it private: anyone who has it takes your place.</p>
        </div>
      ) : null}
    </div>
  );
}
