import { distanceToFrontier, type PairAnalysis } from "../scenario/analysis.js";
import { findSeat, pointsFor } from "../scenario/points.js";
import type { Package, Seat } from "../scenario/schema.js";
import { nameOf, ownFirst, pairFor, type Run, type SeatContext } from "./context.js";
import { movesBy } from "./log-reader.js";
import { mainShareLabel, secondSourceOf } from "./tender.js";
import { principledWalkaway } from "./trust.js";
import { metric, pct, round } from "./metric.js";
import type { Metric, SecondSourceOutcome, SeatOutcome } from "./types.js";

/**
 * Outcome metrics of one seat: its points, its surplus over its BATNA and,
 * with a deal, how the deal compares with what the scenario made possible
 * (joint points, Pareto frontier, Nash point). Standard negotiation teaching:
 * BATNA / reservation value, Pareto efficiency, the Nash bargaining solution.
 */
export function scoreOutcome(run: Run, ctx: SeatContext): SeatOutcome {
  const { seat, partner } = ctx;
  const batnaPoints = seat.brief.batna.points;
  const batna = metric(batnaPoints, "BATNA", `Your walk-away alternative ("${seat.brief.batna.description}") was worth ${batnaPoints} points.`);
  const agreement = run.agreement;
  const second = secondSourceOf(run);
  if (ctx.deal && agreement && partner) return dealOutcome(run, seat, partner, agreement.package, batna, second);
  if (second && second.seat === seat.id) return secondSourceOutcome(run, seat, second, batna);
  const events = [run.log.ended?.seq, agreement?.source].filter((s): s is number => s !== undefined);
  const notAwarded = agreement !== null && seat.side === "sales";
  const walked = principledWalkaway(run, seat);
  const why = notAwarded ? "another supplier won the award" : walked ? "you walked away, and nothing on the table beat your BATNA" : noDealReason(run);
  const headline = notAwarded
    ? `Not awarded: the buyer chose another supplier${second ? ", and another bidder ranked above you became second source" : ""}, so you fall back on your BATNA (${batnaPoints} points).`
    : `No deal: ${why}; you fall back on your BATNA (${batnaPoints} points).`;
  const walkedAt = movesBy(run.log, seat.id, "walkaway")[0];
  return {
    deal: false,
    result: notAwarded ? "not-awarded" : "no-deal",
    headline,
    ...(walkedAt ? { walkaway: walked ? "principled" : "from-better-offer" } : {}),
    counterpart: partner?.id ?? null,
    ownPoints: metric(batnaPoints, "Your points", `No deal for you (${why}), so you fall back on your BATNA: ${batnaPoints} points.`, events),
    batna,
    surplus: metric(0, "Surplus over BATNA", "Without a deal you gain nothing over your BATNA.", events),
    leftOnTable: leftOnTable(run, ctx, events),
  };
}

function noDealReason(run: Run): string {
  const reason = run.log.ended?.reason;
  if (reason === "walkaway") return "the talks ended when a party walked away";
  if (reason === "timeout") return "time ran out before anyone accepted";
  if (reason === "ended-by-facilitator") return "the facilitator ended the talks";
  if (reason === "all-withdrew") return "every supplier withdrew";
  return run.log.ended ? "the talks ended without a deal" : "the talks have not ended yet";
}

function secondSourceOutcome(run: Run, seat: Seat, second: SecondSourceOutcome, batna: Metric): SeatOutcome {
  const buyer = run.agreement ? findSeat(run.scenario, run.agreement.parties[0]) : undefined;
  const events = [second.bid, run.agreement?.source, run.log.ended?.seq].filter((s): s is number => s !== undefined);
  const own = second.supplierPoints;
  const surplus = own - seat.brief.batna.points;
  const terms = `${second.shareLabel} of the volume on the other terms of your last bid`;
  return {
    deal: false,
    result: "second-source",
    headline: `Second source: another supplier won the main contract; you supply ${terms}, worth ${own} points to you (your BATNA: ${seat.brief.batna.points}).`,
    counterpart: buyer?.id ?? null,
    ownPoints: metric(own, "Your points", `As second source you supply ${terms}: worth ${own} points on your scoring table.`, events),
    batna,
    surplus: metric(surplus, "Surplus over BATNA", surplus >= 0 ? `You got ${round(surplus, 2)} points more than your BATNA (${own} − ${seat.brief.batna.points}).` : `The second-source share is worth ${round(-surplus, 2)} points less than your BATNA (${own} − ${seat.brief.batna.points}).`, events),
    counterpartPoints: metric(second.buyerPoints, "Their points", `Your second-source terms are worth ${second.buyerPoints} points to ${buyer ? nameOf(buyer) : "the buyer"}.`, events),
    secondSource: second,
  };
}

function dealOutcome(run: Run, seat: Seat, partner: Seat, pkg: Package, batna: Metric, second: SecondSourceOutcome | null): SeatOutcome {
  const events = [run.agreement?.source, run.log.ended?.seq].filter((s): s is number => s !== undefined);
  const pair = pairFor(run.scenario, seat, partner);
  const own = pointsFor(seat, pkg);
  const other = pointsFor(partner, pkg);
  const ownSurplus = own - seat.brief.batna.points;
  const otherSurplus = other - partner.brief.batna.points;
  const joint = own + other;
  const them = nameOf(partner);
  const surplusText =
    ownSurplus >= 0
      ? `You got ${round(ownSurplus, 2)} points more than your BATNA (${own} − ${seat.brief.batna.points}).`
      : `You accepted ${round(-ownSurplus, 2)} points less than your BATNA (${own} − ${seat.brief.batna.points}): walking away would have served you better.`;
  const [procurement, sales] = seat.side === "procurement" ? [own, other] : [other, own];
  const awarded = run.log.ended?.reason === "awarded";
  const share = mainShareLabel(run, pkg);
  const signed = run.scenario.agreement;
  const what = signed ? `${signed.name}${signed.condition ? `, subject to ${signed.condition},` : ""}` : "a package";
  const headline = !awarded
    ? `Deal: you and ${them} agreed ${what} worth ${own} points to you (your BATNA: ${seat.brief.batna.points}).`
    : seat.side === "sales"
      ? `You won the contract${share ? `: ${share} of the volume` : ""} on your final bid, worth ${own} points to you (your BATNA: ${seat.brief.batna.points}).`
      : `You awarded the contract to ${them}${share ? ` (${share} of the volume)` : ""}${second ? `, with ${second.name} as second source (${second.shareLabel})` : ""}: worth ${own} points to you (your BATNA: ${seat.brief.batna.points}).`;
  const extra: Partial<SeatOutcome> = seat.side === "procurement" && second ? { secondSource: second } : {};
  return {
    deal: true,
    result: "deal",
    headline,
    ...extra,
    counterpart: partner.id,
    ownPoints: metric(own, "Your points", `The agreement is worth ${own} points on your scoring table.`, events),
    batna,
    surplus: metric(ownSurplus, "Surplus over BATNA", surplusText, events),
    counterpartPoints: metric(other, "Their points", `The agreement is worth ${other} points to ${them} (their BATNA: ${partner.brief.batna.points}).`, events),
    jointPoints: metric(joint, "Joint points", `Together the deal is worth ${joint} points: ${own} for you and ${other} for ${them}.`, events),
    ...shareOfSurplus(ownSurplus, otherSurplus, events),
    distanceToFrontier: frontierMetric(pair, procurement, sales, events),
    jointOfMax: metric(
      pct(joint, pair.maxJoint.joint),
      "Joint points as % of the best possible",
      `The deal reached ${joint} of the ${pair.maxJoint.joint} joint points the best package offered (${pct(joint, pair.maxJoint.joint)} %).`,
      events,
    ),
    ...nashMetric(seat, pair, own, other, events),
  };
}

/** Only meaningful when both sides gained: a side below its BATNA has no "share" of a surplus. */
function shareOfSurplus(own: number, other: number, events: number[]): Pick<SeatOutcome, "shareOfSurplus"> {
  const total = own + other;
  if (own < 0 || other < 0 || total <= 0) return {};
  const share = pct(own, total);
  return {
    shareOfSurplus: metric(share, "Your share of the joint surplus", `The deal created ${round(total, 2)} points over both BATNAs; you took ${round(own, 2)} of them (${share} %).`, events),
  };
}

function frontierMetric(pair: PairAnalysis, procurement: number, sales: number, events: number[]): Metric {
  const d = round(distanceToFrontier(pair, procurement, sales), 2);
  const text =
    d === 0
      ? "No other package was better for one of you without costing the other: the deal lies on the Pareto frontier."
      : `Another package would have given one of you more without costing the other anything: the deal lies ${d} points short of the Pareto frontier (the packages nobody can improve on for one side without hurting the other).`;
  return metric(d, "Distance to the Pareto frontier", text, events);
}

function nashMetric(seat: Seat, pair: PairAnalysis, own: number, other: number, events: number[]): Pick<SeatOutcome, "distanceToNash"> {
  if (!pair.nash) return {};
  const [nashOwn, nashOther] = ownFirst(seat, pair.nash);
  const d = round(Math.hypot(own - nashOwn, other - nashOther), 2);
  const text = `The Nash point is the fairest efficient deal: the package that makes the product of both sides' gains over their BATNAs as large as possible. It gives you ${nashOwn} and them ${nashOther}; your deal (${own} / ${other}) is ${d} points from it.`;
  return { distanceToNash: metric(d, "Distance to the Nash point", text, events) };
}

/** The best joint surplus over both BATNAs among packages that beat both (0 when there was no deal zone). */
export function bestJointSurplus(pair: PairAnalysis): number {
  let best = 0;
  for (const p of pair.frontier) {
    if (p.procurement > pair.batna.procurement && p.sales > pair.batna.sales) {
      best = Math.max(best, p.procurement - pair.batna.procurement + p.sales - pair.batna.sales);
    }
  }
  return best;
}

function leftOnTable(run: Run, ctx: SeatContext, events: number[]): Metric {
  let best = 0;
  let bestWith: Seat | undefined;
  for (const other of ctx.counterparts) {
    const value = bestJointSurplus(pairFor(run.scenario, ctx.seat, other));
    if (value > best) [best, bestWith] = [value, other];
  }
  const text =
    best > 0 && bestWith
      ? `A deal zone existed: the best package would have given you and ${nameOf(bestWith)} ${round(best, 2)} points more than your two BATNAs together.`
      : "No package beat both BATNAs: there was no deal zone, so walking away cost nothing.";
  return metric(best, "Left on the table", text, events);
}
