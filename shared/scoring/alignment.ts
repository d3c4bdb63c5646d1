import type { Scenario } from "../scenario/schema.js";
import { objectiveServed } from "../scenario/money-basics.js";
import type { Run, SeatContext } from "./context.js";
import { metric, plural } from "./metric.js";
import type { GoalAlignment, Metric, ObjectivePair } from "./types.js";

/** The relation of two objectives from `scenario.alignments` (pairs not listed are neutral). */
export function relationOf(scenario: Scenario, a: string, b: string): ObjectivePair["relation"] {
  const found = scenario.alignments.find((x) => (x.objectives[0] === a && x.objectives[1] === b) || (x.objectives[0] === b && x.objectives[1] === a));
  return found?.relation ?? "neutral";
}

function label(scenario: Scenario, id: string): string {
  return scenario.objectives.find((o) => o.id === id)?.label ?? id;
}

/**
 * Objectives among `ids` that the agreement serves: its terms (`servedBy`) and its money target (`threshold`, on
 * the money table of the deal's seat of the objective's side). An objective with neither is never "served".
 */
export function servedBy(scenario: Scenario, ids: readonly string[], pkg: Record<string, string>, parties: readonly string[]): string[] {
  return ids.filter((id) => {
    const o = scenario.objectives.find((x) => x.id === id);
    const seat = o && scenario.seats.find((s) => s.side === o.side && parties.includes(s.id));
    return o !== undefined && seat !== undefined && objectiveServed(scenario, o, seat, pkg);
  });
}

function servedMetric(run: Run, ids: string[], whose: string, events: number[]): Metric | undefined {
  const agreement = run.agreement;
  if (!agreement || ids.length === 0) return undefined;
  const served = servedBy(run.scenario, ids, agreement.package, agreement.parties);
  const names = served.map((id) => `"${label(run.scenario, id)}"`).join(", ");
  const text = `The deal serves ${served.length} of ${whose} ${plural(ids.length, "objective")}${names ? `: ${names}` : ""}.`;
  return metric(served.length, `Objectives served (${whose})`, text, [...events, agreement.source]);
}

function guessMetric(run: Run, ctx: SeatContext, theirs: Set<string>): Metric | undefined {
  const guess = run.log.guesses.get(ctx.seat.id);
  if (!guess || theirs.size === 0) return undefined;
  const right = guess.ids.filter((id) => theirs.has(id));
  const text = `You guessed ${right.length} of the other side's ${plural(guess.ids.length, "objective")} right${right.length ? `: ${right.map((id) => `"${label(run.scenario, id)}"`).join(", ")}` : ""}.`;
  return metric(right.length, "Objectives guessed right", text, [guess.seq]);
}

type ThreeObjectives = Pick<GoalAlignment, "pairs" | "aligned" | "misaligned" | "slimChance">;

/** One side's objectives classified against the other's: aligned with at least one, or in conflict with one and aligned with none. */
function classify(scenario: Scenario, mine: readonly string[], theirs: readonly string[]): { aligned: string[]; misaligned: string[] } {
  const aligned = mine.filter((o) => theirs.some((t) => relationOf(scenario, o, t) === "aligned"));
  const misaligned = mine.filter((o) => !aligned.includes(o) && theirs.some((t) => relationOf(scenario, o, t) === "conflict"));
  return { aligned, misaligned };
}

/**
 * The three-objectives test for a pair, computed once: every pairing of a
 * procurement objective with a sales objective is aligned, in conflict or
 * neutral. Both seats read the same counts (aligned pairings, conflicting
 * pairings); each reads which of its own objectives line up or clash. The
 * chance of a deal is very slim when at least two thirds of all the chosen
 * objectives (both sides together) clash with the other side's and align
 * with none — the seed's "two of three misaligned", on both sides.
 */
export function pairAlignment(scenario: Scenario, procurement: readonly string[], sales: readonly string[]) {
  const pairs = procurement.flatMap((p) => sales.map((s) => ({ procurement: p, sales: s, relation: relationOf(scenario, p, s) })));
  const bySide = { procurement: classify(scenario, procurement, sales), sales: classify(scenario, sales, procurement) };
  const checked = procurement.length > 0 && sales.length > 0;
  const chosen = procurement.length + sales.length;
  const misaligned = bySide.procurement.misaligned.length + bySide.sales.misaligned.length;
  return {
    pairs,
    alignedPairs: pairs.filter((p) => p.relation === "aligned").length,
    conflictPairs: pairs.filter((p) => p.relation === "conflict").length,
    bySide,
    checked,
    slimChance: checked && misaligned >= Math.ceil((2 * chosen) / 3),
  };
}

function threeObjectivesTest(scenario: Scenario, side: "procurement" | "sales", own: string[], theirs: string[], events: number[]): ThreeObjectives {
  const [p, s] = side === "procurement" ? [own, theirs] : [theirs, own];
  const test = pairAlignment(scenario, p, s);
  const pairs: ObjectivePair[] = test.pairs.map((x) => (side === "procurement" ? { own: x.procurement, other: x.sales, relation: x.relation } : { own: x.sales, other: x.procurement, relation: x.relation }));
  const mine = test.bySide[side];
  const names = (ids: string[]) => (ids.length ? ` (${ids.map((id) => `"${label(scenario, id)}"`).join(", ")})` : "");
  const unchecked = "Objectives were not set on both sides, so alignment cannot be checked.";
  const total = test.pairs.length;
  const alignedText = test.checked
    ? `Of the ${total} pairings of your ${plural(own.length, "objective")} with the other side's ${theirs.length}, ${test.alignedPairs} line up. Of your own, ${mine.aligned.length} line up with one of theirs${names(mine.aligned)}.`
    : unchecked;
  const slimText = test.slimChance ? " Two of three objectives misaligned, on both sides: the chance of a deal was very slim from the start." : "";
  const misalignedText = test.checked
    ? `${test.conflictPairs} of the ${total} pairings clash. Of your own, ${mine.misaligned.length} clash with theirs and line up with none${names(mine.misaligned)}.${slimText}`
    : unchecked;
  return {
    pairs,
    aligned: metric(test.alignedPairs, "Aligned pairings", alignedText, events),
    misaligned: metric(test.conflictPairs, "Clashing pairings", misalignedText, events),
    slimChance: test.slimChance,
  };
}

/**
 * Goal alignment (the three-objectives test, see `pairAlignment`): the same
 * pairing counts for both seats, each labelled from its own perspective.
 * With a deal, also which objectives its terms served; with a guess, how
 * many were guessed.
 */
export function scoreAlignment(run: Run, ctx: SeatContext): GoalAlignment {
  const ownChoice = run.log.objectives.get(ctx.seat.id);
  const own = ownChoice?.ids ?? [];
  const theirChoices = ctx.counterparts.flatMap((c) => run.log.objectives.get(c.id) ?? []);
  const counterpart = [...new Set(theirChoices.flatMap((c) => c.ids))];
  const events = [ownChoice?.seq, ...theirChoices.map((c) => c.seq)].filter((s): s is number => s !== undefined);
  const agreement = ctx.deal ? run.agreement : null;
  const result: GoalAlignment = {
    own,
    counterpart,
    ...threeObjectivesTest(run.scenario, ctx.seat.side, own, counterpart, events),
    servedIds: agreement ? servedBy(run.scenario, [...own, ...counterpart], agreement.package, agreement.parties) : [],
  };
  const servedOwn = agreement ? servedMetric(run, own, "your", ownChoice ? [ownChoice.seq] : []) : undefined;
  const servedTheirs = agreement ? servedMetric(run, counterpart, "their", theirChoices.map((c) => c.seq)) : undefined;
  const guess = guessMetric(run, ctx, new Set(counterpart));
  if (servedOwn) result.servedOwn = servedOwn;
  if (servedTheirs) result.servedCounterpart = servedTheirs;
  if (guess) result.guessAccuracy = guess;
  return result;
}
