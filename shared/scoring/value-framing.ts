import type { LogEntry } from "../negotiation/events.js";
import { termsMet, type Run, type SeatContext } from "./context.js";
import { ofType, reaches, str } from "./log-reader.js";
import { component, metric, pct, plural, weightedScore } from "./metric.js";
import { MIN_QUESTION_WORDS, pricePitches, questionsAsked, raiseHasSubstance, sideCan, topicName, valueArguments, type ArguedLever } from "./substance.js";
import type { Component, Ignored, Score } from "./types.js";

/** Shares of the value-framing score for each side. */
export const SALES_VALUE_WEIGHTS = { tcoShare: 0.4, quantified: 0.3, objectiveFit: 0.3 } as const;
export const PROCUREMENT_VALUE_WEIGHTS = { questions: 0.35, topics: 0.3, nonPriceDeal: 0.35 } as const;
/** Distinct question topics that earn full discovery marks; value and risk topics explored that earn full marks. */
export const QUESTION_TARGET = 3;
export const TOPIC_TARGET = 2;

function salesParts(run: Run, ctx: SeatContext): Component[] {
  const args = valueArguments(run, ctx.seat.id);
  const price = [...pricePitches(run, ctx.seat.id), ...args.pricePitches].sort((a, b) => a.seq - b.seq);
  const levers = args.levers;
  const argued = levers.length + price.length;
  const tco = metric(
    pct(levers.length, argued),
    "Value (TCO) rather than price",
    argued === 0
      ? "You made no value argument and no price pitch."
      : `${plural(levers.length, "value lever")} argued with substance against ${plural(price.length, "price pitch", "price pitches")} (${pct(levers.length, argued)} % value). A lever counts once; a price pitch is talk in the scenario's own price words (${priceWordsHint(run)}).`,
    [...levers.map((l) => l.entry.seq), ...price.map((e) => e.seq)],
    args.ignored,
  );
  const honest = levers.filter((l) => l.quantified);
  const unquantified: Ignored[] = levers.filter((l) => !l.quantified).map((l) => ({ seq: l.entry.seq, why: `not quantified: ${l.why ?? "no figure"}` }));
  const quantified = metric(
    pct(honest.length, levers.length),
    "Quantified claims",
    levers.length === 0
      ? "No value claims to quantify."
      : `${honest.length} of the ${plural(levers.length, "lever")} you argued carried a figure within the range your brief supports, stated in the claim itself.`,
    honest.map((l) => l.entry.seq),
    unquantified,
  );
  return [component("tco-share", SALES_VALUE_WEIGHTS.tcoShare, tco), component("quantified", SALES_VALUE_WEIGHTS.quantified, quantified), objectiveFit(run, ctx, levers)];
}

function priceWordsHint(run: Run): string {
  const issues = run.scenario.issues.filter((i) => i.price);
  return issues.length === 0 ? "this scenario marks no issue as the price" : `the terms of ${issues.map((i) => `"${i.name}"`).join(", ")}`;
}

function objectiveFit(run: Run, ctx: SeatContext, levers: ArguedLever[]): Component {
  const theirs = new Set(ctx.counterparts.flatMap((c) => run.log.objectives.get(c.id)?.ids ?? []));
  const label = "Levers that serve the buyer's objectives";
  if (theirs.size === 0) return component("objective-fit", 0, metric(50, label, "The buyer chose no objectives, so this is not scored."));
  const serving = levers.filter((l) => l.lever.servesObjectives.some((o) => theirs.has(o)));
  const text =
    levers.length === 0
      ? "You argued no value lever, so none served the buyer's objectives."
      : `${serving.length} of the ${plural(levers.length, "lever")} you argued ${serving.length === 1 ? "serves" : "serve"} an objective the buyer chose.`;
  return component("objective-fit", SALES_VALUE_WEIGHTS.objectiveFit, metric(pct(serving.length, levers.length), label, text, serving.map((l) => l.entry.seq)));
}

/** Value arguments made to this seat, and its topical questions on them afterwards (about the lever, or about a term that carries it). */
function followUps(run: Run, seat: string, asked: ReturnType<typeof questionsAsked>["counted"]): { followed: LogEntry[]; events: number[] } {
  const followed: LogEntry[] = [];
  const events: number[] = [];
  const seen = new Set<string>();
  for (const arg of ofType(run.log, "value.argue")) {
    if (!reaches(arg, seat)) continue;
    const lever = run.scenario.valueLevers.find((l) => l.id === str(arg.payload, "lever"));
    if (!lever || seen.has(lever.id)) continue;
    const q = asked.find((c) => c.entry.seq > arg.seq && ((c.topic.kind === "lever" && c.topic.id === lever.id) || (c.topic.kind === "issue" && lever.realisedBy.some((t) => t.issue === c.topic.id))));
    if (!q) continue;
    seen.add(lever.id);
    followed.push(arg);
    events.push(arg.seq, q.entry.seq);
  }
  return { followed, events };
}

function procurementParts(run: Run, ctx: SeatContext): Component[] {
  const seat = ctx.seat.id;
  const canAsk = sideCan(run.scenario, ctx.seat.side, "question.ask");
  const asked = questionsAsked(run, seat);
  const topicsAsked = asked.counted.map((c) => `"${topicName(run.scenario, c.topic)}"`).join(", ");
  const questions = canAsk
    ? component(
        "questions",
        PROCUREMENT_VALUE_WEIGHTS.questions,
        metric(
          pct(Math.min(QUESTION_TARGET, asked.counted.length), QUESTION_TARGET),
          "Questions asked",
          `You asked about ${plural(asked.counted.length, "distinct topic")}${topicsAsked ? ` (${topicsAsked})` : ""}; ${QUESTION_TARGET} earn full marks. A question counts once per topic: discovery before proposals.`,
          asked.counted.map((c) => c.entry.seq),
          asked.ignored,
        ),
      )
    : component("questions", 0, metric(50, "Questions asked", "Your role asks no questions in this scenario (the suppliers ask, you answer), so this is not scored."));
  const raisedAll = ofType(run.log, "risk.raise").filter((e) => e.by === seat);
  const raised = raisedAll.filter((e) => raiseHasSubstance(run.scenario, e));
  const empty: Ignored[] = raisedAll.filter((e) => !raised.includes(e)).map((e) => ({ seq: e.seq, why: `no substance: a risk raised with a note of fewer than ${MIN_QUESTION_WORDS} words says nothing about it` }));
  const riskIds = [...new Set(raised.map((e) => str(e.payload, "risk")))].filter((id) => run.scenario.risks.some((r) => r.id === id));
  const firstRaises = riskIds.flatMap((id) => raised.filter((e) => str(e.payload, "risk") === id).slice(0, 1));
  const repeats: Ignored[] = raised.filter((e) => !firstRaises.includes(e)).map((e) => ({ seq: e.seq, why: "a repeat: that risk was already raised" }));
  const follow = canAsk ? followUps(run, seat, asked.counted) : { followed: [], events: [] };
  const count = riskIds.length + follow.followed.length;
  const followText = canAsk ? ` and followed up ${plural(follow.followed.length, "value argument")} with a question on that lever or the term that carries it` : "";
  const topics = metric(
    pct(Math.min(TOPIC_TARGET, count), TOPIC_TARGET),
    "Value and risk explored",
    `You raised ${plural(riskIds.length, "distinct risk")}${followText} (${TOPIC_TARGET} such topics earn full marks).`,
    [...firstRaises.map((e) => e.seq), ...follow.events],
    [...repeats, ...empty],
  );
  return [questions, component("topics", PROCUREMENT_VALUE_WEIGHTS.topics, topics), nonPriceDeal(run, ctx)];
}

function nonPriceDeal(run: Run, ctx: SeatContext): Component {
  const label = "Value beyond price in the deal";
  const agreement = run.agreement;
  if (!ctx.deal || !agreement) return component("non-price-deal", 0, metric(0, label, "No deal, so no value beyond price was secured."));
  const ids = new Set([ctx.seat.id, ...agreement.parties]);
  const relevant = run.scenario.valueLevers.filter((l) => l.realisedBy.length > 0 && l.knownTo.some((s) => ids.has(s)));
  if (relevant.length === 0) return component("non-price-deal", 0, metric(0, label, "No value lever in this pair can be written into the contract, so this is not scored."));
  const carried = relevant.filter((l) => termsMet(l.realisedBy, agreement.package));
  const names = carried.map((l) => l.title).join(", ");
  const text = `The deal carries ${carried.length} of the ${plural(relevant.length, "value lever")} that contract terms can secure${names ? ` (${names})` : ""}.`;
  return component("non-price-deal", PROCUREMENT_VALUE_WEIGHTS.nonPriceDeal, metric(pct(carried.length, relevant.length), label, text, [agreement.source]));
}

/**
 * Value framing, 0–100. Sales: value levers argued with substance rather than
 * price pitches, quantified within the honest range, on levers that serve
 * the buyer's chosen objectives. Procurement: discovery questions (one per
 * topic, where its role may ask), risks raised and value arguments followed
 * up, and non-price value carried by the deal. What counts as substance is
 * decided in substance.ts.
 */
export function scoreValueFraming(run: Run, ctx: SeatContext): Score {
  const sales = ctx.seat.side === "sales";
  const parts = sales ? salesParts(run, ctx) : procurementParts(run, ctx);
  const what = sales ? "how you framed value as total cost of ownership" : "how far you looked for value beyond price";
  return weightedScore("Value framing", (v) => `Value framing ${v}/100: ${what}.`, parts);
}
