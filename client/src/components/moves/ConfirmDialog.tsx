import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useOnce } from "../../lib/use-once.js";

/**
 * The app's one confirmation for an irreversible step (a modal `<dialog>`):
 * a title, the consequence in one sentence, optional details and fields, and
 * a confirm and a cancel button. Open while `open` is true.
 *
 * - The modal keeps focus inside itself (the page behind is inert); focus
 *   starts on the first field, else on the safe button for a `danger` step
 *   (cancel) or on confirm, and goes back to what had it before on close.
 * - Escape or cancel calls `onClose`.
 * - A double click confirms once: while the promise `onConfirm` returns is
 *   pending, the confirm button is busy and further presses do nothing.
 */
export function ConfirmDialog({ open, title, consequence, children, confirmLabel, cancelLabel, busyLabel, danger = false, disabled = false, onConfirm, onClose, footer }: {
  open: boolean;
  title: string;
  /** What the step does, in one sentence; the dialog's description for screen readers. */
  consequence?: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Shown under the buttons while the step is under way (default: "Working…"). */
  busyLabel?: string;
  danger?: boolean;
  disabled?: boolean;
  /** Return the request's promise to keep the dialog busy until the reply. */
  onConfirm(): void | Promise<unknown>;
  onClose(): void;
  /** Shown under the buttons (an error note). */
  footer?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  const id = useId();
  const [busy, once] = useOnce();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement;
      d.showModal();
      const field = d.querySelector<HTMLElement>("input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled)");
      (field ?? (danger ? cancelRef.current : confirmRef.current) ?? cancelRef.current)?.focus();
    }
    if (!open && d.open) d.close();
  }, [open, danger]);
  const returnFocus = () => {
    const back = opener.current;
    opener.current = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };
  // useOnce guards synchronously: the second click of a double click arrives before the re-render that disables the button.
  const confirm = () => once(async () => { await onConfirm(); });
  // The modal makes the page behind inert; Tab and Shift+Tab also wrap inside it rather than leaving for the browser's own controls.
  const trap = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== "Tab") return;
    const inside = [...e.currentTarget.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [tabindex]:not([tabindex='-1'])")].filter((el) => !el.matches(":disabled") && el.offsetParent !== null);
    const first = inside[0];
    const last = inside.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  };
  const waiting = busy || disabled;
  return (
    <dialog ref={ref} aria-labelledby={`${id}-t`} aria-describedby={consequence ? `${id}-c` : undefined} onClose={() => { returnFocus(); onClose(); }} onKeyDown={trap}>
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); if (!waiting) confirm(); }}>
        <h2 id={`${id}-t`}>{title}</h2>
        {consequence ? <p id={`${id}-c`} className="consequence">{consequence}</p> : null}
        {children}
        <div className="button-row">
          {/* The label stays put while busy: a button that changed width would move "cancel" under the second click of a double click. */}
          <button ref={confirmRef} type="submit" className={danger ? "danger" : "primary"} disabled={waiting} aria-busy={busy || undefined}>{confirmLabel}</button>
          <button ref={cancelRef} type="button" disabled={busy} onClick={onClose}>{cancelLabel}</button>
        </div>
        <p className="hint" role="status">{busy ? (busyLabel ?? "Working…") : ""}</p>
        {footer}
      </form>
    </dialog>
  );
}
