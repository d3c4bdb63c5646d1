import { EPS, formatMoney, formatMoneyRange } from "./money-basics.js";
import type { MoneyFinding } from "./money.js";
import { biddableOptions } from "./points.js";
import type { IssueOutcome, Scenario, Seat, Side, ValueLever } from "./schema.js";
import { RISK_CATEGORIES } from "./schema.js";

/**
 * The money findings about the scenario as a whole, beside the per-seat
 * rankings of money.ts: value levers whose terms cannot carry what they claim,
 * objectives no agreement can serve, risk categories with no risk.
 */

/** Every scenario-level money finding: levers, objectives, risk categories. */
export function scenarioMoneyFindings(scenario: Scenario): MoneyFinding[] {
  return [...leverFindings(scenario), ...objectiveFindings(scenario), ...riskCategoryFindings(scenario)];
}

/** The seats a lever's `worth` is about: those of its side that know it, or every seat of the side when none does. */
function leverSeats(scenario: Scenario, lever: ValueLever, side: Side): Seat[] {
  const ofSide = scenario.seats.filter((s) => s.side === side);
  const knowing = ofSide.filter((s) => lever.knownTo.includes(s.id));
  return knowing.length > 0 ? knowing : ofSide;
}

/** The options of `issue` a deal can name among `listed`, and those it can name outside them. */
function split(scenario: Scenario, outcome: IssueOutcome): { listed: string[]; unlisted: string[] } | undefined {
  const issue = scenario.issues.find((i) => i.id === outcome.issue);
  if (issue === undefined) return undefined;
  const options = biddableOptions(issue).map((o) => o.id);
  return { listed: options.filter((o) => outcome.options.includes(o)), unlisted: options.filter((o) => !outcome.options.includes(o)) };
}

/** Points the lever's terms add for the seat: per term, its best listed option over the best option outside the list. */
function leverPoints(scenario: Scenario, lever: ValueLever, seat: Seat): number {
  let total = 0;
  for (const outcome of lever.realisedBy) {
    const parts = split(scenario, outcome);
    if (parts === undefined || parts.listed.length === 0 || parts.unlisted.length === 0) continue;
    const score = (o: string) => seat.brief.scoring[outcome.issue]?.[o] ?? 0;
    total += Math.max(...parts.listed.map(score)) - Math.max(...parts.unlisted.map(score));
  }
  return total;
}

/** Money the lever's terms carry for the seat against today's terms: per term, its best listed option's money. */
function leverMoney(scenario: Scenario, lever: ValueLever, seat: Seat): number | null {
  const money = seat.brief.money;
  if (money === undefined) return null;
  let total = 0;
  for (const outcome of lever.realisedBy) {
    const parts = split(scenario, outcome);
    if (parts === undefined || parts.listed.length === 0) continue;
    total += Math.max(...parts.listed.map((o) => money.options[outcome.issue]?.[o] ?? 0));
  }
  return total;
}

function termsOf(scenario: Scenario, outcomes: readonly IssueOutcome[]): string {
  return outcomes
    .map((outcome) => {
      const issue = scenario.issues.find((i) => i.id === outcome.issue);
      const labels = outcome.options.map((o) => issue?.options.find((x) => x.id === o)?.label ?? o);
      return `${issue?.name ?? outcome.issue}: ${labels.join(" or ")}`;
    })
    .join("; ");
}

function leverFindings(scenario: Scenario): MoneyFinding[] {
  const findings: MoneyFinding[] = [];
  scenario.valueLevers.forEach((lever, k) => {
    const worth = lever.worth;
    if (worth === undefined) return;
    const seats = leverSeats(scenario, lever, worth.side);
    const unit = seats.find((s) => s.brief.money !== undefined)?.brief.money?.unit ?? "";
    const claimed = formatMoneyRange(worth.low, worth.high, unit);
    const head = `lever "${lever.id}" is worth ${claimed} to ${worth.side}`;
    if (lever.realisedBy.length === 0) {
      findings.push({ code: "lever-no-terms", path: ["valueLevers", k, "realisedBy"], message: `${head}, but no deal term carries it (realisedBy is empty): neither points nor money can show it` });
      return;
    }
    const terms = termsOf(scenario, lever.realisedBy);
    for (const seat of seats) {
      if (leverPoints(scenario, lever, seat) <= EPS) {
        findings.push({ code: "lever-no-points", path: ["valueLevers", k, "realisedBy"], message: `${head}, but its terms (${terms}) give "${seat.id}" no more points than leaving them out` });
      }
      const money = leverMoney(scenario, lever, seat);
      if (money === null) continue;
      const seatUnit = seat.brief.money?.unit ?? unit;
      if (money <= EPS) {
        findings.push({ code: "lever-no-money", path: ["valueLevers", k, "realisedBy"], message: `${head}, but its terms (${terms}) give "${seat.id}" no money in its money table` });
      } else if (money < worth.low / 2) {
        findings.push({ code: "lever-no-money", path: ["valueLevers", k, "realisedBy"], message: `${head}, but its terms (${terms}) give "${seat.id}" only ${formatMoney(money, seatUnit)}, less than half of worth.low` });
      }
      for (const objectiveId of lever.servesObjectives) {
        const o = scenario.objectives.findIndex((x) => x.id === objectiveId);
        const objective = scenario.objectives[o];
        const threshold = objective?.threshold;
        if (objective === undefined || threshold === undefined || objective.side !== worth.side || worth.low < threshold.atLeast) continue;
        const target = `objective "${objective.id}" (at least ${formatMoney(threshold.atLeast, seatUnit)}: ${threshold.label})`;
        if (money < threshold.atLeast) {
          findings.push({ code: "lever-unreachable", path: ["valueLevers", k, "worth"], message: `lever "${lever.id}" claims ${claimed}, enough for ${target} on its own, but its terms give "${seat.id}" only ${formatMoney(money, seatUnit)}, so the lever alone cannot serve it` });
        }
        const carried = new Set(lever.realisedBy.map((r) => r.issue));
        const extra = objective.servedBy.filter((t) => !carried.has(t.issue));
        if (extra.length > 0) {
          findings.push({ code: "lever-unreachable", path: ["valueLevers", k, "servesObjectives"], message: `lever "${lever.id}" claims ${claimed}, enough for ${target} on its own, but the objective is only served with ${termsOf(scenario, extra)} as well, which the lever's terms do not carry` });
        }
      }
    }
  });
  return findings;
}

/**
 * An objective no agreement can serve: its `servedBy` terms name no option a
 * deal can carry, or the best money any agreement within those terms gives a
 * seat of its side stays below the threshold.
 */
function objectiveFindings(scenario: Scenario): MoneyFinding[] {
  const findings: MoneyFinding[] = [];
  scenario.objectives.forEach((objective, k) => {
    const allowed = new Map<string, string[]>();
    for (const issue of scenario.issues) allowed.set(issue.id, biddableOptions(issue).map((o) => o.id));
    for (const term of objective.servedBy) {
      const current = allowed.get(term.issue);
      if (current !== undefined) allowed.set(term.issue, current.filter((o) => term.options.includes(o)));
    }
    const empty = objective.servedBy.find((t) => (allowed.get(t.issue) ?? []).length === 0);
    if (empty !== undefined) {
      findings.push({ code: "objective-unservable", path: ["objectives", k, "servedBy"], message: `objective "${objective.id}" cannot be served by any agreement: no deal can name the options it lists for issue "${empty.issue}" together with its other terms` });
      return;
    }
    const threshold = objective.threshold;
    if (threshold === undefined) return;
    for (const seat of scenario.seats.filter((s) => s.side === objective.side)) {
      const money = seat.brief.money;
      if (money === undefined) continue;
      let bestMoney = 0;
      for (const [issue, options] of allowed) bestMoney += Math.max(...options.map((o) => money.options[issue]?.[o] ?? 0));
      if (bestMoney < threshold.atLeast) {
        const within = objective.servedBy.length > 0 ? ` within its terms (${termsOf(scenario, objective.servedBy)})` : "";
        findings.push({ code: "objective-unservable", path: ["objectives", k, "threshold"], message: `objective "${objective.id}" needs at least ${formatMoney(threshold.atLeast, money.unit)} (${threshold.label}), but the best agreement${within} is worth ${formatMoney(bestMoney, money.unit)} to "${seat.id}": no agreement can serve it` });
      }
    }
  });
  return findings;
}

function riskCategoryFindings(scenario: Scenario): MoneyFinding[] {
  return RISK_CATEGORIES.filter((category) => !scenario.risks.some((r) => r.category === category)).map((category) => ({
    code: "risk-category-empty" as const,
    path: ["risks"],
    message: `no risk of category "${category}": players cannot raise one; add a risk of that category (categories: ${RISK_CATEGORIES.join(", ")})`,
  }));
}
