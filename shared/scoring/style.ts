import type { LogEntry } from "../negotiation/events.js";
import { biddableOptions, findSeat, pointsFor } from "../scenario/points.js";
import type { Scenario, Seat } from "../scenario/schema.js";
import { authorPoints, canPropose, pairProposals } from "./concessions.js";
import { ownFirst, pairFor, type Run, type SeatContext } from "./context.js";
import { movesBy, str } from "./log-reader.js";
import { clamp100, component, metric, plural, round, times, weightedScore } from "./metric.js";
import { questionsAsked, riskAnswers, valueArguments } from "./substance.js";
import { principledWalkaway } from "./trust.js";
import type { Component, Metric, StyleFit, StyleLabel } from "./types.js";

export const STYLE_WEIGHTS = { hardballCost: 0.6, trustBuilding: 0.4 } as const;
/** Points off the strategic "hardball cost" part per hardball signal. */
export const HARDBALL_COST = 25;
/** Distinct collaborative moves that earn full trust-building marks in a strategic partnership. */
export const COLLABORATION_TARGET = 4;
/** Commodity process discipline: points off per breach. */
export const DISCIPLINE_PENALTY = { unequalInformation: 25, roundCutShort: 25, inventedBid: 40, bypass: 50 } as const;
/** A first offer counts as ambitious when it asks for more than this share of the seat's range above the Nash point. */
export const AMBITION_MARGIN = 0.1;

/** Lowest and highest total a seat's scoring table allows for a package that can be bid or offered. */
export function pointsRange(scenario: Scenario, seat: Seat): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const issue of scenario.issues) {
    const values = biddableOptions(issue).map((o) => seat.brief.scoring[issue.id]?.[o.id] ?? 0);
    if (values.length === 0) continue;
    min += Math.min(...values);
    max += Math.max(...values);
  }
  return { min, max };
}

function extremeFirstOffer(run: Run, seat: Seat): Metric | null {
  const first = run.log.proposals.find((p) => p.by === seat.id);
  const to = first && run.scenario.seats.find((s) => s.id === first.to);
  if (!first || !to) return null;
  const { min, max } = pointsRange(run.scenario, to);
  const theirs = pointsFor(to, first.package);
  if (theirs > min + 0.25 * (max - min)) return null;
  return metric(1, "Extreme first offer", `your first ${first.kind} left the other side ${theirs} points, in the bottom quarter of their ${min}–${max} range`, [first.seq]);
}

/**
 * Where a seat ended up: the package it accepted or agreed, else its last
 * own proposal. Accepting the other side's offer is movement too.
 */
function endPoints(run: Run, seat: Seat): { points: number; seq: number } | null {
  const agreement = run.agreement;
  if (agreement && agreement.parties.includes(seat.id)) return { points: pointsFor(seat, agreement.package), seq: agreement.source };
  const last = run.log.proposals.filter((p) => p.by === seat.id).at(-1);
  return last ? { points: pointsFor(seat, last.package), seq: last.seq } : null;
}

/**
 * Few concessions, judged against how ambitious the first offer was: its
 * distance above the seat's points at the pair's Nash point. A moderate
 * opener (within a tenth of the range of the Nash point) needs no big
 * concessions; an ambitious one is flagged when, although the other side
 * conceded, the seat gave back less than a third of its ambition, counting
 * an acceptance as movement.
 */
function fewConcessions(run: Run, ctx: SeatContext): Metric | null {
  if (!canPropose(run, ctx.seat)) return null;
  const first = run.log.proposals.find((p) => p.by === ctx.seat.id);
  const end = endPoints(run, ctx.seat);
  const to = first && findSeat(run.scenario, first.to);
  if (!first || !end || !to) return null;
  const theyConceded = ctx.counterparts.some((c) => {
    const theirs = pairProposals(run, ctx.seat.id, c.id).filter((p) => p.by === c.id).map((p) => authorPoints(run, p));
    return theirs.some((v, i) => i > 0 && v < (theirs[i - 1] ?? v));
  });
  if (!theyConceded) return null;
  const pair = pairFor(run.scenario, ctx.seat, to);
  if (!pair.nash) return null;
  const [nashOwn] = ownFirst(ctx.seat, pair.nash);
  const { min, max } = pointsRange(run.scenario, ctx.seat);
  const firstOwn = pointsFor(ctx.seat, first.package);
  const ambition = firstOwn - nashOwn;
  if (ambition <= AMBITION_MARGIN * (max - min)) return null;
  const moved = firstOwn - end.points;
  if (moved >= ambition / 3) return null;
  return metric(1, "Few concessions", `you opened ${round(ambition, 1)} points above the fair (Nash) point for you, the other side conceded, and you gave back only ${round(moved, 1)} of them`, [first.seq, end.seq]);
}

function hardballSignals(run: Run, ctx: SeatContext): Metric {
  const seat = ctx.seat.id;
  const finals = run.log.proposals.filter((p) => p.by === seat && p.final);
  // A walk-out is pressure only when an offer better than the seat's BATNA was on the table.
  const walks = movesBy(run.log, seat, "walkaway").filter(() => !principledWalkaway(run, ctx.seat));
  const extra = [extremeFirstOffer(run, ctx.seat), fewConcessions(run, ctx)].filter((m): m is Metric => m !== null);
  const notes = [
    finals.length > 0 ? plural(finals.length, "ultimatum") : "",
    walks.length > 0 ? "a walk-out from an offer better than your BATNA" : "",
    ...extra.map((m) => m.explanation),
  ].filter((n) => n !== "");
  const value = finals.length + walks.length + extra.length;
  const text = value === 0 ? "No hardball moves: no ultimatum, no extreme first offer, no holding out while the other side conceded." : `Hardball signals: ${notes.join("; ")}.`;
  return metric(value, "Hardball signals", text, [...finals.map((p) => p.seq), ...walks.map((e) => e.seq), ...extra.flatMap((m) => m.events)]);
}

/** Distinct collaborative moves with substance: questions on new topics, facts shared, levers argued, risks answered concretely. */
function collaborativeSignals(run: Run, ctx: SeatContext): Metric {
  const seat = ctx.seat.id;
  const questions = questionsAsked(run, seat);
  const facts = movesBy(run.log, seat, "fact.disclose");
  const args = valueArguments(run, seat);
  const table = new Set([seat, ...ctx.counterparts.map((c) => c.id)]);
  const risks = riskAnswers(run, table).filter((a) => a.entry.by === seat && a.raise !== null && a.concrete);
  const counted = [...questions.counted.map((q) => q.entry), ...facts, ...args.levers.map((l) => l.entry), ...risks.map((r) => r.entry)];
  const text = `${plural(questions.counted.length, "question")} on distinct topics, ${plural(facts.length, "fact")} disclosed, ${plural(args.levers.length, "value lever")} argued with substance, ${plural(risks.length, "raised risk")} answered concretely.`;
  return metric(counted.length, "Collaborative moves", text, counted.map((e) => e.seq), [...questions.ignored, ...args.ignored]);
}

function styleLabel(hardball: number, collaborative: number): StyleLabel {
  if (hardball === 0) return collaborative === 0 ? "quiet" : "collaborative";
  return collaborative === 0 ? "hardball" : "mixed";
}

function strategicParts(hardball: Metric, collaborative: Metric): Component[] {
  const cost = clamp100(100 - HARDBALL_COST * hardball.value);
  const build = Math.min(100, (100 * collaborative.value) / COLLABORATION_TARGET);
  return [
    component("hardball-cost", STYLE_WEIGHTS.hardballCost, metric(cost, "Hardball in a partnership", hardball.value === 0 ? "No hardball: right for a strategic partnership." : `${plural(hardball.value, "hardball signal")} cost ${HARDBALL_COST} points each: in a strategic partnership they spend the trust the relationship runs on.`, hardball.events)),
    component("trust-building", STYLE_WEIGHTS.trustBuilding, metric(build, "Trust-building moves", `${plural(collaborative.value, "collaborative move")} with substance (questions on distinct topics, disclosures, levers argued, raised risks answered); ${COLLABORATION_TARGET} earn full marks, because trust takes time to build.`, collaborative.events, collaborative.ignored)),
  ];
}

/** Suppliers present and not yet withdrawn at a point of the log. */
function activeBidders(run: Run, before: number): string[] {
  const gone = new Set(movesOfType(run, "walkaway").filter((e) => e.seq < before).map((e) => e.by));
  return run.scenario.seats.filter((s) => s.side === "sales" && run.log.present.includes(s.id) && !gone.has(s.id)).map((s) => s.id);
}

function movesOfType(run: Run, type: "walkaway" | "bid.submit"): readonly LogEntry[] {
  return run.log.byType.get(type) ?? [];
}

/**
 * The buyer's tender discipline, as the log shows it: the same information
 * to every bidder, rounds run to their end while a bidder has not yet bid,
 * and no competing bid claimed that no bidder made (a price option named in
 * talk that no bid so far carried).
 */
function buyerDiscipline(run: Run, ctx: SeatContext): Component {
  const seat = ctx.seat.id;
  const talk = [...movesBy(run.log, seat, "chat.send"), ...movesBy(run.log, seat, "question.answer"), ...movesBy(run.log, seat, "fact.disclose"), ...movesBy(run.log, seat, "risk.raise"), ...movesBy(run.log, seat, "risk.address")].sort((a, b) => a.seq - b.seq);
  const notes: string[] = [];
  const events: number[] = [];
  let penalty = 0;
  // An answer's audience is the machine's, not the buyer's choice: only what the buyer addressed is judged.
  const unequal = talk.filter((e) => e.type !== "question.answer").filter((e) => {
    const bidders = activeBidders(run, e.seq);
    return bidders.length > 1 && !bidders.every((b) => e.audience === "all" || e.audience.includes(b));
  });
  if (unequal.length > 0) {
    penalty += unequal.length * DISCIPLINE_PENALTY.unequalInformation;
    notes.push(`${plural(unequal.length, "message")} reached only some of the bidders (−${DISCIPLINE_PENALTY.unequalInformation} each)`);
    events.push(...unequal.map((e) => e.seq));
  }
  // The buyer closes its own round with "ready" or with the phase control.
  const closes = [...movesBy(run.log, seat, "phase.ready"), ...movesBy(run.log, seat, "phase.advance")];
  const cut = closes.filter((e) => {
    const phase = run.scenario.phases.find((p) => p.id === e.phase);
    if (phase?.kind !== "sealed-bid") return false;
    const bid = new Set(movesOfType(run, "bid.submit").filter((b) => b.phase === e.phase && b.seq < e.seq).map((b) => b.by));
    return activeBidders(run, e.seq).some((b) => !bid.has(b));
  });
  if (cut.length > 0) {
    penalty += cut.length * DISCIPLINE_PENALTY.roundCutShort;
    notes.push(`${plural(cut.length, "round")} closed early while a bidder had not yet bid (−${DISCIPLINE_PENALTY.roundCutShort} each)`);
    events.push(...cut.map((e) => e.seq));
  }
  const invented = inventedBids(run, talk);
  if (invented.length > 0) {
    penalty += invented.length * DISCIPLINE_PENALTY.inventedBid;
    notes.push(`${plural(invented.length, "message")} named a price no bid had offered (−${DISCIPLINE_PENALTY.inventedBid} each): bidders who feel the process is rigged stop sharpening their pencils`);
    events.push(...invented.map((e) => e.seq));
  }
  const text = notes.length === 0 ? "A firm, fair tender: the same information to every bidder, rounds run to the rules, no invented competing bid. Assertive and directive is legitimate here." : `Points off because ${notes.join("; ")}.`;
  return component("tender-discipline", 1, metric(clamp100(100 - penalty), "Tender discipline", text, events));
}

/** The first figure of an option label, as talk would quote it: "€405", "6 %". */
function labelFigure(label: string): RegExp | null {
  const m = /([€$£])\s?(\d[\d,.]*)|(\d[\d,.]*)\s?%/.exec(label);
  if (!m) return null;
  if (m[2]) return new RegExp(`\\${m[1] === "$" ? "$" : m[1]}\\s?${m[2].replace(/[.,]/g, "[.,]?")}(?!\\d)`);
  return new RegExp(`(?<![\\d.,])${(m[3] ?? "").replace(/[.,]/g, "[.,]?")}\\s?%`);
}

/** Buyer messages naming a price option that no bid received before the message carried. */
function inventedBids(run: Run, talk: readonly LogEntry[]): LogEntry[] {
  const priceIssues = run.scenario.issues.filter((i) => i.price);
  return talk.filter((e) => {
    const text = str(e.payload, "text") ?? str(e.payload, "note") ?? "";
    const bids = run.log.proposals.filter((p) => p.kind === "bid" && p.seq < e.seq);
    return priceIssues.some((issue) =>
      issue.options.some((o) => {
        const re = labelFigure(o.label);
        return re !== null && re.test(text) && !bids.some((b) => b.package[issue.id] === o.id);
      }),
    );
  });
}

function supplierDiscipline(run: Run, ctx: SeatContext): Component {
  const contacts = movesBy(run.log, ctx.seat.id, "stakeholder.contact");
  const text =
    contacts.length === 0
      ? "You competed inside the process: questions through the RFQ, your value in the bid. Assertive bidding is legitimate in a tender."
      : `You went around the tender to ${run.scenario.stakeholder?.name ?? "a plant contact"} ${times(contacts.length)} (−${DISCIPLINE_PENALTY.bypass} each): in a tender the process is the relationship.`;
  return component("tender-discipline", 1, metric(clamp100(100 - DISCIPLINE_PENALTY.bypass * contacts.length), "Tender discipline", text, contacts.map((e) => e.seq)));
}

/**
 * Style fit (the Kraljic split). In a strategic partnership hardball —
 * ultimatums, an extreme first offer, holding out while the other side
 * concedes, walking out on a better offer — spends trust, and distinct
 * collaborative moves build it. In a commodity bid assertive bargaining is
 * legitimate, and fit measures the process discipline the log can show.
 */
export function scoreStyle(run: Run, ctx: SeatContext): StyleFit {
  const hardball = hardballSignals(run, ctx);
  const collaborative = collaborativeSignals(run, ctx);
  const style = styleLabel(hardball.value, collaborative.value);
  const commodity = run.scenario.kind === "commodity-bid";
  const kind = commodity ? "a commodity bid" : "a strategic partnership";
  const parts = commodity ? [ctx.seat.side === "procurement" ? buyerDiscipline(run, ctx) : supplierDiscipline(run, ctx)] : strategicParts(hardball, collaborative);
  const fit = weightedScore("Style fit", (v) => `Style fit ${v}/100: you played ${style === "quiet" ? "quietly" : `a ${style} game`} in ${kind}.`, parts);
  return { style, hardball, collaborative, fit };
}
