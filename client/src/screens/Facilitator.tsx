import { lazy, useState } from "react";
import type { PrivateBrief } from "../../../shared/negotiation/visibility.js";
import type { SeatDebriefView } from "../../../shared/scoring/reveal.js";
import { BriefView } from "../components/BriefView.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { TeachingNotesPanel } from "../components/TeachingNotesPanel.js";
import { Transcript } from "../components/Transcript.js";
import { sendControl } from "../net/connection.js";
import { useNegotiation } from "../store/hooks.js";

const SeatDebriefs = lazy(() => import("../debrief/SeatDebriefs.js"));

/** The facilitator's read-only view of one negotiation, with the session controls. */
export default function Facilitator() {
  const n = useNegotiation();
  const [tab, setTab] = useState<string>("transcript");
  const [reason, setReason] = useState("");
  const started = n.phase !== "lobby";
  const hasDebriefs = n.seats.some((s) => n.views[s.id]?.debrief);
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
      {n.teachingNotes ? <TeachingNotesPanel notes={n.teachingNotes} /> : null}
      <div role="tablist" aria-label="Views" className="tabs">
        <button role="tab" type="button" aria-selected={tab === "transcript"} onClick={() => setTab("transcript")}>Transcript</button>
        {n.seats.map((s) => <button key={s.id} role="tab" type="button" aria-selected={tab === s.id} onClick={() => setTab(s.id)}>{s.title} brief</button>)}
        {hasDebriefs ? <button role="tab" type="button" aria-selected={tab === "debriefs"} onClick={() => setTab("debriefs")}>Debriefs</button> : null}
      </div>
      {tab === "transcript" ? <Transcript title="Everything that happened" /> : null}
      {tab === "debriefs" ? <Debriefs /> : null}
      {tab !== "transcript" && tab !== "debriefs" ? (() => {
        const brief = n.views[tab]?.brief;
        return brief ? <BriefView scenario={n.scenario} brief={brief} /> : <p>No brief for this seat.</p>;
      })() : null}
    </div>
  );
}

/** Once the negotiation ends the trainer reads every seat's debrief, as each seat reads it. */
function Debriefs() {
  const n = useNegotiation();
  const debriefs: Record<string, SeatDebriefView> = {};
  const briefs: Record<string, PrivateBrief> = {};
  for (const s of n.seats) {
    const v = n.views[s.id];
    if (v?.debrief) debriefs[s.id] = v.debrief;
    if (v?.brief) briefs[s.id] = v.brief;
  }
  const seatNames = Object.fromEntries(n.seats.map((s) => [s.id, s.displayName ? `${s.displayName} (${s.title})` : s.title]));
  return <SeatDebriefs debriefs={debriefs} scenario={n.scenario} briefs={briefs} log={n.log} seatNames={seatNames} />;
}
