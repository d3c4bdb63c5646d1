import { useId, useMemo, useState, type FormEvent } from "react";
import { briefPoints } from "../../../../shared/scenario/points.js";
import type { Package } from "../../../../shared/scenario/schema.js";
import { sendMove } from "../../net/connection.js";
import { useNegotiation, useSeatName } from "../../store/hooks.js";
import { useStore } from "../../store/store.js";
import { ErrorNote, useBusy } from "../ErrorNote.js";
import { useCounterparts } from "./Recipients.js";

/**
 * Builds a package one term at a time and shows the seat's OWN points for it
 * as it grows (never the counterpart's): a proposal to a counterpart, or a
 * sealed bid in a tender.
 */
export function OfferBuilder({ mode, mySide, start }: { mode: "offer" | "bid"; mySide: string; start?: Package }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const brief = useStore((s) => (s.me?.seat ? s.negotiation?.views[s.me.seat]?.brief : null));
  const counterparts = useCounterparts(mySide);
  const [pkg, setPkg] = useState<Package>(start ?? {});
  const [to, setTo] = useState(counterparts[0] ?? "");
  const [final, setFinal] = useState(false);
  const [note, setNote] = useState("");
  const origin = mode === "offer" ? "offer.propose" : "bid.submit";
  const busy = useBusy(origin);
  const ids = useId();

  const complete = n.scenario.issues.every((i) => pkg[i.id]);
  const points = useMemo(() => (brief ? briefPoints(brief.brief, pkg) : 0), [brief, pkg]);
  const batna = brief?.brief.batna.points ?? 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const extra = note.trim() ? { note: note.trim() } : {};
    const r = mode === "offer"
      ? await sendMove(origin, { type: "offer.propose", to: to || (counterparts[0] ?? ""), package: pkg, ...(final ? { final } : {}), ...extra })
      : await sendMove(origin, { type: "bid.submit", package: pkg, ...extra });
    if (r.ok) { setNote(""); setFinal(false); }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="offer-builder" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{mode === "offer" ? "Make a proposal" : "Your sealed bid"}</h3>
      {n.scenario.issues.map((issue) => (
        <div className="field" key={issue.id}>
          <label htmlFor={`${ids}-${issue.id}`}>{issue.name}</label>
          <select id={`${ids}-${issue.id}`} value={pkg[issue.id] ?? ""} onChange={(e) => setPkg((p) => ({ ...p, [issue.id]: e.target.value }))}>
            <option value="" disabled>Choose…</option>
            {issue.options.filter((o) => !o.secondSourceOnly).map((o) => (
              <option key={o.id} value={o.id}>{o.label} — {brief?.brief.scoring[issue.id]?.[o.id] ?? 0} pts for you</option>
            ))}
          </select>
        </div>
      ))}
      <p className={`own-points${complete && points <= batna ? " below" : ""}`} aria-live="polite">
        Your points: <strong>{points}</strong>{complete ? ` (BATNA ${batna}: ${points > batna ? `+${points - batna} above` : "not above your walk-away"})` : " — choose every term"}
      </p>
      {mode === "offer" && counterparts.length > 1 ? (
        <div className="field inline">
          <label htmlFor={`${ids}-to`}>To</label>
          <select id={`${ids}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            {counterparts.map((s) => <option key={s} value={s}>{seatName(s)}</option>)}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${ids}-note`}>Note (optional)</label>
        <input id={`${ids}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder={mode === "offer" ? "Why this works for both of us" : "What your bid includes"} />
      </div>
      {mode === "offer" ? (
        <label className="check">
          <input type="checkbox" checked={final} onChange={(e) => setFinal(e.target.checked)} />
          <span>Mark as my final offer <span className="desc">(an ultimatum: it can cost trust in a partnership)</span></span>
        </label>
      ) : null}
      <button type="submit" className="primary" disabled={busy || !complete}>{mode === "offer" ? "Send proposal" : "Submit sealed bid"}</button>
      <ErrorNote origin={origin} />
    </form>
  );
}
