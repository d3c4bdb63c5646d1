import { biddableOptions, pointsFor } from "../scenario/points.js";
import type { Brief, Issue, Package, Scenario, Seat } from "../scenario/schema.js";
import { checkPackage, isPackage } from "./checks.js";
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

/**
 * MESO: multiple equivalent simultaneous offers. A proposal may carry one or
 * two `alternatives` beside its package: two or three packages of about
 * equal value to the PROPOSER, on the table together, of which the
 * counterpart accepts one (`offer.accept` `choice`: 0 = the package, 1 and 2
 * = the alternatives) or counters or rejects them all.
 *
 * "About equal" is judged on the proposer's own scoring table only: every
 * alternative within `mesoTolerance` of the main package — 5 % of the seat's
 * points range (its best package minus its worst), rounded to whole points,
 * at least 2. On the 0–100 scale of the flagships that is 5 points, about one
 * step on a minor issue: close enough that a trainer can call the packages
 * equivalent, wide enough that they can differ in two or three real terms.
 *
 * A MESO may be `final` ("choose one of these; there is no other"): the
 * choice stays the counterpart's, so the ultimatum is only that nothing else
 * is on offer. A counter-proposal replaces an open MESO like any offer, and a
 * rejection rejects all of its packages.
 */
export const MESO_TOLERANCE = { share: 0.05, minimum: 2 } as const;

type TableIssue = Pick<Issue, "id" | "options">;

/** A seat's points range: its best package minus its worst, over the options an offer may name. */
export function pointsRange(issues: readonly TableIssue[], scoring: Brief["scoring"]): number {
  let range = 0;
  for (const issue of issues) {
    const points = biddableOptions(issue).map((o) => scoring[issue.id]?.[o.id] ?? 0);
    if (points.length > 0) range += Math.max(...points) - Math.min(...points);
  }
  return range;
}

/** How far (in the seat's own points) an alternative may be from the main package and still count as equivalent. */
export function mesoTolerance(issues: readonly TableIssue[], scoring: Brief["scoring"]): number {
  return Math.max(MESO_TOLERANCE.minimum, Math.round(MESO_TOLERANCE.share * pointsRange(issues, scoring)));
}

/** Points as a message shows them: whole numbers plain, others to one decimal. */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

/** The packages of a logged proposal, in choice order: its package, then its alternatives (a plain offer has one). */
export function offerPackages(payload: Record<string, unknown>): Package[] {
  const main = payload.package;
  if (!isPackage(main)) return [];
  const alternatives = Array.isArray(payload.alternatives) ? payload.alternatives.filter(isPackage) : [];
  return [main, ...alternatives];
}

function samePackage(a: Package, b: Package): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/** "1", "1 and 2" */
function numbers(items: readonly number[]): string {
  return items.length <= 1 ? String(items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${String(items.at(-1))}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The alternatives of a MESO: one or two complete packages of real options
 * (none a second-source share), all packages distinct, each within the
 * tolerance of the main package on the proposer's own table. The message of
 * a refusal names the proposer's own points only, never the counterpart's.
 */
export function checkAlternatives(scenario: Scenario, proposer: Seat, main: Package, alternatives: unknown): Problem | null {
  if (alternatives === undefined) return null;
  if (!Array.isArray(alternatives) || alternatives.length < 1 || alternatives.length > 2) {
    return problem("invalid-input", "Offer one or two equivalent alternatives beside your main package, or none.");
  }
  const packages: Package[] = [main];
  for (const [i, alternative] of alternatives.entries()) {
    const wrong = checkPackage(scenario, alternative);
    if (wrong) return problem(wrong.code, `Alternative ${i + 1}: ${lowerFirst(wrong.message)}`);
    if (isPackage(alternative)) packages.push(alternative);
  }
  for (const [i, pkg] of packages.entries()) {
    const twin = packages.findIndex((p, j) => j < i && samePackage(p, pkg));
    if (twin === 0) return problem("invalid-package", `Alternative ${i} is the same package as your main package; each package must differ in at least one term.`);
    if (twin > 0) return problem("invalid-package", `Alternatives ${twin} and ${i} are the same package; each package must differ in at least one term.`);
  }
  const tolerance = mesoTolerance(scenario.issues, proposer.brief.scoring);
  const points = packages.map((p) => pointsFor(proposer, p));
  const base = points[0] ?? 0;
  const off = points.flatMap((p, i) => (i > 0 && Math.abs(p - base) > tolerance ? [i] : []));
  if (off.length === 0) return null;
  const range = formatPoints(pointsRange(scenario.issues, proposer.brief.scoring));
  const worth = points.slice(1).map((p, k) => {
    const gap = p - base;
    const side = Math.abs(gap) > tolerance ? ` (${formatPoints(Math.abs(gap))} ${gap > 0 ? "above" : "below"})` : "";
    return `alternative ${k + 1} is worth ${formatPoints(p)}${side}`;
  });
  const low = formatPoints(base - tolerance);
  const high = formatPoints(base + tolerance);
  return problem(
    "invalid-package",
    `The packages of a multiple equivalent offer must be worth about the same to you: each alternative within ${formatPoints(tolerance)} points ` +
      `of your main package on your own scoring (${MESO_TOLERANCE.share * 100} % of your ${range}-point range, rounded, at least ${MESO_TOLERANCE.minimum}). ` +
      `Your main package is worth ${formatPoints(base)} points to you, ${worth.join(" and ")}. ` +
      `Bring ${off.length === 1 ? "alternative" : "alternatives"} ${numbers(off)} to between ${low} and ${high} points, or propose ${off.length === 1 ? "it" : "them"} on ${off.length === 1 ? "its" : "their"} own.`,
  );
}

/**
 * The `choice` of an acceptance: absent or 0 for a plain offer; for a MESO,
 * the number of one of its packages (0 = the package, 1–2 = the alternatives).
 */
export function checkChoice(ctx: NegotiationContext, seq: unknown, choice: unknown): Problem | null {
  if (choice === undefined) return null;
  const count = offerPackages(entryAt(ctx, seq)?.payload ?? {}).length;
  if (typeof choice !== "number" || !Number.isInteger(choice) || choice < 0) {
    return problem("invalid-input", "Choose a package by its number: 0 for the main package, 1 or 2 for an alternative.");
  }
  if (count <= 1) {
    return choice === 0 ? null : problem("invalid-input", "That offer is a single package, not a choice of packages; accept it as it stands.");
  }
  if (choice < count) return null;
  const choices = count === 2 ? "0 (the main package) or 1 (the alternative)" : "0 (the main package), 1 or 2 (the alternatives)";
  return problem("invalid-input", `That offer puts ${count} packages on the table; choose ${choices}.`);
}
