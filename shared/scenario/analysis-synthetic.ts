import { mulberry32, randomInt, type Random } from "../random.js";
import { ScenarioSchema, type Scenario, type ScenarioInput } from "./schema.js";

/**
 * A valid strategic-partnership scenario of `issues` × `options`, for
 * benchmarks and property tests. Each issue is opposed (procurement prefers
 * the first option, sales the last) with randomly different weights, so the
 * sides have something to trade. The same seed always gives the same scenario.
 */
export function syntheticScenario(issues: number, options: number, seed: number): Scenario {
  const random = mulberry32(seed);
  const issueIds = Array.from({ length: issues }, (_, i) => `issue-${i + 1}`);
  const optionIds = Array.from({ length: options }, (_, j) => `option-${j + 1}`);
  const procurement: Record<string, Record<string, number>> = {};
  const sales: Record<string, Record<string, number>> = {};
  let maxP = 0;
  let maxS = 0;
  for (const issue of issueIds) {
    const weightP = randomInt(random, 5, 40);
    const weightS = randomInt(random, 5, 40);
    const shape = descendingFractions(random, options);
    procurement[issue] = Object.fromEntries(optionIds.map((o, j) => [o, Math.round(weightP * (shape[j] ?? 0))]));
    sales[issue] = Object.fromEntries(optionIds.map((o, j) => [o, Math.round(weightS * (1 - (shape[j] ?? 0)))]));
    maxP += weightP;
    maxS += weightS;
  }
  const input: ScenarioInput = {
    id: `synthetic-${issues}x${options}-${seed}`,
    version: 1,
    title: `Synthetic ${issues} × ${options}`,
    kind: "strategic-partnership",
    summary: "Generated for benchmarks.",
    durationMinutes: 60,
    learningGoals: ["Trade issues the sides value differently."],
    context: "A generated negotiation.",
    seats: [
      seat("buyer", "procurement", procurement, Math.round(maxP * 0.3)),
      seat("supplier", "sales", sales, Math.round(maxS * 0.3)),
    ],
    issues: issueIds.map((id, i) => ({ id, name: `Issue ${i + 1}`, options: optionIds.map((o, j) => ({ id: o, label: `Option ${j + 1}` })) })),
    objectives: (["procurement", "sales"] as const).flatMap((side) =>
      [1, 2, 3].map((k) => ({
        id: `${side}-goal-${k}`,
        side,
        label: `${side} goal ${k}`,
        servedBy: [{ issue: issueIds[(k - 1) % issues] ?? "issue-1", options: [side === "procurement" ? "option-1" : (optionIds[options - 1] ?? "option-1")] }],
      })),
    ),
    phases: [
      { id: "prepare", kind: "preparation", title: "Prepare", minutes: 10 },
      { id: "negotiate", kind: "negotiation", title: "Negotiate", minutes: 30 },
      { id: "reflect", kind: "reflection", title: "Reflect", minutes: 5 },
    ],
    coaching: { summary: "Generated.", procurement: ["Trade what you value less."], sales: ["Trade what you value less."] },
  };
  return ScenarioSchema.parse(input);
}

/** `count` fractions from 1 down to 0 with random steps in between (a monotone but uneven preference). */
function descendingFractions(random: Random, count: number): number[] {
  if (count < 2) return [1];
  const inner = Array.from({ length: count - 2 }, () => random()).sort((a, b) => b - a);
  return [1, ...inner, 0];
}

function seat(id: string, side: "procurement" | "sales", scoring: Record<string, Record<string, number>>, batna: number): ScenarioInput["seats"][number] {
  return {
    id,
    side,
    title: side === "procurement" ? "Buyer" : "Account manager",
    organisation: side === "procurement" ? "Buying Co" : "Supplying Co",
    brief: { story: "Generated.", interests: ["Points."], scoring, batna: { description: "Walk away.", points: batna } },
  };
}
