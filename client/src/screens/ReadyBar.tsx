import { useState } from "react";
import { DEALMAKING_KINDS } from "../../../shared/scenario/phase-rules.js";
import { ErrorNote, useSubmit } from "../components/ErrorNote.js";
import { ConfirmDialog } from "../components/moves/ConfirmDialog.js";
import { sendMove } from "../net/connection.js";
import type { NegotiationSnapshot, SeatSnapshot } from "../store/store.js";
import { useCurrentPhase, useMySeat, useNegotiation, type PublicPhase } from "../store/hooks.js";

/** The seats whose readiness ends this phase early (as the machine's `readinessSides`): present, not withdrawn. */
function seatsThatMustBeReady(n: NegotiationSnapshot, phase: PublicPhase): SeatSnapshot[] {
  if (phase.kind === "reflection" || phase.advance === "procurement") return [];
  const sides = phase.kind === "sealed-bid" ? ["sales"] : ["procurement", "sales"];
  return n.seats.filter((s) => s.occupant && !s.withdrawn && sides.includes(s.side));
}

/**
 * What moving on from `phase` means, in one sentence after `because` ("Everyone else is ready, so"):
 * leaving the last phase where a deal can be made, with none made, ends the talks.
 */
export function movingOn(n: NegotiationSnapshot, phase: PublicPhase, because: string): { title: string; consequence: string } {
  const index = n.scenario.phases.findIndex((p) => p.id === phase.id);
  const next = n.scenario.phases[index + 1];
  const lastDeal = n.scenario.phases.findLastIndex((p) => DEALMAKING_KINDS.includes(p.kind));
  if (phase.kind === "reflection") {
    return { title: "Close the reflection and open the debrief?", consequence: `${because} the survey closes for every seat, answered or not, and the debrief opens; this cannot be undone.` };
  }
  if (index === lastDeal && n.ending === null) {
    return { title: "End the talks without an agreement?", consequence: `${because} “${phase.title}” ends now for every seat with no agreement, and everyone falls back on their BATNA; this cannot be undone.` };
  }
  return {
    title: next ? `Move everyone on to “${next.title}”?` : "End this phase for everyone?",
    consequence: `${because} “${phase.title}” ends now for every seat and cannot be reopened.`,
  };
}

/**
 * "I'm ready" for the phase, and who the others are still waiting for. When
 * this seat is the last one the phase waits for, saying ready ends it for
 * everyone, so it asks first.
 */
export function ReadyBar({ label = "I'm ready to move on" }: { label?: string }) {
  const n = useNegotiation();
  const me = useMySeat();
  const phase = useCurrentPhase();
  const [busy, once] = useSubmit("ready");
  const [confirming, setConfirming] = useState(false);
  const waitingFor = n.seats.filter((s) => s.occupant && !s.withdrawn && !s.ready && s.id !== me?.id);
  const required = phase ? seatsThatMustBeReady(n, phase) : [];
  const endsPhase = me !== undefined && required.some((s) => s.id === me.id) && required.every((s) => s.id === me.id || s.ready);
  const send = () => sendMove("ready", { type: "phase.ready" });
  const ask = phase && endsPhase ? movingOn(n, phase, "Everyone else is ready, so") : null;
  return (
    <div className="ready-bar">
      {me?.ready ? (
        <p role="status">You are ready. {waitingFor.length ? `Waiting for ${waitingFor.map((s) => s.displayName || s.title).join(", ")}…` : "Moving on…"}</p>
      ) : (
        <button type="button" className="primary" disabled={busy} onClick={() => (ask ? setConfirming(true) : once(send))}>{label}</button>
      )}
      {confirming ? null : <ErrorNote origin="ready" />}
      <ConfirmDialog
        open={confirming && ask !== null && !me?.ready}
        title={ask?.title ?? ""}
        consequence={ask?.consequence}
        confirmLabel="Yes, move on"
        busyLabel="Moving on…"
        cancelLabel="Not yet"
        disabled={busy}
        onConfirm={() => send().then((r) => r.ok && setConfirming(false))}
        onClose={() => setConfirming(false)}
        footer={confirming ? <ErrorNote origin="ready" /> : null}
      />
    </div>
  );
}
