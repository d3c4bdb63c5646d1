import { useRef } from "react";
import { useNegotiationPart } from "../store/hooks.js";
import { useStore } from "../store/store.js";
import { BriefView } from "./BriefView.js";

/** "My brief" at any moment of the negotiation, in a modal dialog. */
export function BriefDrawer() {
  const ref = useRef<HTMLDialogElement>(null);
  const scenario = useNegotiationPart((n) => n.scenario);
  const brief = useStore((s) => (s.me?.seat ? s.negotiation?.views[s.me.seat]?.brief : null));
  if (!brief) return null;
  return (
    <>
      <button type="button" className="small" onClick={() => ref.current?.showModal()}>My brief</button>
      <dialog ref={ref} className="drawer" aria-labelledby="drawer-title">
        <div className="drawer-head">
          <h2 id="drawer-title">My brief</h2>
          <button type="button" onClick={() => ref.current?.close()}>Close</button>
        </div>
        <BriefView scenario={scenario} brief={brief} />
      </dialog>
    </>
  );
}
