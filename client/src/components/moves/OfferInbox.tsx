import { useId, useState } from "react";
import { briefPoints } from "../../../../shared/scenario/points.js";
import { describePackage } from "../../lib/describe-entry.js";
import { openOffers } from "../../lib/table-state.js";
import { sendMove } from "../../net/connection.js";
import { useNegotiation, useSeatName } from "../../store/hooks.js";
import { useStore } from "../../store/store.js";
import { ErrorNote, useBusy } from "../ErrorNote.js";

/** The latest open proposal addressed to this seat, with Accept and Reject-with-reason. */
export function OfferInbox({ seat }: { seat: string }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const brief = useStore((s) => s.negotiation?.views[seat]?.brief ?? null);
  const offers = openOffers(n.log).filter((o) => o.to === seat);
  const mine = openOffers(n.log).filter((o) => o.from === seat);
  return (
    <div className="inbox">
      {offers.map((o) => <IncomingOffer key={o.seq} offer={o} from={seatName(o.from)} points={brief ? briefPoints(brief.brief, o.package) : 0} batna={brief?.brief.batna.points ?? 0} terms={describePackage(n.scenario, o.package)} />)}
      {mine.map((o) => <p key={o.seq} className="pending-offer">Your proposal #{o.seq} to {seatName(o.to)} is waiting for an answer.</p>)}
    </div>
  );
}

function IncomingOffer({ offer, from, points, batna, terms }: { offer: { seq: number; final: boolean; note?: string }; from: string; points: number; batna: number; terms: string }) {
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const busy = useBusy("offer.answer");
  const id = useId();
  return (
    <section className="card incoming" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{offer.final ? "Final offer" : "Proposal"} #{offer.seq} from {from}</h3>
      <p>{terms}</p>
      {offer.note ? <p className="quote">“{offer.note}”</p> : null}
      <p className={points > batna ? "own-points" : "own-points below"}>Worth <strong>{points}</strong> points to you (BATNA {batna}).</p>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void sendMove("offer.answer", { type: "offer.accept", offer: offer.seq })}>Accept</button>
        <button type="button" disabled={busy} onClick={() => setRejecting((r) => !r)}>Reject…</button>
      </div>
      {rejecting ? (
        <form onSubmit={(e) => { e.preventDefault(); void sendMove("offer.answer", { type: "offer.reject", offer: offer.seq, reason }); }}>
          <label htmlFor={`${id}-r`}>Why? (they will read this)</label>
          <input id={`${id}-r`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required />
          <button type="submit" disabled={busy || !reason.trim()}>Send rejection</button>
        </form>
      ) : null}
      <ErrorNote origin="offer.answer" />
    </section>
  );
}
