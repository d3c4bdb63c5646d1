import { lazy, useId, useState, type KeyboardEvent } from "react";
import type { ControlInput } from "../../../shared/protocol.js";
import type { PrivateBrief } from "../../../shared/negotiation/visibility.js";
import type { SeatDebriefView } from "../../../shared/scoring/reveal.js";
import { BriefView } from "../components/BriefView.js";
import { ErrorNote, useSubmit } from "../components/ErrorNote.js";
import { ConfirmDialog } from "../components/moves/ConfirmDialog.js";
import { TeachingNotesPanel } from "../components/TeachingNotesPanel.js";
import { Transcript } from "../components/Transcript.js";
import { sendControl } from "../net/connection.js";
import { useCurrentPhase, useNegotiation } from "../store/hooks.js";
import { movingOn } from "./ReadyBar.js";

const SeatDebriefs = lazy(() => import("../debrief/SeatDebriefs.js"));

/** The facilitator's read-only view of one negotiation, with the session controls. */
export default function Facilitator() {
  const n = useNegotiation();
  const [tab, setTab] = useState<string>("transcript");
  const ids = useId();
  const hasDebriefs = n.seats.some((s) => n.views[s.id]?.debrief);
  const tabs = [
    { id: "transcript", label: "Transcript" },
    ...n.seats.map((s) => ({ id: s.id, label: `${s.title} brief` })),
    ...(hasDebriefs ? [{ id: "debriefs", label: "Debriefs" }] : []),
  ];
  const current = tabs.some((t) => t.id === tab) ? tab : "transcript";
  // A tab list moves with the arrow keys, Home and End; Tab goes on to the panel (the WAI-ARIA tabs pattern).
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.id === current);
    const to = e.key === "ArrowRight" ? (at + 1) % tabs.length : e.key === "ArrowLeft" ? (at - 1 + tabs.length) % tabs.length : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : -1;
    const next = tabs[to];
    if (!next) return;
    e.preventDefault();
    setTab(next.id);
    document.getElementById(`${ids}-tab-${next.id}`)?.focus();
  };
  return (
    <div className="screen facilitator">
      <h1>Facilitator view</h1>
      <SessionControls />
      {n.teachingNotes ? <TeachingNotesPanel notes={n.teachingNotes} /> : null}
      <div role="tablist" aria-label="Views" className="tabs" onKeyDown={onTabKey}>
        {tabs.map((t) => (
          <button key={t.id} id={`${ids}-tab-${t.id}`} role="tab" type="button" aria-selected={current === t.id} aria-controls={`${ids}-panel`} tabIndex={current === t.id ? 0 : -1} onClick={() => setTab(t.id)}>{t.label}</button>
        ))}
      </div>
      <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-tab-${current}`}>
        {current === "transcript" ? <Transcript title="Everything that happened" /> : null}
        {current === "debriefs" ? <Debriefs /> : null}
        {current !== "transcript" && current !== "debriefs" ? (() => {
          const brief = n.views[current]?.brief;
          return brief ? <BriefView scenario={n.scenario} brief={brief} /> : <p>No brief for this seat.</p>;
        })() : null}
      </div>
    </div>
  );
}

/** Start, pause, resume, more time; moving every seat on and ending the session ask first, as they cannot be undone. */
function SessionControls() {
  const n = useNegotiation();
  const phase = useCurrentPhase();
  const [busy, once] = useSubmit("fac");
  const [asking, setAsking] = useState<"advance" | "end" | null>(null);
  const [reason, setReason] = useState("");
  const started = n.phase !== "lobby";
  const finished = n.status === "finished" || n.phase === "debrief";
  const control = (c: ControlInput) => () => once(() => sendControl("fac", c));
  const advance = phase ? movingOn(n, phase, "Whether or not every seat is ready,") : null;
  const confirm = (c: ControlInput) => sendControl("fac", c).then((r) => r.ok && setAsking(null));
  return (
    <section className="card" aria-labelledby="ctl-title">
      <h2 id="ctl-title">Session controls</h2>
      <div className="button-row">
        {!started ? <button type="button" className="primary" disabled={busy} onClick={control({ type: "session.start" })}>Start</button> : null}
        {started && !finished && !n.paused ? <button type="button" disabled={busy} onClick={control({ type: "session.pause" })}>Pause</button> : null}
        {n.paused ? <button type="button" className="primary" disabled={busy} onClick={control({ type: "session.resume" })}>Resume</button> : null}
        {started && !finished ? <button type="button" disabled={busy} onClick={control({ type: "phase.extend", minutes: 5 })}>+5 minutes</button> : null}
        {started && !finished ? <button type="button" disabled={busy} onClick={() => setAsking("advance")}>Next phase…</button> : null}
        {started && !finished ? <button type="button" className="danger" disabled={busy} onClick={() => setAsking("end")}>End session…</button> : null}
      </div>
      {asking ? null : <ErrorNote origin="fac" />}
      <ConfirmDialog
        open={asking === "advance" && advance !== null}
        title={advance?.title ?? ""}
        consequence={advance?.consequence}
        confirmLabel="Yes, move every seat on"
        busyLabel="Moving on…"
        cancelLabel="Not yet"
        disabled={busy}
        onConfirm={() => confirm({ type: "phase.advance" })}
        onClose={() => setAsking(null)}
        footer={asking === "advance" ? <ErrorNote origin="fac" /> : null}
      />
      <ConfirmDialog
        open={asking === "end"}
        title="End the session for every seat?"
        consequence={n.ending === null ? "The talks stop now for every seat without an agreement, and everyone falls back on their BATNA; this cannot be undone." : "The reflection closes now for every seat, answered or not; this cannot be undone."}
        confirmLabel="Yes, end the session"
        busyLabel="Ending…"
        cancelLabel="Keep it running"
        danger
        disabled={busy || !reason.trim()}
        onConfirm={() => confirm({ type: "session.end", reason })}
        onClose={() => setAsking(null)}
        footer={asking === "end" ? <ErrorNote origin="fac" /> : null}
      >
        <label htmlFor="end-reason">Your reason (every seat reads it)</label>
        <input id="end-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} required />
      </ConfirmDialog>
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
