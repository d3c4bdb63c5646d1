import { ErrorNote, useBusy } from "../components/ErrorNote.js";
import { sendMove } from "../net/connection.js";
import { useMySeat, useNegotiation } from "../store/hooks.js";

/** "I'm ready" for the phase, and who the others are still waiting for. */
export function ReadyBar({ label = "I'm ready to move on" }: { label?: string }) {
  const n = useNegotiation();
  const me = useMySeat();
  const busy = useBusy("ready");
  const waitingFor = n.seats.filter((s) => s.occupant && !s.withdrawn && !s.ready && s.id !== me?.id);
  return (
    <div className="ready-bar">
      {me?.ready ? (
        <p role="status">You are ready. {waitingFor.length ? `Waiting for ${waitingFor.map((s) => s.displayName || s.title).join(", ")}…` : "Moving on…"}</p>
      ) : (
        <button type="button" className="primary" disabled={busy} onClick={() => void sendMove("ready", { type: "phase.ready" })}>{label}</button>
      )}
      <ErrorNote origin="ready" />
    </div>
  );
}
