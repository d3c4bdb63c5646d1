import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PublicScenario } from "../../../shared/negotiation/visibility.js";
import type { ReceivedBids as Received } from "../../../shared/scoring/types.js";
import { EntryLink, EventLinks } from "./EventLinks.js";

/**
 * For a seat whose side makes no offers (a tender's buyer): the bids it
 * received, one small table per bidder — round by round, what each bid was
 * worth to this seat and to the bidder — and how far the bidder moved
 * towards this seat from its first to its last bid.
 */
export function ReceivedBids({ received, log, scenario }: { received: readonly Received[]; log: readonly LogEntry[]; scenario: PublicScenario }) {
  const phaseOf = new Map(log.map((e) => [e.seq, e.phase]));
  const round = (seq: number, i: number) => {
    const phase = phaseOf.get(seq);
    return scenario.phases.find((p) => p.id === phase)?.title ?? `Bid ${i + 1}`;
  };
  return (
    <section aria-labelledby="received-title" className="received">
      <h3 id="received-title">The bids you received</h3>
      <div className="received-bids">
        {received.map((r) => (
          <div key={r.seat}>
            <table>
              <caption>{r.name}</caption>
              <thead><tr><th scope="col">Round</th><th scope="col" className="num">Points for you</th><th scope="col" className="num">Points for {r.name}</th></tr></thead>
              <tbody>
                {r.points.map((p, i) => (
                  <tr key={p.seq}>
                    <th scope="row"><EntryLink seq={p.seq} name={round(p.seq, i)} />{p.final ? " (final)" : ""}</th>
                    <td className="num">{p.ownPoints}</td>
                    <td className="num">{p.counterpartPoints}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {r.points.length === 0 ? <p>No bids.</p> : <p><strong>{r.gained.label}:</strong> {r.gained.explanation} <EventLinks events={r.gained.events} /></p>}
          </div>
        ))}
      </div>
    </section>
  );
}
