import { movesFor } from "../scenario/phase-rules.js";
import { findSeat, pointsFor } from "../scenario/points.js";
import type { Seat } from "../scenario/schema.js";
import { minutesIn, nameOf, type Run, type SeatContext } from "./context.js";
import { movesBy, num, type Proposal } from "./log-reader.js";
import { metric, pct, plural, times } from "./metric.js";
import type { Metric, OfferHistory, OfferPoint, ReceivedBids } from "./types.js";

/**
 * First offer, concession curve and reciprocity of concessions. A concession
 * is a proposal (or bid) worth fewer points to its author than the author's
 * previous one to the same counterpart.
 */

/** Packages exchanged between two seats, both directions, in log order. */
export function pairProposals(run: Run, a: string, b: string): Proposal[] {
  return run.log.proposals.filter((p) => (p.by === a && p.to === b) || (p.by === b && p.to === a));
}

/** Points of a proposal for its author. */
export function authorPoints(run: Run, p: Proposal): number {
  const seat = findSeat(run.scenario, p.by);
  return seat ? pointsFor(seat, p.package) : 0;
}

/** The seat's own offers and bids as points for itself and for the seat addressed. */
export function offerCurve(run: Run, seat: Seat): OfferPoint[] {
  return run.log.proposals
    .filter((p) => p.by === seat.id)
    .map((p) => {
      const to = findSeat(run.scenario, p.to);
      return {
        seq: p.seq,
        at: p.at,
        minutesIn: minutesIn(run, p.at),
        kind: p.kind,
        to: p.to,
        ownPoints: pointsFor(seat, p.package),
        counterpartPoints: to ? pointsFor(to, p.package) : 0,
        final: p.final,
      };
    });
}

/** True when the seat's side may make offers or bids in some phase of the scenario. */
export function canPropose(run: Run, seat: Seat): boolean {
  return run.scenario.phases.some((ph) => movesFor(ph, seat.side).some((m) => m === "offer.propose" || m === "bid.submit"));
}

interface ReciprocityCount {
  judged: number;
  reciprocated: number;
  events: number[];
}

function countPair(run: Run, seat: Seat, other: Seat, into: ReciprocityCount): void {
  const props = pairProposals(run, seat.id, other.id);
  const accepts = movesBy(run.log, seat.id, "offer.accept").filter((a) => props.some((p) => p.seq === num(a.payload, "offer")));
  let theirLast: number | undefined;
  for (const p of props) {
    if (p.by !== other.id) continue;
    const points = pointsFor(other, p.package);
    const conceded = theirLast !== undefined && points < theirLast;
    theirLast = points;
    // A final offer is take-it-or-leave-it: it asks for an answer, not a counter-concession, so it is not judged.
    if (!conceded || p.final) continue;
    const ownBefore = props.filter((q) => q.by === seat.id && q.seq < p.seq).at(-1);
    const nextOwn = props.find((q) => q.by === seat.id && q.seq > p.seq);
    const nextAccept = accepts.find((a) => a.seq > p.seq);
    const acceptedFirst = nextAccept && (!nextOwn || nextAccept.seq < nextOwn.seq);
    if (!acceptedFirst && !ownBefore) continue; // nothing of ours to concede from yet: not judged
    into.judged += 1;
    into.events.push(p.seq);
    if (acceptedFirst) {
      into.reciprocated += 1;
      into.events.push(nextAccept.seq);
    } else if (nextOwn && ownBefore && pointsFor(seat, nextOwn.package) < pointsFor(seat, ownBefore.package)) {
      into.reciprocated += 1;
      into.events.push(nextOwn.seq);
    }
  }
}

/**
 * Reciprocity of concessions: of the counterpart's concessions, the share
 * your next move answered with a concession of your own or an acceptance.
 * `applicable` is false when the counterpart never conceded, or your side
 * makes no offers in this scenario (a tender's buyer).
 */
export function reciprocity(run: Run, ctx: SeatContext): { metric: Metric; applicable: boolean } {
  const count: ReciprocityCount = { judged: 0, reciprocated: 0, events: [] };
  for (const other of ctx.counterparts) countPair(run, ctx.seat, other, count);
  const label = "Reciprocity of concessions";
  if (!canPropose(run, ctx.seat)) {
    return { metric: metric(50, label, "Your side makes no offers in this exercise, so reciprocity is not scored."), applicable: false };
  }
  if (count.judged === 0) {
    return { metric: metric(50, label, "The other side never made a concession you could answer, so reciprocity is not scored.", count.events), applicable: false };
  }
  const value = pct(count.reciprocated, count.judged);
  const text = `The other side conceded ${times(count.judged)}; you answered ${count.reciprocated} of them with a concession or an acceptance (${value} %).`;
  return { metric: metric(value, label, text, count.events), applicable: true };
}

function biggestDrop(run: Run, seat: Seat, curve: OfferPoint[]): Metric | null {
  let best: { drop: number; from: OfferPoint; to: OfferPoint } | null = null;
  for (let i = 1; i < curve.length; i++) {
    const cur = curve[i];
    const prev = curve.slice(0, i).filter((p) => cur && p.to === cur.to).at(-1);
    if (!cur || !prev) continue;
    const drop = prev.ownPoints - cur.ownPoints;
    if (drop > 0 && (!best || drop > best.drop)) best = { drop, from: prev, to: cur };
  }
  if (!best) return null;
  const them = findSeat(run.scenario, best.to.to);
  const text = `Your biggest single step: from ${best.from.ownPoints} to ${best.to.ownPoints} points for you (${best.drop} points) in the offer to ${them ? nameOf(them) : best.to.to} at minute ${best.to.minutesIn}.`;
  return metric(best.drop, "Biggest concession", text, [best.from.seq, best.to.seq]);
}

/** First offer, concession curve, total and biggest concession, with the reciprocity computed for trust. */
export function offerHistory(run: Run, ctx: SeatContext, reciprocityComponent: OfferHistory["reciprocity"]): OfferHistory {
  const curve = offerCurve(run, ctx.seat);
  const first = curve[0];
  const last = curve.at(-1);
  const firstOffer = first
    ? metric(first.ownPoints, "First offer", `Your first ${first.kind} (minute ${first.minutesIn}) was worth ${first.ownPoints} points to you and ${first.counterpartPoints} to the other side.`, [first.seq])
    : null;
  const totalConcession =
    first && last && curve.length > 1
      ? metric(first.ownPoints - last.ownPoints, "Total concession", `From your first to your last ${last.kind} your own points went from ${first.ownPoints} to ${last.ownPoints} over ${plural(curve.length, "package")}.`, [first.seq, last.seq])
      : null;
  const history: OfferHistory = { firstOffer, curve, totalConcession, biggestConcession: biggestDrop(run, ctx.seat, curve), reciprocity: reciprocityComponent };
  if (!canPropose(run, ctx.seat)) history.received = receivedBids(run, ctx);
  return history;
}

/** For a seat that makes no offers (a tender's buyer): the packages each counterpart sent it, as points for both, and what it gained over them. */
function receivedBids(run: Run, ctx: SeatContext): ReceivedBids[] {
  const others = run.scenario.seats.filter((s) => s.side !== ctx.seat.side && run.log.present.includes(s.id));
  return others.flatMap((other) => {
    const points = run.log.proposals
      .filter((p) => p.by === other.id && p.to === ctx.seat.id)
      .map((p): OfferPoint => ({ seq: p.seq, at: p.at, minutesIn: minutesIn(run, p.at), kind: p.kind, to: p.to, ownPoints: pointsFor(ctx.seat, p.package), counterpartPoints: pointsFor(other, p.package), final: p.final }));
    const first = points[0];
    const last = points.at(-1);
    if (!first || !last) return [];
    const gain = last.ownPoints - first.ownPoints;
    const name = nameOf(other);
    const text =
      points.length === 1
        ? `${name} sent you one ${first.kind}, worth ${first.ownPoints} points to you.`
        : `${name}'s ${plural(points.length, first.kind)} went from ${first.ownPoints} to ${last.ownPoints} points for you (${gain >= 0 ? `+${gain}` : gain}), and from ${first.counterpartPoints} to ${last.counterpartPoints} for them.`;
    return [{ seat: other.id, name, points, gained: metric(gain, `What ${name} conceded`, text, [first.seq, last.seq]) }];
  });
}
