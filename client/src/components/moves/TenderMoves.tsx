import { useState } from "react";
import type { PublicScenario } from "../../../../shared/negotiation/visibility.js";
import { briefPoints } from "../../../../shared/scenario/points.js";
import type { Package } from "../../../../shared/scenario/schema.js";
import { packageOf } from "../../../../shared/scoring/log-reader.js";
import { describePackage, topicLabel } from "../../lib/describe-entry.js";
import { clarifications, openedRounds, secondSourcePreview, secondSourceRule, type OpenedRound } from "../../lib/tender-bids.js";
import { myBid, openedBids } from "../../lib/table-state.js";
import { useOnce } from "../../lib/use-once.js";
import { useStore } from "../../store/store.js";
import { sendControl, sendMove } from "../../net/connection.js";
import { useCurrentPhase, useNegotiation, useSeatName } from "../../store/hooks.js";
import { ErrorNote, useBusy } from "../ErrorNote.js";
import { ConfirmDialog } from "./ConfirmDialog.js";

/** Procurement issues the request for quotation (once). */
export function RfqForm() {
  const n = useNegotiation();
  const [note, setNote] = useState("");
  const busy = useBusy("rfq.issue");
  const [sending, once] = useOnce();
  if (n.log.some((e) => e.type === "rfq.issue")) return <p className="done-note">The RFQ is out. Answer the suppliers' clarification questions; your answers reach every bidder.</p>;
  return (
    <form className="move-form" onSubmit={(e) => { e.preventDefault(); once(() => sendMove("rfq.issue", { type: "rfq.issue", ...(note.trim() ? { note } : {}) })); }}>
      <h3>Issue the request for quotation</h3>
      <label htmlFor="rfq-note">Instructions to bidders (optional)</label>
      <textarea id="rfq-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} placeholder="How bids will be evaluated, deadlines…" />
      <button type="submit" className="primary" disabled={busy || sending}>Issue the RFQ</button>
      <ErrorNote origin="rfq.issue" />
    </form>
  );
}

/** The bidders still in the tender: taken supplier seats that have not withdrawn (as far as this viewer knows). */
function useBidders() {
  return useNegotiation().seats.filter((s) => s.side === "sales" && s.occupant && !s.withdrawn);
}

/** "2 of 3 bidders have bid in this round", for the buyer while a sealed round is open; null otherwise (and always for a bidder). */
function useBidCountText(): string | null {
  const n = useNegotiation();
  const bidders = useBidders().length;
  const count = n.bidCount?.round === n.phase ? n.bidCount.bidsIn : null;
  if (count === null) return null;
  return `${count} of ${bidders} ${bidders === 1 ? "bidder has" : "bidders have"} bid in this round`;
}

/** Procurement closes the current phase (in a sealed round: opens the bids) when it chooses, after a confirmation. */
export function CloseRound({ label }: { label: string }) {
  const phase = useCurrentPhase();
  const counted = useBidCountText();
  const busy = useBusy("advance");
  const [open, setOpen] = useState(false);
  const sealed = phase?.kind === "sealed-bid";
  return (
    <div className="move-form">
      {counted ? <p className="bid-count" role="status"><strong>{counted}.</strong> You see the bids only once the round closes.</p> : null}
      <button type="button" className="primary" disabled={busy} onClick={() => setOpen(true)}>{label}</button>
      <ConfirmDialog
        open={open}
        title={sealed ? `Close ${phase.title} and open the bids?` : `Close ${phase?.title ?? "this phase"}?`}
        consequence={sealed
          ? "Bidding in this round ends for every supplier: you see the bids, and each supplier learns only its own rank. It cannot be reopened."
          : "The next phase starts for everyone at the table; this one cannot be reopened."}
        confirmLabel={sealed ? "Close the round" : "Close the phase"}
        busyLabel="Closing…"
        cancelLabel="Not yet"
        disabled={busy}
        onConfirm={() => sendControl("advance", { type: "phase.advance" }).then((r) => r.ok && setOpen(false))}
        onClose={() => setOpen(false)}
        footer={<ErrorNote origin="advance" />}
      >
        {counted ? <p>{counted}.</p> : null}
      </ConfirmDialog>
      <ErrorNote origin="advance" />
    </div>
  );
}

/** A supplier's own bid in this round, its rank feedback so far and the clarifications every bidder received. */
export function BidStatus({ seat }: { seat: string }) {
  const n = useNegotiation();
  const bid = myBid(n.log, seat, n.phase);
  const ranks = n.log.filter((e) => e.type === "bid.ranked" && e.payload.seat === seat);
  return (
    <div className="bid-status">
      <div role="status">
        {bid ? <p>Your bid this round: {describePackage(n.scenario, packageOf(bid.payload.package) ?? {})}. You may replace it until the round closes.</p> : <p>You have not bid in this round yet.</p>}
      </div>
      {ranks.length ? (
        <ul className="ranks">
          {ranks.map((r) => <li key={r.seq}>{phaseTitle(n.scenario, r.payload.phase)}: you ranked <strong>{String(r.payload.rank)} of {String(r.payload.of)}</strong></li>)}
        </ul>
      ) : null}
      <Clarifications seat={seat} />
    </div>
  );
}

/** The buyer's clarification answers, each under the question it answers (quoted; a rival's question only where the buyer published it). */
export function Clarifications({ seat }: { seat: string }) {
  const n = useNegotiation();
  const list = clarifications(n.log, seat);
  if (list.length === 0) return null;
  return (
    <section className="clarifications" aria-labelledby="clarifications-title">
      <h3 id="clarifications-title">Clarifications to every bidder</h3>
      <ul>
        {list.map((c) => (
          <li key={c.seq}>
            <p className="clarification-question">
              {c.ownQuestion ? "Your question" : "A bidder's question"}
              {c.topic ? ` about ${topicLabel({ scenario: n.scenario, log: n.log }, c.topic)}` : ""}
              {c.question ? <>: <q>{c.question}</q></> : c.topic ? "" : " (its wording stays with the bidder who asked)"}
            </p>
            <p className="clarification-answer"><strong>Answer:</strong> {c.answer}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The buyer's side of a tender: the bid count while a round is open, each opened round as a comparison table, and the award. */
export function AwardForm({ canAward }: { canAward: boolean }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const brief = useStore((s) => (s.me?.seat ? s.negotiation?.views[s.me.seat]?.brief : null));
  const worth = (pkg: Package) => (brief ? briefPoints(brief.brief, pkg) : 0);
  const rounds = openedRounds(n.log, worth);
  const latest = rounds.at(-1);
  const earlier = rounds.slice(0, -1).reverse();
  return (
    <div className="move-form tender-bids">
      <h3>Opened bids</h3>
      {latest ? <BidTable round={latest} /> : <p>No bids opened yet. Bids open when you close a round.</p>}
      {earlier.length ? (
        <details>
          <summary>Earlier rounds</summary>
          {earlier.map((r) => <BidTable key={r.phase} round={r} />)}
        </details>
      ) : null}
      {canAward && latest ? <Award rounds={rounds} worth={worth} batna={brief?.brief.batna.points ?? null} seatName={seatName} /> : null}
    </div>
  );
}

/** One opened round, rank by rank: supplier, the option of each term, the buyer's points. */
function BidTable({ round }: { round: OpenedRound }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const issues = n.scenario.issues;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="scoring bid-table">
        <caption>{phaseTitle(n.scenario, round.phase)}: {round.bids.length} {round.bids.length === 1 ? "bid" : "bids"}, best for you first</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Supplier</th>
            {issues.map((i) => <th key={i.id} scope="col">{i.name}</th>)}
            <th scope="col">Your points</th>
          </tr>
        </thead>
        <tbody>
          {round.bids.length === 0 ? <tr><td colSpan={issues.length + 3}>No supplier bid in this round.</td></tr> : null}
          {round.bids.map((b) => (
            <tr key={b.seat}>
              <td>{b.rank}</td>
              <th scope="row">{seatName(b.seat)}</th>
              {issues.map((i) => <td key={i.id}>{optionLabel(n.scenario, i.id, b.package[i.id])}</td>)}
              <td><strong>{b.points}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Choose a supplier, then confirm: the package, its points to the buyer and, where the scenario splits the award, the second source. */
function Award({ rounds, worth, batna, seatName }: { rounds: OpenedRound[]; worth: (pkg: Package) => number; batna: number | null; seatName: (seat: string) => string }) {
  const n = useNegotiation();
  const latest = openedBids(n.log);
  const [to, setTo] = useState("");
  const [open, setOpen] = useState(false);
  const busy = useBusy("award.make");
  const chosen = latest.get(to);
  const withdrawn = new Set(n.seats.filter((s) => s.withdrawn).map((s) => s.id));
  const second = chosen ? secondSourcePreview(secondSourceRule(n.scenario), rounds, to, chosen.package, withdrawn) : null;
  const candidates = [...latest.keys()].filter((seat) => !withdrawn.has(seat));
  // The dialog is the form's sibling: its own form must not nest inside this one.
  return (
    <>
      <form onSubmit={(e) => { e.preventDefault(); if (chosen) setOpen(true); }}>
        <label htmlFor="award-to">Award the contract to</label>
        <select id="award-to" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">Choose a supplier…</option>
          {candidates.map((seat) => <option key={seat} value={seat}>{seatName(seat)}</option>)}
        </select>
        <button type="submit" className="primary" disabled={busy || !chosen}>Award on the latest bid…</button>
        <ErrorNote origin="award.make" />
      </form>
      {chosen ? (
        <ConfirmDialog
          open={open}
          title={`Award the contract to ${seatName(to)}?`}
          consequence="This ends the tender: the supplier wins on its latest bid, and every other bidder learns only that the contract went elsewhere. It cannot be undone."
          confirmLabel="Award the contract"
          busyLabel="Awarding…"
          cancelLabel="Not yet"
          disabled={busy}
          onConfirm={() => sendMove("award.make", { type: "award.make", to }).then((r) => r.ok && setOpen(false))}
          onClose={() => setOpen(false)}
          footer={<ErrorNote origin="award.make" />}
        >
          <p>{seatName(to)}'s bid from {phaseTitle(n.scenario, chosen.phase)}: {describePackage(n.scenario, chosen.package)}.</p>
          <p>Worth <strong>{worth(chosen.package)} points</strong> to you{batna !== null ? ` (your walk-away alternative: ${batna})` : ""}.</p>
          {second ? <p>Second source: <strong>{seatName(second.seat)}</strong>, the runner-up of {phaseTitle(n.scenario, rounds.at(-1)?.phase)}, supplies {optionLabel(n.scenario, secondSourceRule(n.scenario)?.issue ?? "", second.share).replace(/\s*\(second source\)\s*$/i, "")} on its bid's other terms, worth {worth(second.package)} points to you.</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

const phaseTitle = (s: PublicScenario, id: unknown) => s.phases.find((p) => p.id === id)?.title ?? String(id);
const optionLabel = (s: PublicScenario, issue: string, option: string | undefined) => (option === undefined ? "—" : (s.issues.find((i) => i.id === issue)?.options.find((o) => o.id === option)?.label ?? option));
