import { pointsFor } from "../scenario/points.js";
import type { Scenario, Seat } from "../scenario/schema.js";
import { authorPoints, canPropose, pairProposals } from "./concessions.js";
import type { Run, SeatContext } from "./context.js";
import { movesBy, str } from "./log-reader.js";
import { clamp100, component, metric, plural, weightedScore } from "./metric.js";
import type { Component, Metric, StyleFit, StyleLabel } from "./types.js";

/** Phrases that threaten to walk or close the door, in chat and offer notes. */
export const THREAT_WORDS = /(take it or leave it|final offer|last offer|walk away|walking away|go elsewhere|other suppliers?|other bidders?)/i;
export const STYLE_WEIGHTS = { hardballCost: 0.6, trustBuilding: 0.4 } as const;
/** Points off the strategic "hardball cost" part per hardball signal. */
export const HARDBALL_COST = 25;
/** Collaborative moves that earn full trust-building marks in a strategic partnership. */
export const COLLABORATION_TARGET = 4;

/** Lowest and highest total a seat's scoring table allows. */
export function pointsRange(seat: Seat): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const options of Object.values(seat.brief.scoring)) {
    const values = Object.values(options);
    min += Math.min(...values);
    max += Math.max(...values);
  }
  return { min, max };
}

function extremeFirstOffer(run: Run, seat: Seat): Metric | null {
  const first = run.log.proposals.find((p) => p.by === seat.id);
  const to = first && run.scenario.seats.find((s) => s.id === first.to);
  if (!first || !to) return null;
  const { min, max } = pointsRange(to);
  const theirs = pointsFor(to, first.package);
  if (theirs > min + 0.25 * (max - min)) return null;
  return metric(1, "Extreme first offer", `your first ${first.kind} left the other side ${theirs} points, in the bottom quarter of their ${min}–${max} range`, [first.seq]);
}

function fewConcessions(run: Run, ctx: SeatContext): Metric | null {
  if (!canPropose(run, ctx.seat)) return null;
  const own = run.log.proposals.filter((p) => p.by === ctx.seat.id);
  const first = own[0];
  const last = own.at(-1);
  const theyConceded = ctx.counterparts.some((c) => {
    const theirs = pairProposals(run, ctx.seat.id, c.id).filter((p) => p.by === c.id).map((p) => authorPoints(run, p));
    return theirs.some((v, i) => i > 0 && v < (theirs[i - 1] ?? v));
  });
  if (!first || !last || !theyConceded) return null;
  const { min, max } = pointsRange(ctx.seat);
  const moved = pointsFor(ctx.seat, first.package) - pointsFor(ctx.seat, last.package);
  if (moved >= 0.1 * (max - min)) return null;
  return metric(1, "Few concessions", `the other side conceded but you moved only ${moved} points from your first offer (less than a tenth of your range)`, [first.seq, last.seq]);
}

function hardballSignals(run: Run, ctx: SeatContext): Metric {
  const seat = ctx.seat.id;
  const finals = run.log.proposals.filter((p) => p.by === seat && p.final);
  // A final offer already counts as an ultimatum: its note is not counted again as a threat.
  const talk = [...movesBy(run.log, seat, "chat.send"), ...movesBy(run.log, seat, "offer.propose").filter((e) => e.payload["final"] !== true)];
  const threats = [...talk.filter((e) => THREAT_WORDS.test(str(e.payload, "text") ?? str(e.payload, "note") ?? "")), ...movesBy(run.log, seat, "walkaway")];
  const extra = [extremeFirstOffer(run, ctx.seat), fewConcessions(run, ctx)].filter((m): m is Metric => m !== null);
  const notes = [
    finals.length > 0 ? plural(finals.length, "ultimatum") : "",
    threats.length > 0 ? plural(threats.length, "walk-away threat or walk-out", "walk-away threats or walk-outs") : "",
    ...extra.map((m) => m.explanation),
  ].filter((n) => n !== "");
  const value = finals.length + threats.length + extra.length;
  const text = value === 0 ? "No hardball moves." : `Hardball signals: ${notes.join("; ")}.`;
  return metric(value, "Hardball signals", text, [...finals.map((p) => p.seq), ...threats.map((e) => e.seq), ...extra.flatMap((m) => m.events)]);
}

function collaborativeSignals(run: Run, seat: string): Metric {
  const kinds = ["question.ask", "fact.disclose", "value.argue", "risk.address"] as const;
  const moves = kinds.flatMap((k) => movesBy(run.log, seat, k));
  const counts = kinds.map((k) => moves.filter((e) => e.type === k).length);
  const text = `${plural(counts[0] ?? 0, "question")} asked, ${plural(counts[1] ?? 0, "fact")} disclosed, ${plural(counts[2] ?? 0, "value argument")}, ${plural(counts[3] ?? 0, "risk")} addressed.`;
  return metric(moves.length, "Collaborative moves", text, moves.map((e) => e.seq));
}

function styleLabel(hardball: number, collaborative: number): StyleLabel {
  if (hardball === 0) return collaborative === 0 ? "quiet" : "collaborative";
  return collaborative === 0 ? "hardball" : "mixed";
}

function fitParts(scenario: Scenario, hardball: Metric, collaborative: Metric): Component[] {
  if (scenario.kind === "commodity-bid") {
    const text =
      "This is a leverage purchase run as a competitive tender: assertive, directive bargaining is legitimate here, and collaborative moves do no harm.";
    return [component("commodity-style", 1, metric(100, "Style for a commodity bid", text, [...hardball.events, ...collaborative.events]))];
  }
  const cost = clamp100(100 - HARDBALL_COST * hardball.value);
  const build = Math.min(100, (100 * collaborative.value) / COLLABORATION_TARGET);
  return [
    component("hardball-cost", STYLE_WEIGHTS.hardballCost, metric(cost, "Hardball in a partnership", hardball.value === 0 ? "No hardball: right for a strategic partnership." : `${plural(hardball.value, "hardball signal")} cost ${HARDBALL_COST} points each: in a strategic partnership they spend the trust the relationship runs on.`, hardball.events)),
    component("trust-building", STYLE_WEIGHTS.trustBuilding, metric(build, "Trust-building moves", `${plural(collaborative.value, "collaborative move")} (questions, disclosures, value arguments, risks addressed); ${COLLABORATION_TARGET} earn full marks, because trust takes time to build.`, collaborative.events)),
  ];
}

/**
 * Style fit (the Kraljic split): hardball — ultimatums, an extreme first
 * offer, few concessions, walk-away threats — is legitimate in a commodity
 * bid and costly in a strategic partnership, where questions, disclosures and
 * value talk build the trust the relationship needs.
 */
export function scoreStyle(run: Run, ctx: SeatContext): StyleFit {
  const hardball = hardballSignals(run, ctx);
  const collaborative = collaborativeSignals(run, ctx.seat.id);
  const style = styleLabel(hardball.value, collaborative.value);
  const kind = run.scenario.kind === "commodity-bid" ? "a commodity bid" : "a strategic partnership";
  const fit = weightedScore("Style fit", (v) => `Style fit ${v}/100: you played ${style === "quiet" ? "quietly" : `a ${style} game`} in ${kind}.`, fitParts(run.scenario, hardball, collaborative));
  return { style, hardball, collaborative, fit };
}
