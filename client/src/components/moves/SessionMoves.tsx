import { useId, useState } from "react";
import { sendMove } from "../../net/connection.js";
import { useStore } from "../../store/store.js";
import { ErrorNote, useSubmit } from "../ErrorNote.js";
import { ConfirmDialog } from "./ConfirmDialog.js";

/** Contact the business stakeholder behind procurement's back — with a clear warning. */
export function StakeholderForm({ seat }: { seat: string }) {
  const stakeholder = useStore((s) => s.negotiation?.views[seat]?.brief?.stakeholder);
  const [text, setText] = useState("");
  const [busy, once] = useSubmit("stakeholder.contact");
  const id = useId();
  if (!stakeholder) return null;
  return (
    <form className="move-form warning-box" onSubmit={(e) => { e.preventDefault(); once(() => sendMove("stakeholder.contact", { type: "stakeholder.contact", text }).then((r) => r.ok && setText(""))); }}>
      <h3>Go around procurement</h3>
      <p>Contact {stakeholder.name} ({stakeholder.title}) directly. Procurement may find out, and a bypass costs trust.</p>
      <label htmlFor={id}>Your message to {stakeholder.name}</label>
      <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
      <button type="submit" disabled={busy || !text.trim()}>Contact {stakeholder.name}</button>
      <ErrorNote origin="stakeholder.contact" />
    </form>
  );
}

/** Walk away, after the confirmation that says what it means. */
export function WalkAway({ tenderSupplier }: { tenderSupplier: boolean }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy] = useSubmit("walkaway");
  const id = useId();
  return (
    <div className="walkaway">
      <button type="button" className="danger" onClick={() => setOpen(true)}>{tenderSupplier ? "Withdraw from the tender…" : "Walk away…"}</button>
      <ConfirmDialog
        open={open}
        title={tenderSupplier ? "Withdraw from the tender?" : "Walk away from the negotiation?"}
        consequence={tenderSupplier
          ? "You take no further part in the bidding, and you cannot come back in."
          : "The talks end now without a deal for everyone at the table, and both sides fall back on their BATNA; this cannot be undone."}
        confirmLabel={`Yes, ${tenderSupplier ? "withdraw" : "walk away"}`}
        busyLabel={tenderSupplier ? "Withdrawing…" : "Walking away…"}
        cancelLabel="Stay at the table"
        danger
        disabled={busy || !reason.trim()}
        onConfirm={() => sendMove("walkaway", { type: "walkaway", reason }).then((r) => r.ok && setOpen(false))}
        onClose={() => setOpen(false)}
        footer={<ErrorNote origin="walkaway" />}
      >
        <label htmlFor={`${id}-r`}>Your reason (the other side reads it)</label>
        <input id={`${id}-r`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required />
      </ConfirmDialog>
    </div>
  );
}
