import { BriefView } from "../components/BriefView.js";
import { useCurrentPhase, useNegotiation } from "../store/hooks.js";
import { useStore } from "../store/store.js";
import { ReadyBar } from "./ReadyBar.js";

/** Briefing: read the public context and the private brief, then say you are ready. */
export default function BriefScreen() {
  const n = useNegotiation();
  const phase = useCurrentPhase();
  const brief = useStore((s) => (s.me?.seat ? s.negotiation?.views[s.me.seat]?.brief : null));
  return (
    <div className="screen">
      <h1>{phase?.title ?? "Briefing"}</h1>
      {phase?.instructions ? <p className="instructions">{phase.instructions}</p> : null}
      {brief ? <BriefView scenario={n.scenario} brief={brief} /> : <p role="status">Loading your brief…</p>}
      <ReadyBar label="I have read my brief" />
    </div>
  );
}
