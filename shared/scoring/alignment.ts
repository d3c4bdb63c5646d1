import type { Scenario } from "../scenario/schema.js";
import { termsMet, type Run, type SeatContext } from "./context.js";
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

/** Objectives among `ids` that the agreement's terms serve (objectives without terms are never "served"). */
export function servedBy(scenario: Scenario, ids: readonly string[], pkg: Record<string, string>): string[] {
  return ids.filter((id) => {
    const o = scenario.objectives.find((x) => x.id === id);
    return o !== undefined && termsMet(o.servedBy, pkg);
  });
}

function servedMetric(run: Run, ids: string[], whose: string, events: number[]): Metric | undefined {
  const agreement = run.agreement;
  if (!agreement || ids.length === 0) return undefined;
  const served = servedBy(run.scenario, ids, agreement.package);
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

/** The three-objectives test proper: which own objectives align or clash with the counterpart's. */
function threeObjectivesTest(scenario: Scenario, own: string[], theirs: string[], events: number[]): ThreeObjectives {
  const pairs: ObjectivePair[] = own.flatMap((o) => theirs.map((t) => ({ own: o, other: t, relation: relationOf(scenario, o, t) })));
  const alignedIds = own.filter((o) => pairs.some((p) => p.own === o && p.relation === "aligned"));
  const misalignedIds = own.filter((o) => !alignedIds.includes(o) && pairs.some((p) => p.own === o && p.relation === "conflict"));
  const checked = own.length > 0 && theirs.length > 0;
  const slimChance = checked && misalignedIds.length >= Math.ceil((2 * own.length) / 3);
  const names = (ids: string[]) => (ids.length ? `: ${ids.map((id) => `"${label(scenario, id)}"`).join(", ")}` : "");
  const unchecked = "Objectives were not set on both sides, so alignment cannot be checked.";
  const of = `of your ${plural(own.length, "objective")}`;
  const alignedText = checked ? `${alignedIds.length} ${of} line up with one the other side chose${names(alignedIds)}.` : unchecked;
  const slimText = slimChance ? " With two of three misaligned, the chance of a deal is very slim." : "";
  const misalignedText = checked ? `${misalignedIds.length} ${of} clash with the other side's${names(misalignedIds)}.${slimText}` : unchecked;
  return {
    pairs,
    aligned: metric(alignedIds.length, "Aligned objectives", alignedText, events),
    misaligned: metric(misalignedIds.length, "Misaligned objectives", misalignedText, events),
    slimChance,
  };
}

/**
 * Goal alignment (the three-objectives test): each chosen objective of this
 * seat against the counterpart's chosen ones. An objective is aligned when
 * it aligns with at least one of theirs, misaligned when it conflicts with
 * one of theirs and aligns with none. Two of three misaligned (generally: at
 * least two thirds) flags a very slim chance of a deal. With a deal, also
 * which objectives its terms served; with a guess, how many were guessed.
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
    ...threeObjectivesTest(run.scenario, own, counterpart, events),
    servedIds: agreement ? servedBy(run.scenario, [...own, ...counterpart], agreement.package) : [],
  };
  const servedOwn = agreement ? servedMetric(run, own, "your", ownChoice ? [ownChoice.seq] : []) : undefined;
  const servedTheirs = agreement ? servedMetric(run, counterpart, "their", theirChoices.map((c) => c.seq)) : undefined;
  const guess = guessMetric(run, ctx, new Set(counterpart));
  if (servedOwn) result.servedOwn = servedOwn;
  if (servedTheirs) result.servedCounterpart = servedTheirs;
  if (guess) result.guessAccuracy = guess;
  return result;
}
