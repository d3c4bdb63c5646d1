import { useState } from "react";
import { describePackage } from "../../lib/describe-entry.js";
import { briefPoints } from "../../../../shared/scenario/points.js";
import { packageOf } from "../../../../shared/scoring/log-reader.js";
import { myBid, openedBids } from "../../lib/table-state.js";
import { useStore } from "../../store/store.js";
import { sendControl, sendMove } from "../../net/connection.js";
import { useNegotiation, useSeatName } from "../../store/hooks.js";
import { ErrorNote, useBusy } from "../ErrorNote.js";

/** Procurement issues the request for quotation (once). */
export function RfqForm() {
  const n = useNegotiation();
  const [note, setNote] = useState("");
  const busy = useBusy("rfq.issue");
  if (n.log.some((e) => e.type === "rfq.issue")) return <p className="done-note">The RFQ is out. Answer the suppliers' clarification questions; your answers reach every bidder.</p>;
  return (
    <form className="move-form" onSubmit={(e) => { e.preventDefault(); void sendMove("rfq.issue", { type: "rfq.issue", ...(note.trim() ? { note } : {}) }); }}>
      <h3>Issue the request for quotation</h3>
      <label htmlFor="rfq-note">Instructions to bidders (optional)</label>
      <textarea id="rfq-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} placeholder="How bids will be evaluated, deadlines…" />
      <button type="submit" className="primary" disabled={busy}>Issue the RFQ</button>
      <ErrorNote origin="rfq.issue" />
    </form>
  );
}

/** Procurement closes the current bid round (opening the bids) when it chooses. */
export function CloseRound({ label }: { label: string }) {
  const busy = useBusy("advance");
  return (
    <div className="move-form">
      <button type="button" className="primary" disabled={busy} onClick={() => void sendControl("advance", { type: "phase.advance" })}>{label}</button>
      <ErrorNote origin="advance" />
    </div>
  );
}

/** A supplier's view of its own bid in this round and its rank feedback so far. */
export function BidStatus({ seat }: { seat: string }) {
  const n = useNegotiation();
  const bid = myBid(n.log, seat, n.phase);
  const ranks = n.log.filter((e) => e.type === "bid.ranked" && e.payload.seat === seat);
  return (
    <div className="bid-status" role="status">
      {bid ? <p>Your bid this round (#{bid.seq}): {describePackage(n.scenario, packageOf(bid.payload.package) ?? {})}. You may replace it until the round closes.</p> : <p>You have not bid in this round yet.</p>}
      {ranks.length ? (
        <ul className="ranks">
          {ranks.map((r) => <li key={r.seq}>{n.scenario.phases.find((p) => p.id === r.payload.phase)?.title}: you ranked <strong>{String(r.payload.rank)} of {String(r.payload.of)}</strong></li>)}
        </ul>
      ) : null}
    </div>
  );
}

/** Procurement's opened bids so far, and the award. */
export function AwardForm({ canAward }: { canAward: boolean }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const brief = useStore((s) => (s.me?.seat ? s.negotiation?.views[s.me.seat]?.brief : null));
  const worth = (pkg: Record<string, string>) => (brief ? briefPoints(brief.brief, pkg) : 0);
  const bids = [...openedBids(n.log).entries()].sort((x, y) => worth(y[1].package) - worth(x[1].package));
  const [to, setTo] = useState("");
  const busy = useBusy("award.make");
  return (
    <div className="move-form">
      <h3>Opened bids (latest per supplier)</h3>
      {bids.length === 0 ? <p>No bids opened yet. Bids open when you close a round.</p> : (
        <ul className="opened-bids">
          {bids.map(([seat, b]) => <li key={seat}><strong>{seatName(seat)}</strong> — <strong>{worth(b.package)} points</strong> for you ({n.scenario.phases.find((p) => p.id === b.phase)?.title}): {describePackage(n.scenario, b.package)}</li>)}
        </ul>
      )}
      {canAward && bids.length ? (
        <form onSubmit={(e) => { e.preventDefault(); void sendMove("award.make", { type: "award.make", to }); }}>
          <label htmlFor="award-to">Award the contract to</label>
          <select id="award-to" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">Choose a supplier…</option>
            {bids.map(([seat]) => <option key={seat} value={seat}>{seatName(seat)}</option>)}
          </select>
          <button type="submit" className="primary" disabled={busy || !to}>Award on the latest bid</button>
        </form>
      ) : null}
      <ErrorNote origin="award.make" />
    </div>
  );
}
