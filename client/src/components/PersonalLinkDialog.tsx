import { useId, useRef } from "react";
import { PersonalLink, usePersonalLink } from "./PersonalLink.js";

/** "My link" in the header: the personal rejoin link at any moment, in a small dialog. */
export function PersonalLinkDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const link = usePersonalLink();
  if (!link) return null;
  return (
    <>
      <button type="button" className="small" onClick={() => ref.current?.showModal()}>My link</button>
      <dialog ref={ref} className="link-dialog" aria-labelledby={id}>
        <div className="drawer-head">
          <h2 id={id}>Your personal link</h2>
          <button type="button" onClick={() => ref.current?.close()}>Close</button>
        </div>
        <PersonalLink />
      </dialog>
    </>
  );
}
