import type { Brief, Issue, Package, Scenario, Seat } from "./schema.js";

/** The seat with this id, or undefined. */
export function findSeat(scenario: Scenario, seatId: string): Seat | undefined {
  return scenario.seats.find((s) => s.id === seatId);
}

/**
 * The options of an issue a bid or offer may name: all but a tender's
 * second-source share (`secondSourceOnly`), which only the runner-up gets.
 */
export function biddableOptions(issue: Pick<Issue, "options">): Issue["options"] {
  return issue.options.filter((o) => !o.secondSourceOnly);
}

/**
 * A seat's private points for a package: the sum over issues of its scoring
 * table's points for the chosen option. Assumes a complete, valid package
 * (see `packageProblems`).
 */
export function pointsFor(seat: Seat, pkg: Package): number {
  return briefPoints(seat.brief, pkg);
}

/** The same from a brief alone (what a client holds of its own seat). */
export function briefPoints(brief: Pick<Brief, "scoring">, pkg: Package): number {
  let total = 0;
  for (const [issue, option] of Object.entries(pkg)) total += brief.scoring[issue]?.[option] ?? 0;
  return total;
}

/**
 * What is wrong with a package, in plain words; empty when it names exactly
 * one valid option for every issue of the scenario.
 */
export function packageProblems(scenario: Scenario, pkg: Package): string[] {
  const problems: string[] = [];
  for (const issue of scenario.issues) {
    const option = pkg[issue.id];
    if (option === undefined) problems.push(`no option chosen for "${issue.name}"`);
    else if (!issue.options.some((o) => o.id === option)) problems.push(`"${option}" is not an option of "${issue.name}"`);
  }
  for (const key of Object.keys(pkg)) {
    if (!scenario.issues.some((i) => i.id === key)) problems.push(`"${key}" is not an issue of this scenario`);
  }
  return problems;
}
