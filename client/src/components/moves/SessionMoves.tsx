import { useId, useRef, useState } from "react";
import { sendMove } from "../../net/connection.js";
import { useStore } from "../../store/store.js";
import { ErrorNote, useBusy } from "../ErrorNote.js";

/** Contact the business stakeholder behind procurement's back — with a clear warning. */
export function StakeholderForm({ seat }: { seat: string }) {
  const stakeholder = useStore((s) => s.negotiation?.views[seat]?.brief?.stakeholder);
  const [text, setText] = useState("");
  const busy = useBusy("stakeholder.contact");
  const id = useId();
  if (!stakeholder) return null;
  return (
    <form className="move-form warning-box" onSubmit={(e) => { e.preventDefault(); void sendMove("stakeholder.contact", { type: "stakeholder.contact", text }).then((r) => r.ok && setText("")); }}>
      <h3>Go around procurement</h3>
      <p>Contact {stakeholder.name} ({stakeholder.title}) directly. Procurement may find out, and a bypass costs trust.</p>
      <label htmlFor={id}>Your message to {stakeholder.name}</label>
      <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
      <button type="submit" disabled={busy || !text.trim()}>Contact {stakeholder.name}</button>
      <ErrorNote origin="stakeholder.contact" />
    </form>
  );
}

/** Walk away, after a confirmation dialog that says what it means. */
export function WalkAway({ tenderSupplier }: { tenderSupplier: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const busy = useBusy("walkaway");
  const id = useId();
  return (
    <div className="walkaway">
      <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>{tenderSupplier ? "Withdraw from the tender…" : "Walk away…"}</button>
      <dialog ref={dialog} aria-labelledby={`${id}-t`}>
        <form method="dialog" onSubmit={(e) => { e.preventDefault(); void sendMove("walkaway", { type: "walkaway", reason }).then((r) => r.ok && dialog.current?.close()); }}>
          <h2 id={`${id}-t`}>{tenderSupplier ? "Withdraw from the tender?" : "Walk away from the negotiation?"}</h2>
          <p>{tenderSupplier ? "You will take no further part in the bidding." : "The talks end without a deal and both sides fall back on their BATNA."} This cannot be undone.</p>
          <label htmlFor={`${id}-r`}>Your reason (the other side reads it)</label>
          <input id={`${id}-r`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required />
          <div className="button-row">
            <button type="submit" className="danger" disabled={busy || !reason.trim()}>Yes, {tenderSupplier ? "withdraw" : "walk away"}</button>
            <button type="button" onClick={() => dialog.current?.close()}>Stay at the table</button>
          </div>
          <ErrorNote origin="walkaway" />
        </form>
      </dialog>
    </div>
  );
}
