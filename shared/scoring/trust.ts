import { pointsFor } from "../scenario/points.js";
import type { Seat } from "../scenario/schema.js";
import { reciprocity } from "./concessions.js";
import { nameOf, type Run, type SeatContext } from "./context.js";
import type { LogEntry } from "../negotiation/events.js";
import { movesBy, str } from "./log-reader.js";
import { clamp100, component, metric, pct, plural, times, weightedScore } from "./metric.js";
import { counterpartRatingFor, ratingItemId } from "./reflection-survey.js";
import { MIN_WORDS, questionsPutTo, sideCan } from "./substance.js";
import { consistency } from "./consistency.js";
import type { Component, Ignored, Score } from "./types.js";

/** Shares of the trust score; a part with nothing to judge drops out and the rest are rescaled. */
export const TRUST_WEIGHTS = { transparency: 0.25, consistency: 0.25, reciprocity: 0.2, process: 0.15, rating: 0.15 } as const;

/** How much a disclosure shows openness, by the leverage it gives away. */
export const DISCLOSURE_WEIGHT = { none: 0.5, low: 1, medium: 2, high: 3 } as const;
/** Disclosure weight that earns full marks (e.g. one high-leverage fact, or three low ones). */
export const DISCLOSURE_TARGET = 3;

export const PROCESS_PENALTY = { earlyUltimatum: 20, repeatedUltimatum: 15, walkaway: 20 } as const;

interface Part {
  score: number;
  text: string;
  events: number[];
  ignored?: Ignored[];
}

function disclosure(run: Run, seat: Seat): Part | null {
  const facts = seat.brief.privateFacts;
  const available = facts.reduce((s, f) => s + DISCLOSURE_WEIGHT[f.leverageCost], 0);
  if (available === 0 || !sideCan(run.scenario, seat.side, "fact.disclose")) return null;
  const moves = movesBy(run.log, seat.id, "fact.disclose");
  const disclosed = new Set(moves.map((e) => str(e.payload, "fact")));
  const weight = facts.filter((f) => disclosed.has(f.id)).reduce((s, f) => s + DISCLOSURE_WEIGHT[f.leverageCost], 0);
  const target = Math.min(DISCLOSURE_TARGET, available);
  const score = Math.min(100, pct(weight, target));
  const count = facts.filter((f) => disclosed.has(f.id)).length;
  const text = `you shared ${count} of your ${plural(facts.length, "private fact")} (openness weight ${weight} of the ${target} that earns full marks)`;
  return { score, text, events: moves.map((e) => e.seq) };
}

function answering(run: Run, seat: Seat): Part | null {
  if (!sideCan(run.scenario, seat.side, "question.answer")) return null;
  const put = questionsPutTo(run, seat.id);
  if (put.topics.length === 0) return null;
  const answered = put.topics.filter((t) => t.answer !== null);
  const text = `you answered ${answered.length} of the ${plural(put.topics.length, "topic")} you were asked about with substance (at least ${MIN_WORDS} different words, not a copy of an earlier answer; a topic counts once per asker)`;
  return {
    score: pct(answered.length, put.topics.length),
    text,
    events: [...put.topics.flatMap((t) => t.questions.slice(0, 1).map((q) => q.seq)), ...answered.flatMap((t) => (t.answer ? [t.answer.seq] : []))],
    ignored: put.ignored,
  };
}

function transparency(run: Run, seat: Seat): Component {
  const parts = [disclosure(run, seat), answering(run, seat)].filter((p) => p !== null);
  const label = "Transparency";
  if (parts.length === 0) return component("transparency", 0, metric(50, label, "You had no private facts you could share and no topical questions were put to you, so transparency is not scored."));
  const value = parts.reduce((s, p) => s + p.score, 0) / parts.length;
  const text = `${parts.map((p) => p.text).join("; and ")}.`;
  return component("transparency", TRUST_WEIGHTS.transparency, metric(value, label, text.charAt(0).toUpperCase() + text.slice(1), parts.flatMap((p) => p.events), parts.flatMap((p) => p.ignored ?? [])));
}

function ultimatumPenalty(run: Run, seat: Seat): { penalty: number; notes: string[]; events: number[] } {
  const finals = run.log.proposals.filter((p) => p.by === seat.id && p.final);
  const first = finals[0];
  if (!first) return { penalty: 0, notes: [], events: [] };
  const exchangedBefore =
    run.log.proposals.some((p) => p.by === first.to && p.to === seat.id && p.seq < first.seq) &&
    run.log.proposals.some((p) => p.by === seat.id && p.to === first.to && p.seq < first.seq);
  const notes: string[] = [];
  let penalty = 0;
  if (!exchangedBefore) {
    penalty += PROCESS_PENALTY.earlyUltimatum;
    notes.push(`a final offer before any real exchange of offers (−${PROCESS_PENALTY.earlyUltimatum})`);
  }
  const repeated = finals.length - 1;
  if (repeated > 0) {
    penalty += repeated * PROCESS_PENALTY.repeatedUltimatum;
    notes.push(`${plural(repeated, "further final offer")} after the first (−${PROCESS_PENALTY.repeatedUltimatum} each)`);
  }
  return { penalty, notes, events: finals.map((p) => p.seq) };
}

/** The best offer on the table when a seat walked away: of each counterpart's latest proposal to it before the walk-out, the one worth most to it. */
export function offerOnTable(run: Run, seat: Seat, walkSeq: number) {
  const latest = new Map<string, (typeof run.log.proposals)[number]>();
  for (const p of run.log.proposals) if (p.to === seat.id && p.seq < walkSeq) latest.set(p.by, p);
  return [...latest.values()].sort((a, b) => pointsFor(seat, b.package) - pointsFor(seat, a.package))[0];
}

/** True when the seat walked away with nothing on the table worth more than its BATNA: the right call, not a failure. */
export function principledWalkaway(run: Run, seat: Seat): LogEntry | null {
  const walk = movesBy(run.log, seat.id, "walkaway")[0];
  if (!walk) return null;
  const onTable = offerOnTable(run, seat, walk.seq);
  return onTable !== undefined && pointsFor(seat, onTable.package) > seat.brief.batna.points ? null : walk;
}

function walkawayPenalty(run: Run, seat: Seat): { penalty: number; notes: string[]; events: number[] } {
  const walk = movesBy(run.log, seat.id, "walkaway")[0];
  if (!walk || principledWalkaway(run, seat)) return { penalty: 0, notes: [], events: [] };
  const onTable = offerOnTable(run, seat, walk.seq);
  return { penalty: PROCESS_PENALTY.walkaway, notes: [`walking away from an offer worth more than your BATNA (−${PROCESS_PENALTY.walkaway})`], events: [walk.seq, ...(onTable ? [onTable.seq] : [])] };
}

function processRespect(run: Run, seat: Seat): Component {
  const parts = [ultimatumPenalty(run, seat), walkawayPenalty(run, seat)];
  const penalty = parts.reduce((s, p) => s + p.penalty, 0);
  const notes = parts.flatMap((p) => p.notes);
  const principled = principledWalkaway(run, seat);
  const walkNote = principled ? " You walked away with nothing on the table above your BATNA: that respects the process and costs nothing here." : "";
  const text = notes.length === 0 ? `No early or repeated ultimatums and no walk-out from a better offer.${walkNote}` : `Points off for ${notes.join(" and ")}.${walkNote}`;
  return component("process", TRUST_WEIGHTS.process, metric(clamp100(100 - penalty), "Respect for the process", text, [...parts.flatMap((p) => p.events), ...(principled ? [principled.seq] : [])]));
}

function rating(run: Run, ctx: SeatContext): Component {
  const given = ctx.counterparts.flatMap((c) => {
    const r = run.log.reflections.get(c.id);
    // A rater facing several seats (a tender's buyer) rates each one by name; its answers about "the other side" rate no one.
    const several = run.scenario.seats.filter((s) => s.side !== c.side && run.log.present.includes(s.id)).length > 1;
    const answers = r?.answers && several ? { [ratingItemId(ctx.seat.id)]: r.answers[ratingItemId(ctx.seat.id)] } : r?.answers;
    const value = answers ? counterpartRatingFor(answers, ctx.seat.id) : null;
    return r && value !== null ? [{ seq: r.seq, value, by: c }] : [];
  });
  const label = "The other side's rating of you";
  if (given.length === 0) return component("rating", 0, metric(50, label, "The other side gave no (valid) rating of you in the reflection survey, so their rating is not scored."));
  const value = given.reduce((s, g) => s + g.value, 0) / given.length;
  const who = given.map((g) => nameOf(g.by)).join(" and ");
  const text = `In the reflection survey ${who} rated how you listened, how open and reliable you were and whether they would work with you again at ${Math.round(value)}/100.`;
  return component("rating", TRUST_WEIGHTS.rating, metric(value, label, text, given.map((g) => g.seq)));
}

function bypass(run: Run, seat: Seat): Component | null {
  const stakeholder = run.scenario.stakeholder;
  if (!stakeholder || seat.side !== "sales") return null;
  const contacts = movesBy(run.log, seat.id, "stakeholder.contact");
  const cost = contacts.length * stakeholder.trustPenalty;
  const text =
    contacts.length === 0
      ? `You did not go around procurement to ${stakeholder.name}.`
      : `You contacted ${stakeholder.name} (${stakeholder.title}) behind procurement's back ${times(contacts.length)}: −${stakeholder.trustPenalty} trust points each.`;
  return { id: "bypass", ...metric(-cost, "Stakeholder bypass", text, contacts.map((e) => e.seq)) };
}

/** Reciprocity of concessions as a trust part (weight 0 when there was nothing to reciprocate). */
export function reciprocityPart(run: Run, ctx: SeatContext): Component {
  const r = reciprocity(run, ctx);
  return component("reciprocity", r.applicable ? TRUST_WEIGHTS.reciprocity : 0, r.metric);
}

/**
 * Trust, 0–100: the weighted mean of transparency, consistency, reciprocity of
 * concessions, respect for the process and the counterpart's reflection
 * rating, minus the scenario's trust penalty for each stakeholder bypass.
 */
export function scoreTrust(run: Run, ctx: SeatContext, reciprocityPart: Component): Score {
  const seat = ctx.seat;
  const parts: Component[] = [
    transparency(run, seat),
    component("consistency", TRUST_WEIGHTS.consistency, consistency(run, seat)),
    reciprocityPart,
    processRespect(run, seat),
    rating(run, ctx),
  ];
  const bypassed = bypass(run, seat);
  if (bypassed) parts.push(bypassed);
  const deduction = bypassed ? -bypassed.value : 0;
  const judged = parts.filter((p) => (p.weight ?? 0) > 0).sort((a, b) => b.value - a.value);
  const best = judged[0];
  const worst = judged.at(-1);
  const range = best && worst && best !== worst ? ` Strongest: ${best.label.toLowerCase()} (${Math.round(best.value)}); weakest: ${worst.label.toLowerCase()} (${Math.round(worst.value)}).` : "";
  const bypassText = deduction > 0 ? ` The bypass cost ${deduction} points on top.` : "";
  return weightedScore("Trust", (v) => `Trust ${v}/100: how trustworthy you behaved (open, consistent, reciprocal, within the process) and how the other side rated you.${range}${bypassText}`, parts);
}
