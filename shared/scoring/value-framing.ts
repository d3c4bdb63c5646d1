import type { LogEntry } from "../negotiation/events.js";
import type { ValueLever } from "../scenario/schema.js";
import { termsMet, type Run, type SeatContext } from "./context.js";
import { movesBy, num, ofType, reaches, str } from "./log-reader.js";
import { component, metric, pct, plural, weightedScore } from "./metric.js";
import type { Component, Score } from "./types.js";

/** Shares of the value-framing score for each side. */
export const SALES_VALUE_WEIGHTS = { tcoShare: 0.4, quantified: 0.3, objectiveFit: 0.3 } as const;
export const PROCUREMENT_VALUE_WEIGHTS = { questions: 0.35, topics: 0.3, nonPriceDeal: 0.35 } as const;

/** Words that mark a message as price talk (a plain keyword check, documented in docs/scoring.md). */
export const PRICE_WORDS = /\b(price|prices|pricing|discount|discounts|cheaper|cheapest|rate|rates|per unit|per case|per shipment|money off)\b/i;

const TALK_TYPES = new Set(["question.ask", "question.answer", "chat.send", "risk.raise", "risk.address", "fact.disclose"]);

function priceTalk(run: Run, seat: string): LogEntry[] {
  const texts = [...movesBy(run.log, seat, "chat.send"), ...movesBy(run.log, seat, "offer.propose"), ...movesBy(run.log, seat, "bid.submit")];
  return texts.filter((e) => PRICE_WORDS.test(str(e.payload, "text") ?? str(e.payload, "note") ?? "")).sort((a, b) => a.seq - b.seq);
}

function leverOf(run: Run, e: LogEntry): ValueLever | undefined {
  return run.scenario.valueLevers.find((l) => l.id === str(e.payload, "lever"));
}

function isHonestFigure(lever: ValueLever | undefined, figure: number | undefined): boolean {
  if (figure === undefined || !lever) return false;
  return !lever.figure || (figure >= lever.figure.low && figure <= lever.figure.high);
}

function salesParts(run: Run, ctx: SeatContext): Component[] {
  const args = movesBy(run.log, ctx.seat.id, "value.argue");
  const price = priceTalk(run, ctx.seat.id);
  const argued = args.length + price.length;
  const tco = metric(
    pct(args.length, argued),
    "Value (TCO) rather than price",
    argued === 0 ? "You made no value argument and no price pitch." : `${plural(args.length, "value argument")} on cost-of-ownership levers against ${plural(price.length, "price-only message")} (${pct(args.length, argued)} % value).`,
    [...args, ...price].map((e) => e.seq),
  );
  const honest = args.filter((e) => isHonestFigure(leverOf(run, e), num(e.payload, "figure")));
  const quantified = metric(
    pct(honest.length, args.length),
    "Quantified claims",
    args.length === 0 ? "No value claims to quantify." : `${honest.length} of your ${plural(args.length, "value claim")} carried a figure within the range your brief supports.`,
    honest.map((e) => e.seq),
  );
  return [component("tco-share", SALES_VALUE_WEIGHTS.tcoShare, tco), component("quantified", SALES_VALUE_WEIGHTS.quantified, quantified), objectiveFit(run, ctx, args)];
}

function objectiveFit(run: Run, ctx: SeatContext, args: LogEntry[]): Component {
  const theirs = new Set(ctx.counterparts.flatMap((c) => run.log.objectives.get(c.id)?.ids ?? []));
  const label = "Levers that serve the buyer's objectives";
  if (theirs.size === 0) return component("objective-fit", 0, metric(50, label, "The buyer chose no objectives, so this is not scored."));
  const levers = [...new Set(args.map((e) => str(e.payload, "lever")))];
  const serving = levers.filter((id) => run.scenario.valueLevers.find((l) => l.id === id)?.servesObjectives.some((o) => theirs.has(o)));
  const events = args.filter((e) => serving.includes(str(e.payload, "lever"))).map((e) => e.seq);
  const text =
    levers.length === 0
      ? "You argued no value lever, so none served the buyer's objectives."
      : `${serving.length} of the ${plural(levers.length, "lever")} you argued ${serving.length === 1 ? "serves" : "serve"} an objective the buyer chose.`;
  return component("objective-fit", SALES_VALUE_WEIGHTS.objectiveFit, metric(pct(serving.length, levers.length), label, text, events));
}

function valueResponses(run: Run, seat: string): LogEntry[] {
  const own = run.log.entries.filter((e) => e.by === seat);
  return ofType(run.log, "value.argue").filter((arg) => {
    if (!reaches(arg, seat)) return false;
    const next = own.find((e) => e.seq > arg.seq && e.type !== "phase.ready");
    return next !== undefined && TALK_TYPES.has(next.type);
  });
}

function procurementParts(run: Run, ctx: SeatContext): Component[] {
  const seat = ctx.seat.id;
  const asked = movesBy(run.log, seat, "question.ask");
  const questions = metric(
    pct(Math.min(3, asked.length), 3),
    "Questions asked",
    `You asked ${plural(asked.length, "question")} (three or more earn full marks): discovery before proposals.`,
    asked.map((e) => e.seq),
  );
  const risks = [...movesBy(run.log, seat, "risk.raise"), ...movesBy(run.log, seat, "risk.address")];
  const riskIds = new Set(risks.map((e) => str(e.payload, "risk")));
  const responses = valueResponses(run, seat);
  const count = riskIds.size + responses.length;
  const topics = metric(
    pct(Math.min(2, count), 2),
    "Value and risk explored",
    `You raised or addressed ${plural(riskIds.size, "risk")} and followed up ${plural(responses.length, "value argument")} with questions or talk (two such topics earn full marks).`,
    [...risks, ...responses].map((e) => e.seq),
  );
  return [component("questions", PROCUREMENT_VALUE_WEIGHTS.questions, questions), component("topics", PROCUREMENT_VALUE_WEIGHTS.topics, topics), nonPriceDeal(run, ctx)];
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
 * Value framing, 0–100. Sales: value arguments on total-cost-of-ownership
 * levers rather than price, quantified within the honest range, on levers
 * that serve the buyer's chosen objectives. Procurement: discovery questions,
 * value and risk topics explored, and non-price value carried by the deal.
 */
export function scoreValueFraming(run: Run, ctx: SeatContext): Score {
  const sales = ctx.seat.side === "sales";
  const parts = sales ? salesParts(run, ctx) : procurementParts(run, ctx);
  const what = sales ? "how you framed value as total cost of ownership" : "how far you looked for value beyond price";
  return weightedScore("Value framing", (v) => `Value framing ${v}/100: ${what}.`, parts);
}
