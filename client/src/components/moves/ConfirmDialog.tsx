import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * The app's confirmation dialog (a modal `<dialog>`): a title, what the step
 * means, optional fields, and a confirm and a cancel button. Open while
 * `open` is true; Escape or cancel calls `onClose`. The walk-away and the
 * disclosure confirmations use it.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, danger = false, disabled = false, onConfirm, onClose, footer }: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  disabled?: boolean;
  onConfirm(): void;
  onClose(): void;
  /** Shown under the buttons (an error note). */
  footer?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={`${id}-t`} onClose={onClose}>
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); onConfirm(); }}>
        <h2 id={`${id}-t`}>{title}</h2>
        {children}
        <div className="button-row">
          <button type="submit" className={danger ? "danger" : "primary"} disabled={disabled}>{confirmLabel}</button>
          <button type="button" onClick={onClose}>{cancelLabel}</button>
        </div>
        {footer}
      </form>
    </dialog>
  );
}
