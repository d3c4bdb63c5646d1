import { useId, useState } from "react";
import { briefPoints } from "../../../../shared/scenario/points.js";
import type { Package } from "../../../../shared/scenario/schema.js";
import { describePackage } from "../../lib/describe-entry.js";
import { capitalise, offerHistory, offerName, openOffers, type OfferRecord } from "../../lib/table-state.js";
import { useOnce } from "../../lib/use-once.js";
import { sendMove } from "../../net/connection.js";
import { useNegotiation, useSeatName, useSeatShortName } from "../../store/hooks.js";
import { useStore } from "../../store/store.js";
import { ErrorNote, useBusy } from "../ErrorNote.js";
import { ConfirmDialog } from "./ConfirmDialog.js";

type Counter = (pkg: Package, from: string) => void;

/**
 * "On the table": the latest open proposal addressed to this seat, with
 * Accept (one per package of a MESO, each asking for confirmation), Counter
 * and Reject-with-reason; or this seat's own proposal waiting for an answer.
 * The table keeps this card in view while the rest of the page scrolls.
 */
export function OfferInbox({ seat, onCounter }: { seat: string; onCounter?: Counter }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const shortName = useSeatShortName();
  const brief = useStore((s) => s.negotiation?.views[seat]?.brief ?? null);
  const history = offerHistory(n.log);
  const open = new Set(openOffers(n.log).map((o) => o.seq));
  const offers = history.filter((o) => open.has(o.seq) && o.to === seat);
  const mine = history.filter((o) => open.has(o.seq) && o.from === seat);
  const pointsOf = (pkg: Package) => (brief ? briefPoints(brief.brief, pkg) : 0);
  const batna = brief?.brief.batna.points ?? 0;
  const id = useId();
  return (
    <section className="inbox on-the-table" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`} className="on-the-table-title">On the table</h2>
      {/* Keyed by sender, not by offer: a new proposal replaces the card's content, and a focused button stays focused. */}
      {offers.map((o) => <IncomingOffer key={o.from} offer={o} seat={seat} points={o.packages.map(pointsOf)} batna={batna} onCounter={onCounter} />)}
      {mine.map((o) => (
        <p key={o.seq} className="pending-offer">
          {capitalise(offerName(o, seat, shortName))} to {seatName(o.to)} is waiting for an answer{o.packages.length > 1 ? `: ${o.packages.length} packages to choose from` : ""}.
          {o.packages.length > 1 ? null : ` It is worth ${pointsOf(o.packages[0] ?? {})} points to you.`}
        </p>
      ))}
      {offers.length === 0 && mine.length === 0 ? (
        <p className="hint">No proposal is open. When the other side proposes, their offer appears here with Accept and Counter; the offer board shows every proposal so far.</p>
      ) : null}
    </section>
  );
}

function IncomingOffer({ offer, seat, points, batna, onCounter }: { offer: OfferRecord; seat: string; points: number[]; batna: number; onCounter?: Counter }) {
  const n = useNegotiation();
  const shortName = useSeatShortName();
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [shown, setShown] = useState(offer.seq);
  if (shown !== offer.seq) {
    // A newer proposal replaced the one on screen: nothing half-done (a confirmation, a rejection) carries over to it.
    setShown(offer.seq);
    setConfirming(null);
    setRejecting(false);
  }
  const waiting = useBusy("offer.answer");
  const [sending, once] = useOnce(); // a double click sends one answer
  const busy = waiting || sending;
  const id = useId();
  const meso = offer.packages.length > 1;
  const from = shortName(offer.from);
  const name = offerName(offer, seat, shortName);
  const accept = (choice: number) => once(async () => {
    const r = await sendMove("offer.answer", { type: "offer.accept", offer: offer.seq, ...(meso ? { choice } : {}) });
    if (r.ok) setConfirming(null);
  });
  const reject = () => once(() => sendMove("offer.answer", { type: "offer.reject", offer: offer.seq, reason }));
  const chosen = confirming === null ? undefined : offer.packages[confirming];
  const chosenPoints = confirming === null ? 0 : (points[confirming] ?? 0);
  const counterName = (i: number) => (meso ? `${name}, package ${i + 1}` : name);
  return (
    <section className="card incoming" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{capitalise(name)}{meso ? `: choose one of ${offer.packages.length} packages` : ""}</h3>
      {meso ? (
        <>
          <p className="hint">{from} offers these packages together, as of equal value to them: accept the one that suits you best, or counter or reject them all. Your choice tells them what you value.</p>
          <SharedTerms packages={offer.packages} />
          <div className="meso-packages">
            {offer.packages.map((pkg, i) => (
              <MesoPackage key={i} index={i} pkg={pkg} all={offer.packages} points={points[i] ?? 0} batna={batna} busy={busy} onAccept={() => setConfirming(i)} onCounter={onCounter ? () => onCounter(pkg, counterName(i)) : undefined} />
            ))}
          </div>
        </>
      ) : (
        <p className={(points[0] ?? 0) > batna ? "own-points" : "own-points below"}>Worth <strong>{points[0] ?? 0}</strong> points to you (BATNA {batna}).</p>
      )}
      {/* The answers first, so they stay in view however long the terms are. */}
      <div className="button-row">
        {meso ? null : <button type="button" className="primary" disabled={busy} onClick={() => setConfirming(0)}>Accept…</button>}
        {!meso && onCounter ? <button type="button" disabled={busy} onClick={() => onCounter(offer.packages[0] ?? {}, name)}>Counter…</button> : null}
        <button type="button" disabled={busy} aria-expanded={rejecting} onClick={() => setRejecting((r) => !r)}>{meso ? "Reject all…" : "Reject…"}</button>
      </div>
      {rejecting ? (
        <form onSubmit={(e) => { e.preventDefault(); reject(); }}>
          <label htmlFor={`${id}-r`}>Why? (they will read this)</label>
          <input id={`${id}-r`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required />
          <button type="submit" disabled={busy || !reason.trim()}>Send rejection</button>
        </form>
      ) : null}
      {confirming === null ? <ErrorNote origin="offer.answer" /> : null}
      {meso ? null : <p className="offer-terms">{describePackage(n.scenario, offer.packages[0] ?? {})}</p>}
      {offer.note ? <p className="quote">“{offer.note}”</p> : null}
      <ConfirmDialog
        open={confirming !== null}
        title={meso ? `Accept package ${(confirming ?? 0) + 1} of ${name}?` : `Accept ${name}?`}
        confirmLabel="Yes, accept this deal"
        cancelLabel="Not yet"
        disabled={busy}
        onConfirm={() => { if (confirming !== null) accept(confirming); }}
        onClose={() => setConfirming(null)}
        footer={confirming !== null ? <ErrorNote origin="offer.answer" /> : null}
      >
        <p>Accepting agrees these terms with {from}. The deal is closed: it cannot be reopened or improved afterwards.</p>
        {chosen ? <PackageTerms pkg={chosen} seat={seat} /> : null}
        <p className={chosenPoints > batna ? "own-points" : "own-points below"}>
          Worth <strong>{chosenPoints}</strong> points to you against your BATNA of {batna}: {chosenPoints > batna ? `${chosenPoints - batna} points better than walking away` : "no better than walking away"}.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** A package as a short list of terms with the seat's own points for each. */
function PackageTerms({ pkg, seat }: { pkg: Package; seat: string }) {
  const n = useNegotiation();
  const scoring = useStore((s) => s.negotiation?.views[seat]?.brief?.brief.scoring);
  return (
    <table className="confirm-terms">
      <caption className="sr-only">The terms you accept, with your points</caption>
      <thead><tr><th scope="col">Term</th><th scope="col">Agreed</th><th scope="col">Your points</th></tr></thead>
      <tbody>
        {n.scenario.issues.filter((i) => pkg[i.id] !== undefined).map((i) => (
          <tr key={i.id}>
            <th scope="row">{i.name}</th>
            <td>{i.options.find((o) => o.id === pkg[i.id])?.label ?? pkg[i.id]}</td>
            <td>{scoring?.[i.id]?.[pkg[i.id] ?? ""] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The terms every package of a MESO shares, once. */
function SharedTerms({ packages }: { packages: readonly Package[] }) {
  const n = useNegotiation();
  const first = packages[0] ?? {};
  const shared = Object.fromEntries(Object.entries(first).filter(([issue]) => packages.every((p) => p[issue] === first[issue])));
  const terms = describePackage(n.scenario, shared);
  return terms ? <p className="offer-terms">In every package: {terms}</p> : null;
}

/** One package of a MESO: the terms in which the packages differ, the seat's own points, its Accept and Counter buttons. */
function MesoPackage({ index, pkg, all, points, batna, busy, onAccept, onCounter }: { index: number; pkg: Package; all: readonly Package[]; points: number; batna: number; busy: boolean; onAccept: () => void; onCounter?: () => void }) {
  const n = useNegotiation();
  const id = useId();
  const varies = (issue: string) => all.some((p) => p[issue] !== pkg[issue]);
  const label = (issue: string) => n.scenario.issues.find((i) => i.id === issue)?.options.find((o) => o.id === pkg[issue])?.label ?? pkg[issue];
  const differing = n.scenario.issues.filter((i) => varies(i.id));
  return (
    <article className="card meso-package" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Package {index + 1}</h4>
      <ul>
        {differing.map((i) => <li key={i.id}><strong>{i.name}: {label(i.id)}</strong></li>)}
      </ul>
      <p className={points > batna ? "own-points" : "own-points below"}>Worth <strong>{points}</strong> points to you (BATNA {batna}).</p>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={onAccept} aria-describedby={`${id}-h`}>Accept this one…</button>
        {onCounter ? <button type="button" disabled={busy} onClick={onCounter} aria-describedby={`${id}-h`}>Counter from it…</button> : null}
      </div>
    </article>
  );
}
