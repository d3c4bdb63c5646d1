import { useId, useRef, useState } from "react";

/** A read-only value with a Copy button; if the clipboard is refused, the text is selected for Ctrl+C instead. */
export function CopyField({ label, value, buttonLabel = "Copy" }: { label: string; value: string; buttonLabel?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<string | null>(null);
  const copy = async () => {
    const ok = await navigator.clipboard?.writeText(value).then(() => true, () => false);
    if (ok) return setNote("Copied");
    input.current?.select();
    setNote("Selected — press Ctrl+C (⌘C) to copy");
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} ref={input} readOnly value={value} onFocus={(e) => e.target.select()} spellCheck={false} />
        <button type="button" onClick={() => void copy()}>{buttonLabel}</button>
      </div>
      <span className="copy-note" role="status">{note ?? ""}</span>
    </div>
  );
}
