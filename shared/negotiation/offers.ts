import type { NegotiationContext, OpenOffer } from "./context.js";
import { entryAt } from "./log.js";
import { problem, type Problem } from "./messages.js";

function samePair(offer: OpenOffer, a: string, b: string): boolean {
  return (offer.from === a && offer.to === b) || (offer.from === b && offer.to === a);
}

/** Open offers once a new proposal from `from` to `to` supersedes every earlier one between the two. */
export function openAfterProposal(ctx: NegotiationContext, seq: number, from: string, to: string): OpenOffer[] {
  return ctx.openOffers.filter((o) => !samePair(o, from, to)).concat({ seq, from, to });
}

/** Open offers without the one closed by an acceptance or a rejection. */
export function openWithout(ctx: NegotiationContext, seq: number): OpenOffer[] {
  return ctx.openOffers.filter((o) => o.seq !== seq);
}

/** Open offers without any involving a seat (a supplier who withdrew). */
export function openWithoutSeat(ctx: NegotiationContext, seat: string): OpenOffer[] {
  return ctx.openOffers.filter((o) => o.from !== seat && o.to !== seat);
}

/**
 * Whether `seat` may accept or reject offer `seq`: it must be a proposal,
 * addressed to the seat, and still the latest open one between the pair.
 */
export function checkOffer(ctx: NegotiationContext, seat: string, seq: unknown, verb: "accept" | "reject"): Problem | null {
  const entry = entryAt(ctx, seq);
  // Messages name no log numbers: each viewer numbers its transcript on its own (transcript.ts).
  if (entry?.type !== "offer.propose") return problem("offer-not-found", "There is no such offer.");
  if (entry.payload.to !== seat) return problem("offer-not-for-you", `That offer was not made to you; you can only ${verb} offers addressed to you.`);
  if (ctx.openOffers.some((o) => o.seq === entry.seq)) return null;
  const latest = ctx.openOffers.find((o) => samePair(o, seat, entry.by));
  if (latest === undefined) return problem("offer-superseded", "That offer is no longer open; make a new proposal instead.");
  const where = latest.to === seat ? `${verb} the latest offer instead` : "your own newer offer is on the table";
  return problem("offer-superseded", `That offer has been replaced by a newer one; ${where}.`);
}
