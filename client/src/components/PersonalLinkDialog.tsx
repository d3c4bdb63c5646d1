import { useId, useRef } from "react";
import { PersonalLink, usePersonalLink } from "./PersonalLink.js";

/** "Your link" in the header: the join code and the personal rejoin link at any moment, in a small dialog. */
export function PersonalLinkDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const link = usePersonalLink();
  if (!link) return null;
  return (
    <>
      <button type="button" className="small" aria-haspopup="dialog" onClick={() => ref.current?.showModal()}>Your link</button>
      <dialog ref={ref} className="link-dialog" aria-labelledby={id}>
        <div className="drawer-head">
          <h2 id={id}>Your personal link</h2>
          <button type="button" onClick={() => ref.current?.close()}>Close</button>
        </div>
        <p>Your seat opens from this link on any device, and again here after a refresh or a closed tab.</p>
        <PersonalLink withCode />
      </dialog>
    </>
  );
}
