import { lazy } from "react";
import type { PrivateBrief } from "../../../shared/negotiation/visibility.js";
import { useNegotiation } from "../store/hooks.js";
import { useStore } from "../store/store.js";

const DebriefScreen = lazy(() => import("../debrief/DebriefScreen.js"));

/** Collects what the debrief needs from the snapshot: my debrief view, every revealed brief, the whole log, the seats' names. */
export default function DebriefRoute() {
  const n = useNegotiation();
  const seat = useStore((s) => s.me?.seat ?? null);
  const view = seat ? n.views[seat]?.debrief : null;
  if (!seat || !view) return <p className="loading" role="status"><span className="spinner" aria-hidden="true" /> Preparing your debrief…</p>;
  const briefs: Record<string, PrivateBrief> = {};
  for (const s of n.seats) {
    const b = n.views[s.id]?.brief;
    if (b) briefs[s.id] = b;
  }
  // Organisations, as every explanation names the seats; never a seat id.
  const seatNames = Object.fromEntries(n.seats.map((s) => [s.id, s.displayName ? `${s.displayName} (${s.organisation})` : s.organisation]));
  return <DebriefScreen view={view} scenario={n.scenario} seat={seat} briefs={briefs} log={n.log} seatNames={seatNames} />;
}
