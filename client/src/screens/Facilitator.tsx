import { useState } from "react";
import { BriefView } from "../components/BriefView.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { Transcript } from "../components/Transcript.js";
import { sendControl } from "../net/connection.js";
import { useNegotiation } from "../store/hooks.js";

/** The facilitator's read-only view of one negotiation, with the session controls. */
export default function Facilitator() {
  const n = useNegotiation();
  const [tab, setTab] = useState<string>("transcript");
  const [reason, setReason] = useState("");
  const started = n.phase !== "lobby";
  return (
    <div className="screen facilitator">
      <h1>Facilitator view</h1>
      <section className="card" aria-labelledby="ctl-title">
        <h2 id="ctl-title">Session controls</h2>
        <div className="button-row">
          {!started ? <button type="button" className="primary" onClick={() => void sendControl("fac", { type: "session.start" })}>Start</button> : null}
          {started && !n.paused ? <button type="button" onClick={() => void sendControl("fac", { type: "session.pause" })}>Pause</button> : null}
          {n.paused ? <button type="button" className="primary" onClick={() => void sendControl("fac", { type: "session.resume" })}>Resume</button> : null}
          {started ? <button type="button" onClick={() => void sendControl("fac", { type: "phase.extend", minutes: 5 })}>+5 minutes</button> : null}
          {started ? <button type="button" onClick={() => void sendControl("fac", { type: "phase.advance" })}>Next phase</button> : null}
        </div>
        {started ? (
          <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void sendControl("fac", { type: "session.end", reason }); }}>
            <label htmlFor="end-reason">End the session early — reason</label>
            <input id="end-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} />
            <button type="submit" className="danger" disabled={!reason.trim()}>End session</button>
          </form>
        ) : null}
        <ErrorNote origin="fac" />
        <ul className="seat-list">
          {n.seats.map((s) => (
            <li key={s.id} className={`seat side-${s.side}`}>
              <span className="seat-title"><strong>{s.title}</strong>, {s.organisation}</span>
              <span className="seat-who">{s.displayName || "—"}</span>
              <span className={`status status-${s.occupant ? s.connection : "empty"}`}>{s.occupant ? s.connection : "empty"}{s.ready ? " · ready" : ""}{s.withdrawn ? " · withdrawn" : ""}</span>
            </li>
          ))}
        </ul>
      </section>
      <div role="tablist" aria-label="Views" className="tabs">
        <button role="tab" type="button" aria-selected={tab === "transcript"} onClick={() => setTab("transcript")}>Transcript</button>
        {n.seats.map((s) => <button key={s.id} role="tab" type="button" aria-selected={tab === s.id} onClick={() => setTab(s.id)}>{s.title} brief</button>)}
      </div>
      {tab === "transcript" ? <Transcript title="Everything that happened" /> : (() => {
        const brief = n.views[tab]?.brief;
        return brief ? <BriefView scenario={n.scenario} brief={brief} /> : <p>No brief for this seat.</p>;
      })()}
    </div>
  );
}
