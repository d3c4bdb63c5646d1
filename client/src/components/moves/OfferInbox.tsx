import { useId, useState } from "react";
import { briefPoints } from "../../../../shared/scenario/points.js";
import type { Package } from "../../../../shared/scenario/schema.js";
import { describePackage } from "../../lib/describe-entry.js";
import { openOffers, type OpenOffer } from "../../lib/table-state.js";
import { sendMove } from "../../net/connection.js";
import { useNegotiation, useSeatName } from "../../store/hooks.js";
import { useStore } from "../../store/store.js";
import { ErrorNote, useBusy } from "../ErrorNote.js";

/** The latest open proposal addressed to this seat, with Accept (one button per package of a MESO) and Reject-with-reason. */
export function OfferInbox({ seat }: { seat: string }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const brief = useStore((s) => s.negotiation?.views[seat]?.brief ?? null);
  const offers = openOffers(n.log).filter((o) => o.to === seat);
  const mine = openOffers(n.log).filter((o) => o.from === seat);
  const pointsOf = (pkg: Package) => (brief ? briefPoints(brief.brief, pkg) : 0);
  return (
    <div className="inbox">
      {offers.map((o) => <IncomingOffer key={o.seq} offer={o} from={seatName(o.from)} points={o.packages.map(pointsOf)} batna={brief?.brief.batna.points ?? 0} />)}
      {mine.map((o) => (
        <p key={o.seq} className="pending-offer">
          Your {o.packages.length > 1 ? `${o.packages.length} packages to choose from` : "proposal"} #{o.seq} to {seatName(o.to)} {o.packages.length > 1 ? "are" : "is"} waiting for an answer.
        </p>
      ))}
    </div>
  );
}

function IncomingOffer({ offer, from, points, batna }: { offer: OpenOffer; from: string; points: number[]; batna: number }) {
  const n = useNegotiation();
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const busy = useBusy("offer.answer");
  const id = useId();
  const meso = offer.packages.length > 1;
  const accept = (choice: number) => void sendMove("offer.answer", { type: "offer.accept", offer: offer.seq, ...(meso ? { choice } : {}) });
  const heading = meso
    ? `${offer.final ? "Final offer" : "Proposal"} #${offer.seq} from ${from}: choose one of ${offer.packages.length} packages`
    : `${offer.final ? "Final offer" : "Proposal"} #${offer.seq} from ${from}`;
  return (
    <section className="card incoming" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{heading}</h3>
      {meso ? (
        <>
          <p className="hint">{from} offers these packages together, as of equal value to them: accept the one that suits you best, or counter or reject them all. Your choice tells them what you value.</p>
          <SharedTerms packages={offer.packages} />
          <div className="meso-packages" style={{ display: "grid", gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, 14rem), 1fr))`, gap: "0.8rem" }}>
            {offer.packages.map((pkg, i) => (
              <MesoPackage key={i} index={i} pkg={pkg} all={offer.packages} points={points[i] ?? 0} batna={batna} busy={busy} onAccept={() => accept(i)} />
            ))}
          </div>
        </>
      ) : (
        <>
          <p>{describePackage(n.scenario, offer.package)}</p>
          <p className={(points[0] ?? 0) > batna ? "own-points" : "own-points below"}>Worth <strong>{points[0] ?? 0}</strong> points to you (BATNA {batna}).</p>
        </>
      )}
      {offer.note ? <p className="quote">“{offer.note}”</p> : null}
      <div className="button-row">
        {meso ? null : <button type="button" className="primary" disabled={busy} onClick={() => accept(0)}>Accept</button>}
        <button type="button" disabled={busy} onClick={() => setRejecting((r) => !r)}>{meso ? "Reject all…" : "Reject…"}</button>
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

/** The terms every package of a MESO shares, once. */
function SharedTerms({ packages }: { packages: readonly Package[] }) {
  const n = useNegotiation();
  const first = packages[0] ?? {};
  const shared = Object.fromEntries(Object.entries(first).filter(([issue]) => packages.every((p) => p[issue] === first[issue])));
  const terms = describePackage(n.scenario, shared);
  return terms ? <p>In every package: {terms}</p> : null;
}

/** One package of a MESO: the terms in which the packages differ, the seat's own points, and its Accept button. */
function MesoPackage({ index, pkg, all, points, batna, busy, onAccept }: { index: number; pkg: Package; all: readonly Package[]; points: number; batna: number; busy: boolean; onAccept: () => void }) {
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
      <button type="button" className="primary" disabled={busy} onClick={onAccept} aria-describedby={`${id}-h`}>Accept this one</button>
    </article>
  );
}
