import { useEffect, useState } from "react";
import { KIND_LABEL } from "../lib/api.js";
import { navigate } from "../lib/codes.js";
import { useNegotiationPart } from "../store/hooks.js";
import { useStore } from "../store/store.js";
import { BriefDrawer } from "./BriefDrawer.js";
import { PersonalLinkDialog } from "./PersonalLinkDialog.js";

/** Scenario, seat, the phase progress bar and the countdown to the phase's end. */
export function Header() {
  const scenario = useNegotiationPart((n) => n.scenario);
  const phase = useNegotiationPart((n) => n.phase);
  const mySeat = useNegotiationPart((n, s) => n.seats.find((x) => x.id === s.me?.seat));
  const code = useStore((s) => s.me?.code);
  const banner = useNegotiationPart((n) => n.banner);
  const index = scenario.phases.findIndex((p) => p.id === phase);
  return (
    <header className="app-header">
      <div className="header-top">
        <div>
          {/* Home keeps this connection open: Back, Forward or its list's Open return here at once. */}
          <a href="/" className="header-home" onClick={(e) => { if (e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey) { e.preventDefault(); navigate("/"); } }}>Home</a>{" "}
          <span className={`badge kind-${scenario.kind}`}>{KIND_LABEL[scenario.kind]}</span>
          <span className="header-title">{scenario.title}</span>
        </div>
        <div className="header-me">
          {mySeat ? <span>You are <strong>{mySeat.title}</strong>, {mySeat.organisation}</span> : <span>Facilitator view</span>}
          <span className="code">Code <strong>{code}</strong></span>
          {mySeat ? <BriefDrawer /> : null}
          {mySeat ? <PersonalLinkDialog /> : null}
        </div>
      </div>
      <nav aria-label="Phases" className="phase-bar">
        <ol>
          <li className={phase === "lobby" ? "current" : "done"} aria-current={phase === "lobby" ? "step" : undefined}>Lobby</li>
          {scenario.phases.map((p, i) => {
            const state = phase === "debrief" || (index >= 0 && i < index) ? "done" : i === index ? "current" : "todo";
            return <li key={p.id} className={state} aria-current={state === "current" ? "step" : undefined}>{p.title}</li>;
          })}
          <li className={phase === "debrief" ? "current" : "todo"} aria-current={phase === "debrief" ? "step" : undefined}>Debrief</li>
        </ol>
        <Countdown />
      </nav>
      {banner ? <p className="trainer-banner" role="status"><strong>From your trainer:</strong> {banner.text}</p> : null}
    </header>
  );
}

function format(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** Time left in the phase, corrected for the server's clock; frozen while paused. */
export function Countdown() {
  const endsAt = useNegotiationPart((n) => n.phaseEndsAt);
  const startedAt = useNegotiationPart((n) => n.phaseStartedAt);
  const paused = useNegotiationPart((n) => n.paused);
  const offset = useStore((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(t);
  }, []);
  if (!endsAt) return null;
  const left = endsAt - (now + offset);
  const share = startedAt && endsAt > startedAt ? Math.min(1, Math.max(0, 1 - left / (endsAt - startedAt))) : 0;
  return (
    <div className={`countdown${left < 60_000 ? " urgent" : ""}`}>
      <span className="countdown-text" aria-live="off">{paused ? "Paused" : `${format(left)} left`}</span>
      <progress max={100} value={Math.round(share * 100)} aria-label="Time used in this phase" />
    </div>
  );
}
