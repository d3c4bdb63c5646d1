import { useId } from "react";
import { briefPoints } from "../../../shared/scenario/points.js";
import type { Package } from "../../../shared/scenario/schema.js";
import { capitalise, offerHistory, offerName, type OfferRecord, type OfferStatus } from "../lib/table-state.js";
import { useNegotiation, useSeatShortName } from "../store/hooks.js";
import { useStore } from "../store/store.js";

const STATUS: Record<OfferStatus, string> = { open: "on the table", accepted: "accepted", rejected: "rejected", replaced: "replaced" };

/** One column of the board: an offer's package (a MESO has one per package). */
interface Column { offer: OfferRecord; index: number; pkg: Package; previous: Package | undefined }

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/**
 * Every proposal so far between this seat and its counterparts, side by side:
 * the issues as rows, each offer a column headed by who made it and when,
 * each cell the option with the seat's OWN points (never the counterpart's).
 * A cell that differs from the same author's previous offer is marked; the
 * last row totals the seat's points against its BATNA. "Counter from this
 * offer" hands the package to the proposal builder.
 */
export function OfferBoard({ seat, onCounter }: { seat: string; onCounter?: (pkg: Package, from: string) => void }) {
  const n = useNegotiation();
  const shortName = useSeatShortName();
  const brief = useStore((s) => s.negotiation?.views[seat]?.brief?.brief ?? null);
  const id = useId();
  const offers = offerHistory(n.log).filter((o) => o.from === seat || o.to === seat);
  const issues = n.scenario.issues;
  const batna = brief?.batna.points ?? 0;

  if (offers.length === 0) {
    return (
      <section className="offer-board card" aria-labelledby={`${id}-t`}>
        <h2 id={`${id}-t`}>Offer board</h2>
        <p className="hint">No proposals yet. Each proposal, yours and theirs, appears here as a column, with your points for every term.</p>
      </section>
    );
  }

  const lastBy = new Map<string, OfferRecord>();
  const columns: Column[] = [];
  for (const offer of offers) {
    const before = lastBy.get(offer.from);
    offer.packages.forEach((pkg, index) => columns.push({ offer, index, pkg, previous: before?.packages[index] ?? before?.packages[0] }));
    lastBy.set(offer.from, offer);
  }
  const meso = offers.some((o) => o.packages.length > 1);
  const label = (issue: string, option: string | undefined) => issues.find((i) => i.id === issue)?.options.find((o) => o.id === option)?.label ?? option ?? "—";
  const pointsOf = (issue: string, option: string | undefined) => (option ? (brief?.scoring[issue]?.[option] ?? 0) : 0);
  const name = (o: OfferRecord) => capitalise(offerName(o, seat, shortName));
  /** "Sam's second proposal, package 2": lower case, as it reads inside a sentence. */
  const colName = (c: Column) => {
    const own = offerName(c.offer, seat, shortName);
    return c.offer.packages.length > 1 ? `${own}, package ${c.index + 1}` : own;
  };

  return (
    <section className="offer-board card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>Offer board</h2>
      <p className="hint" id={`${id}-legend`}>
        Your points for each term; <span className="changed-mark" aria-hidden="true">●</span> marks a term changed from the same side's previous offer. Your BATNA is {batna} points.
      </p>
      <div className="board-wrap" role="region" aria-label="Offers so far, oldest first" tabIndex={0}>
        <table className="board" aria-describedby={`${id}-legend`}>
          <thead>
            <tr>
              <th scope="col" rowSpan={meso ? 2 : 1}>Term</th>
              {offers.map((o) => (
                <th key={o.seq} scope="colgroup" colSpan={o.packages.length} className={`offer-head status-${o.status}${o.from === seat ? " mine" : ""}`}>
                  <span className="offer-name">{name(o)}</span> <span className="offer-time">· {time(o.at)}</span>
                  <span className={`offer-status status-${o.status}`}>{STATUS[o.status]}{o.status === "accepted" && o.packages.length > 1 ? ` (package ${(o.choice ?? 0) + 1})` : ""}</span>
                </th>
              ))}
            </tr>
            {meso ? (
              <tr>
                {columns.map((c) => <th key={`${c.offer.seq}-${c.index}`} scope="col" className="sub-head">{c.offer.packages.length > 1 ? `Package ${c.index + 1}` : <span className="sr-only">Package</span>}</th>)}
              </tr>
            ) : null}
          </thead>
          <tbody>
            {issues.map((issue) => (
              <tr key={issue.id}>
                <th scope="row">{issue.name}</th>
                {columns.map((c) => {
                  const option = c.pkg[issue.id];
                  const changed = c.previous !== undefined && c.previous[issue.id] !== option;
                  return (
                    <td key={`${c.offer.seq}-${c.index}`} className={changed ? "changed" : undefined}>
                      {changed ? <><span className="changed-mark" aria-hidden="true">●</span><span className="sr-only">Changed: </span></> : null}
                      <span className="cell-option">{label(issue.id, option)}</span>
                      <span className="cell-points">{pointsOf(issue.id, option)} pts</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="totals">
              <th scope="row">Your points <span className="hint">(BATNA {batna})</span></th>
              {columns.map((c) => {
                const total = brief ? briefPoints(brief, c.pkg) : 0;
                return (
                  <td key={`${c.offer.seq}-${c.index}`} className={total > batna ? "above" : "below"}>
                    <strong>{total}</strong> <span className="cell-points">{total > batna ? `+${total - batna} above` : "not above your BATNA"}</span>
                  </td>
                );
              })}
            </tr>
            {onCounter ? (
              <tr>
                <th scope="row"><span className="sr-only">Counter</span></th>
                {columns.map((c) => (
                  <td key={`${c.offer.seq}-${c.index}`}>
                    <button type="button" className="small" aria-label={`Counter from this ${c.offer.packages.length > 1 ? "package" : "offer"}: ${colName(c)}`} onClick={() => onCounter(c.pkg, colName(c))}>
                      Counter from this {c.offer.packages.length > 1 ? "package" : "offer"}
                    </button>
                  </td>
                ))}
              </tr>
            ) : null}
          </tfoot>
        </table>
      </div>
      {offers.some((o) => o.note) ? (
        <ul className="board-notes">
          {offers.filter((o) => o.note).map((o) => <li key={o.seq}><strong>{name(o)}:</strong> <span className="quote">“{o.note}”</span></li>)}
        </ul>
      ) : null}
    </section>
  );
}
