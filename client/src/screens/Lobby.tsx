import { useEffect } from "react";
import { CopyField } from "../components/CopyField.js";
import { ErrorNote, useSubmit } from "../components/ErrorNote.js";
import { PersonalLink } from "../components/PersonalLink.js";
import { sendControl } from "../net/connection.js";
import { useNegotiation } from "../store/hooks.js";
import { clearError, useStore } from "../store/store.js";

const CONNECTION_LABEL = { empty: "Waiting for a player", connected: "Here", reconnecting: "Reconnecting…", absent: "Away" } as const;

/** Who is here, which seat each holds, the code to share, and the start button. */
export default function Lobby() {
  const n = useNegotiation();
  const code = useStore((s) => s.me?.code ?? "");
  const [busy, submit] = useSubmit("start");
  const link = `${window.location.origin}/n/${code}`;
  const missing = n.seats.filter((s) => !s.optional && !s.occupant);
  useEffect(() => {
    if (missing.length === 0) clearError("start"); // "waiting for…" no longer applies
  }, [missing.length]);

  return (
    <div className="screen lobby">
      <h1>Lobby</h1>
      <section className="card share" aria-labelledby="share-title">
        <h2 id="share-title">Invite the other players</h2>
        <p>Share the code <strong className="big-code">{code}</strong> or the invitation link. Both let the others choose a free seat.</p>
        <CopyField label="Join code" value={code} buttonLabel="Copy code" />
        <CopyField label="Invitation link" value={link} buttonLabel="Copy invitation" />
      </section>
      <section className="card" aria-labelledby="mine-title">
        <h2 id="mine-title">Your seat on another device</h2>
        <PersonalLink />
        <p className="hint">The header keeps this link at every stage: choose <strong>Your link</strong>.</p>
      </section>
      <section className="card" aria-labelledby="seats-title">
        <h2 id="seats-title">Seats</h2>
        <ul className="seat-list">
          {n.seats.map((s) => (
            <li key={s.id} className={`seat side-${s.side}`}>
              <span className="seat-title"><strong>{s.title}</strong>, {s.organisation}{s.optional ? " (optional)" : ""}</span>
              <span className="seat-who">{s.displayName || "—"}</span>
              <span className={`status status-${s.occupant ? s.connection : "empty"}`}>{CONNECTION_LABEL[s.occupant ? s.connection : "empty"]}</span>
            </li>
          ))}
        </ul>
        {missing.length ? (
          <p className="waiting" role="status"><span className="spinner" aria-hidden="true" /> Waiting for {missing.map((s) => `the ${s.title}`).join(" and ")} to join…</p>
        ) : (
          <p role="status">Everyone needed is here. Anyone can start.</p>
        )}
        <button type="button" className="primary" disabled={busy} onClick={() => submit(() => sendControl("start", { type: "session.start" }))}>Start the negotiation</button>
        <ErrorNote origin="start" />
      </section>
      <section className="card muted" aria-labelledby="about-title">
        <h2 id="about-title">{n.scenario.title}</h2>
        <p>{n.scenario.summary}</p>
        <h3>You will learn to</h3>
        <ul>{n.scenario.learningGoals.map((g, i) => <li key={i}>{g}</li>)}</ul>
      </section>
    </div>
  );
}
