import type { IssueOutcome, Scenario, Side } from "./schema.js";
import { SIDES } from "./schema.js";
import { checkPhases, checkSeatsForKind } from "./references-structure.js";

/**
 * Cross-reference checks: zod checks each value's shape, these check that
 * ids point at things that exist and that the scenario is playable (one
 * buyer, enough suppliers, a reflection phase last…). Every message names the
 * offending value and says what would be right, for scenario authors.
 */

export type PathSegment = string | number;

export interface ReferenceProblem {
  path: PathSegment[];
  message: string;
  severity: "error" | "warning";
}

/** A top-level key of the scenario. */
export type ScenarioSection = keyof Scenario;

/** Collects problems; checks call `error` or `warning` with a path and a message. */
export interface Report {
  error(path: PathSegment[], message: string): void;
  warning(path: PathSegment[], message: string): void;
}

interface Check {
  /** Sections the check reads: it is skipped when one of them failed to parse. */
  needs: ScenarioSection[];
  run(scenario: Scenario, report: Report): void;
}

/**
 * Every cross-reference problem of a scenario, errors and warnings, in file
 * order of the checks. `broken` names sections that failed shape validation
 * (the loader fills them with placeholders): checks reading them are skipped
 * so that one typo does not cascade into unrelated "unknown id" errors.
 */
export function checkReferences(scenario: Scenario, broken: ReadonlySet<string> = new Set()): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const report: Report = {
    error: (path, message) => problems.push({ path, message, severity: "error" }),
    warning: (path, message) => problems.push({ path, message, severity: "warning" }),
  };
  for (const check of CHECKS) {
    if (check.needs.every((section) => !broken.has(section))) check.run(scenario, report);
  }
  return problems;
}

/** A path as authors read it: `seats[1].brief.scoring.unit-price`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const allowed = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance && d < candidate.length) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** `unknown issue "x"`, plus a suggestion or the list of valid ids. */
export function unknown(what: string, value: string, valid: readonly string[]): string {
  return `unknown ${what} "${value}"${hint(value, valid)}`;
}

function notAnOption(issue: string, value: string, options: readonly string[]): string {
  return `"${value}" is not an option of issue "${issue}"${hint(value, options)}`;
}

function hint(value: string, valid: readonly string[]): string {
  const guess = closest(value, valid);
  if (guess !== undefined) return ` — did you mean "${guess}"?`;
  return valid.length === 0 ? " (there are none)" : ` (known: ${valid.join(", ")})`;
}

function uniqueIds(items: readonly { id: string }[], path: PathSegment[], what: string, report: Report): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, index);
    else report.error([...path, index, "id"], `${what} id "${item.id}" is used twice (first at ${formatPath([...path, earlier])})`);
  });
}

function checkOutcomes(scenario: Scenario, outcomes: readonly IssueOutcome[], path: PathSegment[], report: Report): void {
  outcomes.forEach((outcome, k) => {
    const issue = scenario.issues.find((i) => i.id === outcome.issue);
    if (issue === undefined) {
      report.error([...path, k, "issue"], unknown("issue", outcome.issue, scenario.issues.map((i) => i.id)));
      return;
    }
    const options = issue.options.map((o) => o.id);
    outcome.options.forEach((option, j) => {
      if (!options.includes(option)) report.error([...path, k, "options", j], notAnOption(issue.id, option, options));
    });
  });
}

function checkScoring(scenario: Scenario, report: Report): void {
  const issueIds = scenario.issues.map((i) => i.id);
  // A duplicated issue id is reported once by the id check; scoring it twice would only repeat errors.
  const issues = scenario.issues.filter((issue, i) => issueIds.indexOf(issue.id) === i);
  scenario.seats.forEach((seat, s) => {
    const path: PathSegment[] = ["seats", s, "brief", "scoring"];
    for (const issue of issues) {
      const table = seat.brief.scoring[issue.id];
      if (table === undefined) {
        report.error(path, `seat "${seat.id}" does not score issue "${issue.id}": give points for each of its options`);
        continue;
      }
      const optionIds = issue.options.map((o) => o.id);
      const missing = optionIds.filter((o) => table[o] === undefined);
      if (missing.length > 0) report.error([...path, issue.id], `seat "${seat.id}" gives no points for option(s) ${missing.map((o) => `"${o}"`).join(", ")} of issue "${issue.id}"`);
      for (const key of Object.keys(table)) {
        if (!optionIds.includes(key)) report.error([...path, issue.id, key], notAnOption(issue.id, key, optionIds));
      }
    }
    for (const key of Object.keys(seat.brief.scoring)) {
      if (!issueIds.includes(key)) report.error([...path, key], unknown("issue", key, issueIds));
    }
  });
}

function checkAlignments(scenario: Scenario, report: Report): void {
  const sideOf = new Map(scenario.objectives.map((o) => [o.id, o.side] as const));
  const seen = new Map<string, number>();
  scenario.alignments.forEach((alignment, k) => {
    const path: PathSegment[] = ["alignments", k, "objectives"];
    const sides: (Side | undefined)[] = alignment.objectives.map((id) => sideOf.get(id));
    alignment.objectives.forEach((id, j) => {
      if (sides[j] === undefined) report.error([...path, j], unknown("objective", id, [...sideOf.keys()]));
    });
    if (sides.every((side) => side !== undefined) && sides[0] === sides[1]) {
      report.error(path, `pairs two ${sides[0]} objectives; an alignment pairs one procurement and one sales objective`);
    }
    const key = [...alignment.objectives].sort().join(" + ");
    const earlier = seen.get(key);
    if (earlier !== undefined) report.error(path, `the pair ${key} is already listed at alignments[${earlier}]`);
    else seen.set(key, k);
  });
}

function checkLevers(scenario: Scenario, report: Report): void {
  const seatIds = scenario.seats.map((s) => s.id);
  const objectiveIds = scenario.objectives.map((o) => o.id);
  scenario.valueLevers.forEach((lever, k) => {
    lever.knownTo.forEach((seat, j) => {
      if (!seatIds.includes(seat)) report.error(["valueLevers", k, "knownTo", j], unknown("seat", seat, seatIds));
    });
    lever.servesObjectives.forEach((objective, j) => {
      if (!objectiveIds.includes(objective)) report.error(["valueLevers", k, "servesObjectives", j], unknown("objective", objective, objectiveIds));
    });
    if (lever.figure !== undefined && lever.figure.low > lever.figure.high) {
      report.error(["valueLevers", k, "figure"], `figure.low (${lever.figure.low}) is above figure.high (${lever.figure.high})`);
    }
  });
}

function checkObjectiveCounts(scenario: Scenario, report: Report): void {
  for (const side of SIDES) {
    const count = scenario.objectives.filter((o) => o.side === side).length;
    if (count < scenario.objectivesPerSide) {
      report.error(["objectives"], `the ${side} side needs at least ${scenario.objectivesPerSide} objectives to choose from (objectivesPerSide is ${scenario.objectivesPerSide}); found ${count}`);
    }
  }
  scenario.objectives.forEach((objective, k) => {
    if (objective.servedBy.length === 0 && objective.threshold === undefined) {
      report.warning(["objectives", k, "servedBy"], `objective "${objective.id}" lists no deal terms and no money threshold, so the debrief can never count it as served by the agreement`);
    }
  });
}

/**
 * The tender's second-source rule: its issue exists, every award option it
 * keys is a biddable option of that issue, every remainder is an option of
 * that issue (a regular one, or one marked `secondSourceOnly`) or null, and
 * only commodity bids have one. A biddable option without an entry is a
 * warning: the award can carry it, and nobody would know what the runner-up gets.
 */
function checkSecondSource(scenario: Scenario, report: Report): void {
  const rule = scenario.secondSource;
  if (rule === undefined) return;
  if (scenario.kind !== "commodity-bid") {
    report.error(["secondSource"], `a second source belongs to a commodity bid, where the runner-up of the sealed rounds can take the rest of the volume; a ${scenario.kind} has one supplier, so remove "secondSource"`);
    return;
  }
  const issue = scenario.issues.find((i) => i.id === rule.issue);
  if (issue === undefined) {
    report.error(["secondSource", "issue"], unknown("issue", rule.issue, scenario.issues.map((i) => i.id)));
    return;
  }
  const options = issue.options.map((o) => o.id);
  for (const [award, remainder] of Object.entries(rule.remainder)) {
    const path: PathSegment[] = ["secondSource", "remainder", award];
    const awarded = issue.options.find((o) => o.id === award);
    if (awarded === undefined) report.error(path, notAnOption(issue.id, award, options));
    else if (awarded.secondSourceOnly) report.error(path, `"${award}" is a second-source share (secondSourceOnly), which no award can carry; key the remainder by the options a bid can name`);
    if (remainder !== null && !options.includes(remainder)) report.error(path, notAnOption(issue.id, remainder, options));
  }
  for (const option of issue.options) {
    if (!option.secondSourceOnly && !(option.id in rule.remainder)) {
      report.warning(["secondSource", "remainder"], `option "${option.id}" of issue "${issue.id}" has no remainder entry: say which option the runner-up gets when the award carries it (null when nothing is left)`);
    }
  }
}

/** Second-source shares only on the second-source issue; every issue keeps two options a bid can name. */
function checkSecondSourceOptions(scenario: Scenario, report: Report): void {
  const carrier = scenario.secondSource?.issue;
  scenario.issues.forEach((issue, i) => {
    issue.options.forEach((option, j) => {
      if (!option.secondSourceOnly || issue.id === carrier) return;
      const why = carrier === undefined ? "the scenario has no secondSource rule" : `the second source is carried by issue "${carrier}"`;
      report.error(["issues", i, "options", j, "secondSourceOnly"], `option "${option.id}" of issue "${issue.id}" is marked secondSourceOnly, but ${why}; only that issue's runner-up share may be marked`);
    });
    const biddable = issue.options.filter((o) => !o.secondSourceOnly).length;
    if (biddable < 2) report.error(["issues", i, "options"], `issue "${issue.id}" needs at least two options a bid or offer can name; found ${biddable} besides its second-source share`);
  });
}

/** An issue's extra words: non-empty, and each listed once. */
function checkWords(scenario: Scenario, report: Report): void {
  scenario.issues.forEach((issue, i) => {
    const seen = new Map<string, number>();
    issue.words.forEach((word, j) => {
      const path: PathSegment[] = ["issues", i, "words", j];
      if (typeof word !== "string" || word.trim() === "") {
        report.error(path, `a word of issue "${issue.id}" is empty: write a phrase players would use for it (e.g. "discount")`);
        return;
      }
      const key = word.trim().toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) report.warning(path, `"${word}" is already listed at ${formatPath(["issues", i, "words", earlier])}`);
      else seen.set(key, j);
    });
  });
}

/** Every seat's money table values every issue and option, and nothing else; one money unit per side. */
function checkMoneyTables(scenario: Scenario, report: Report): void {
  const issueIds = scenario.issues.map((i) => i.id);
  const issues = scenario.issues.filter((issue, i) => issueIds.indexOf(issue.id) === i);
  scenario.seats.forEach((seat, s) => {
    const money = seat.brief.money;
    if (money === undefined) return;
    const path: PathSegment[] = ["seats", s, "brief", "money", "options"];
    for (const issue of issues) {
      const table = money.options[issue.id];
      if (table === undefined) {
        report.error(path, `seat "${seat.id}" puts no money on issue "${issue.id}": value each of its options (0 for today's terms)`);
        continue;
      }
      const optionIds = issue.options.map((o) => o.id);
      const missing = optionIds.filter((o) => table[o] === undefined);
      if (missing.length > 0) report.error([...path, issue.id], `seat "${seat.id}" puts no money on option(s) ${missing.map((o) => `"${o}"`).join(", ")} of issue "${issue.id}"`);
      for (const key of Object.keys(table)) {
        if (!optionIds.includes(key)) report.error([...path, issue.id, key], notAnOption(issue.id, key, optionIds));
      }
    }
    for (const key of Object.keys(money.options)) {
      if (!issueIds.includes(key)) report.error([...path, key], unknown("issue", key, issueIds));
    }
  });
  for (const side of SIDES) {
    const units = [...new Set(scenario.seats.filter((s) => s.side === side).flatMap((s) => (s.brief.money === undefined ? [] : [s.brief.money.unit])))];
    if (units.length > 1) {
      const s = scenario.seats.findLastIndex((x) => x.side === side && x.brief.money !== undefined);
      report.warning(["seats", s, "brief", "money", "unit"], `the ${side} seats use different money units (${units.map((u) => `"${u}"`).join(", ")}): thresholds, lever worth and the year-later figures are in one unit per side`);
    }
  }
}

/** The seats of `side` that lack money: a threshold, lever worth, risk cost or renewal figure for that side needs it. */
function seatsWithoutMoney(scenario: Scenario, side: Side): string[] {
  return scenario.seats.filter((s) => s.side === side && s.brief.money === undefined).map((s) => s.id);
}

function needsMoney(scenario: Scenario, side: Side, what: string): string | undefined {
  if (!scenario.seats.some((s) => s.side === side)) return `${what} is for the ${side} side, which has no seat`;
  const without = seatsWithoutMoney(scenario, side);
  if (without.length === 0) return undefined;
  return `${what} is in the ${side} side's money, but seat(s) ${without.map((s) => `"${s}"`).join(", ")} have no money table (brief.money)`;
}

function checkThresholds(scenario: Scenario, report: Report): void {
  scenario.objectives.forEach((objective, k) => {
    const threshold = objective.threshold;
    if (threshold === undefined) return;
    const problem = needsMoney(scenario, objective.side, `the threshold of objective "${objective.id}"`);
    if (problem !== undefined) report.error(["objectives", k, "threshold"], problem);
    if (threshold.atLeast <= 0) report.warning(["objectives", k, "threshold", "atLeast"], `objective "${objective.id}" is served by an agreement worth ${threshold.atLeast} or more: today's terms (0) already serve it; a threshold is a gain against today's terms`);
  });
}

function checkLeverWorth(scenario: Scenario, report: Report): void {
  scenario.valueLevers.forEach((lever, k) => {
    const worth = lever.worth;
    if (worth === undefined) return;
    if (worth.low > worth.high) report.error(["valueLevers", k, "worth"], `worth.low (${worth.low}) is above worth.high (${worth.high})`);
    const ofSide = scenario.seats.filter((s) => s.side === worth.side);
    const knowing = ofSide.filter((s) => lever.knownTo.includes(s.id));
    const seats = knowing.length > 0 ? knowing : ofSide;
    if (ofSide.length === 0) report.error(["valueLevers", k, "worth", "side"], `lever "${lever.id}" is worth money to the ${worth.side} side, which has no seat`);
    const without = seats.filter((s) => s.brief.money === undefined).map((s) => s.id);
    if (without.length > 0) report.error(["valueLevers", k, "worth"], `lever "${lever.id}" is worth money to the ${worth.side} side, but seat(s) ${without.map((s) => `"${s}"`).join(", ")} have no money table (brief.money) to check it against`);
  });
}

function checkRiskBites(scenario: Scenario, report: Report): void {
  scenario.risks.forEach((risk, k) => {
    const bites = risk.bites;
    if (bites === undefined) return;
    const sides = SIDES.filter((side) => bites.cost[side] !== undefined);
    if (sides.length === 0) report.error(["risks", k, "bites", "cost"], `risk "${risk.id}" bites nobody: give its cost to procurement, sales or both`);
    for (const side of sides) {
      const problem = needsMoney(scenario, side, `the cost of risk "${risk.id}"`);
      if (problem !== undefined) report.error(["risks", k, "bites", "cost", side], problem);
    }
    if (risk.mitigatedBy.length === 0 && risk.mitigations.length === 0) {
      report.warning(["risks", k, "bites"], `risk "${risk.id}" bites, but lists no deal terms (mitigatedBy) and no mitigations, so only answering it at the table can avert it`);
    }
  });
}

function checkYearLater(scenario: Scenario, report: Report): void {
  const yearLater = scenario.yearLater;
  if (yearLater === undefined) return;
  if (scenario.kind !== "strategic-partnership") {
    report.warning(["yearLater"], `the year-later view plays a strategic partnership forward; a ${scenario.kind} has no renewal to decide, so "yearLater" is ignored`);
  }
  for (const side of SIDES) {
    const renewal = yearLater.renewal[side];
    if (renewal === undefined) continue;
    const problem = needsMoney(scenario, side, `the renewal figures for ${side}`);
    if (problem !== undefined) report.error(["yearLater", "renewal", side], problem);
    if (side === "sales" && !(renewal.expanded >= renewal.extended && renewal.extended >= renewal.retendered)) {
      report.warning(["yearLater", "renewal", side], `for the supplier, expanded (${renewal.expanded}) ≥ extended (${renewal.extended}) ≥ retendered (${renewal.retendered}) should hold: losing the contract cannot be worth more than keeping it`);
    }
  }
  if (Object.keys(yearLater.renewal).length === 0) report.error(["yearLater", "renewal"], "give the renewal figures for procurement, sales or both");
}

const CHECKS: Check[] = [
  { needs: ["issues"], run: (s, r) => {
    uniqueIds(s.issues, ["issues"], "issue", r);
    s.issues.forEach((issue, i) => uniqueIds(issue.options, ["issues", i, "options"], `option (of issue "${issue.id}")`, r));
  } },
  { needs: ["seats"], run: (s, r) => {
    uniqueIds(s.seats, ["seats"], "seat", r);
    s.seats.forEach((seat, i) => uniqueIds(seat.brief.privateFacts, ["seats", i, "brief", "privateFacts"], `private fact (of seat "${seat.id}")`, r));
  } },
  { needs: ["objectives"], run: (s, r) => uniqueIds(s.objectives, ["objectives"], "objective", r) },
  { needs: ["valueLevers"], run: (s, r) => uniqueIds(s.valueLevers, ["valueLevers"], "value lever", r) },
  { needs: ["risks"], run: (s, r) => {
    uniqueIds(s.risks, ["risks"], "risk", r);
    s.risks.forEach((risk, k) => uniqueIds(risk.mitigations, ["risks", k, "mitigations"], `mitigation (of risk "${risk.id}")`, r));
  } },
  { needs: ["phases"], run: (s, r) => uniqueIds(s.phases, ["phases"], "phase", r) },
  { needs: ["issues"], run: checkWords },
  { needs: ["issues", "secondSource"], run: checkSecondSourceOptions },
  { needs: ["secondSource", "issues", "kind"], run: checkSecondSource },
  { needs: ["seats", "issues"], run: checkScoring },
  { needs: ["objectives", "issues"], run: (s, r) => s.objectives.forEach((o, k) => checkOutcomes(s, o.servedBy, ["objectives", k, "servedBy"], r)) },
  { needs: ["valueLevers", "issues"], run: (s, r) => s.valueLevers.forEach((l, k) => checkOutcomes(s, l.realisedBy, ["valueLevers", k, "realisedBy"], r)) },
  { needs: ["risks", "issues"], run: (s, r) => s.risks.forEach((risk, k) => checkOutcomes(s, risk.mitigatedBy, ["risks", k, "mitigatedBy"], r)) },
  { needs: ["alignments", "objectives"], run: checkAlignments },
  { needs: ["valueLevers", "seats", "objectives"], run: checkLevers },
  { needs: ["objectives", "objectivesPerSide"], run: checkObjectiveCounts },
  { needs: ["seats", "issues"], run: checkMoneyTables },
  { needs: ["objectives", "seats"], run: checkThresholds },
  { needs: ["valueLevers", "seats"], run: checkLeverWorth },
  { needs: ["risks", "seats"], run: checkRiskBites },
  { needs: ["yearLater", "seats", "kind"], run: checkYearLater },
  { needs: ["seats", "kind"], run: checkSeatsForKind },
  { needs: ["phases", "kind", "spec"], run: checkPhases },
];
