import type { LogEntry } from "../negotiation/events.js";
import { formatPoints, offerPackages } from "../negotiation/offers.js";
import { findSeat, pointsFor } from "../scenario/points.js";
import type { Package, Scenario, Seat } from "../scenario/schema.js";
import { nameOf } from "./context.js";
import { num, packageOf, str } from "./log-reader.js";

/**
 * What each MESO (multiple equivalent simultaneous offers: a proposal with
 * `alternatives`, see shared/negotiation/offers.ts) showed. Pure: the
 * scenario and the log alone.
 *
 * A MESO asks the counterpart to choose among packages the proposer values
 * about the same; the choice is information. What it revealed is read from
 * the CHOOSER's own table (the debrief shows it after the reveal; the
 * proposer at the table saw only the choice): the issues on which the chosen
 * package differs from each one not chosen, which of them the chooser gained
 * on and which it gave up, and whether its own numbers bear the signal out.
 */
export interface MesoInsight {
  /** log seq of the proposal */
  seq: number;
  /** proposer's seat id */
  by: string;
  /** the counterpart's seat id, who chooses */
  to: string;
  /** the proposal's packages in choice order: its package, then its alternatives */
  packages: Package[];
  /** index into `packages` of the package accepted, or null when none was */
  chosen: number | null;
  /** accepted (one package chosen), countered (replaced by a later proposal between the two), rejected (all of them), or open (unanswered when the log ends) */
  outcome: "accepted" | "countered" | "rejected" | "open";
  /** what the choice suggests about the chooser's priorities, in plain words; null when nothing was chosen */
  revealed: string | null;
  /** for the proposer: what offering the choice did, and what it learned */
  forProposer: string;
  /** each package's points on the proposer's table and on the chooser's, in `packages` order */
  points: { proposer: number[]; chooser: number[] };
  /** the proposal and the move that answered it (accept, reject or the replacing proposal) */
  events: number[];
}

interface Difference {
  /** the issue's name */
  name: string;
  /** "Payment terms: 60 days" for the chosen package and for the other */
  chosen: string;
  other: string;
  /** chooser's points for the chosen option minus the other's */
  delta: number;
}

interface Fate {
  outcome: MesoInsight["outcome"];
  entry: LogEntry | null;
}

/** "a", "a and b", "a, b and c" */
function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}

/** "+3", "−6", "0" */
function signed(points: number): string {
  if (points > 0) return `+${formatPoints(points)}`;
  if (points < 0) return `−${formatPoints(-points)}`;
  return "0";
}

function term(scenario: Scenario, issueId: string, optionId: string | undefined): string {
  const issue = scenario.issues.find((i) => i.id === issueId);
  const label = issue?.options.find((o) => o.id === optionId)?.label ?? optionId ?? "none";
  return `${issue?.name ?? issueId}: ${label}`;
}

/** The issues on which `chosen` differs from `other`, with the chooser's points for each step. */
function differences(scenario: Scenario, chooser: Seat, chosen: Package, other: Package): Difference[] {
  return scenario.issues.flatMap((issue) => {
    const a = chosen[issue.id];
    const b = other[issue.id];
    if (a === b) return [];
    const table = chooser.brief.scoring[issue.id] ?? {};
    const delta = (a === undefined ? 0 : (table[a] ?? 0)) - (b === undefined ? 0 : (table[b] ?? 0));
    return [{ name: issue.name, chosen: term(scenario, issue.id, a), other: term(scenario, issue.id, b), delta }];
  });
}

/** How the proposal ended: the first accept or reject of it, or the first later proposal between the same two seats. */
function fateOf(entries: readonly LogEntry[], offer: LogEntry, to: string): Fate {
  const pair = new Set([offer.by, to]);
  for (const e of entries) {
    if (e.seq <= offer.seq) continue;
    if ((e.type === "offer.accept" || e.type === "offer.reject") && num(e.payload, "offer") === offer.seq) {
      return { outcome: e.type === "offer.accept" ? "accepted" : "rejected", entry: e };
    }
    if (e.type === "offer.propose" && pair.has(e.by) && pair.has(str(e.payload, "to") ?? "") && e.by !== str(e.payload, "to")) return { outcome: "countered", entry: e };
  }
  return { outcome: "open", entry: null };
}

/** Which package an acceptance took: the one its payload names, else its `choice`. */
function chosenIndex(packages: readonly Package[], accept: LogEntry): number | null {
  const taken = packageOf(accept.payload.package);
  const same = (p: Package) => taken !== undefined && Object.keys({ ...p, ...taken }).every((k) => p[k] === taken[k]);
  const found = packages.findIndex(same);
  if (found >= 0) return found;
  const choice = num(accept.payload, "choice") ?? 0;
  return Number.isInteger(choice) && choice >= 0 && choice < packages.length ? choice : null;
}

/** "its main package", "alternative 2" */
function packageName(index: number): string {
  return index === 0 ? "its main package" : `alternative ${index}`;
}

/** "1 point", "3 points" */
function pointsWord(points: number): string {
  return `${formatPoints(points)} ${points === 1 ? "point" : "points"}`;
}

const quoted = (text: string) => `“${text}”`;
const issueNames = (ds: readonly Difference[]) => andList(ds.map((d) => quoted(d.name)));

/** One comparison of the chosen package with one not chosen, from the chooser's table. */
function comparison(chooser: string, diffs: readonly Difference[], first: boolean): string {
  const gained = diffs.filter((d) => d.delta > 0);
  const gaveUp = diffs.filter((d) => d.delta < 0);
  const level = diffs.filter((d) => d.delta === 0);
  const net = diffs.reduce((sum, d) => sum + d.delta, 0);
  const took = andList(diffs.map((d) => quoted(d.chosen)));
  const left = andList(diffs.map((d) => quoted(d.other)));
  const opening = first ? `${chooser} chose the package with ${took} over the one with ${left}` : `It also chose it, with ${took}, over the one with ${left}`;
  const steps = andList(diffs.filter((d) => d.delta !== 0).map((d) => `${quoted(d.name)} ${signed(d.delta)}`));
  const same = level.length > 0 ? ` It scores ${issueNames(level)} the same either way.` : "";
  if (gained.length === 0 && gaveUp.length === 0) {
    return `${opening}: its own table scores the terms that differ the same, so the choice reveals nothing about its priorities.${same}`;
  }
  if (gaveUp.length === 0) {
    return `${opening}: the choice suggests it cares about ${issueNames(gained)}. On its own table the package it took is better on every term that differs (${steps} points): a true signal of what it wants, but not of what it would trade for it.${same}`;
  }
  if (gained.length === 0) {
    return `${opening}: on its own table the package it took is worse on every term that differs (${steps} points, ${pointsWord(-net)} less in all), so the choice says less about its priorities than it seems: it misread the packages, or weighed something its table does not score.${same}`;
  }
  const verdict =
    net > 0
      ? `${signed(net)} ${net === 1 ? "point" : "points"} in all: its own numbers bear the signal out`
      : net < 0
        ? `${pointsWord(-net)} less in all: a signal its own numbers do not bear out, so it gave up more than it gained, or weighed something its table does not score`
        : "the same in all: it was indifferent on its own table, so the choice says little about which it puts first";
  return `${opening}: the choice suggests it puts ${issueNames(gained)} above ${issueNames(gaveUp)}. On its own table that is ${steps} points, ${verdict}.${same}`;
}

/** Whether the chooser took its own best package: "… the best of the three for it" or what it left on the table. */
function bestOf(chooserPoints: readonly number[], chosen: number): string {
  const took = chooserPoints[chosen] ?? 0;
  const best = Math.max(...chooserPoints);
  const count = chooserPoints.length === 2 ? "two" : "three";
  if (took === best) {
    const others = chooserPoints.filter((_, i) => i !== chosen).map(formatPoints);
    return `Of the ${count}, the package it took was worth the most to it: ${pointsWord(took)}, against ${andList(others)}.`;
  }
  const top = chooserPoints.findIndex((p) => p === best);
  return `Of the ${count}, it did not take its best: ${top === 0 ? "the main package" : `alternative ${top}`} was worth ${pointsWord(best)} to it, the one it took ${formatPoints(took)}, so it left ${pointsWord(best - took)} on the table.`;
}

/** What the proposer learned from the choice, in one clause: "that Halstead puts “Rate level” above …". */
function lesson(chooser: string, all: readonly Difference[][]): string {
  const gained = new Set(all.flat().filter((d) => d.delta > 0).map((d) => d.name));
  const gaveUp = new Set(all.flat().filter((d) => d.delta < 0).map((d) => d.name));
  for (const name of [...gained]) {
    if (gaveUp.has(name)) {
      gained.delete(name);
      gaveUp.delete(name);
    }
  }
  const list = (names: ReadonlySet<string>) => andList([...names].map(quoted));
  if (gained.size > 0 && gaveUp.size > 0) return `that ${chooser} puts ${list(gained)} above ${list(gaveUp)}`;
  if (gained.size > 0) return `that ${chooser} cares about ${list(gained)}`;
  return `little about ${chooser}'s priorities: the packages differ in terms the choice does not rank`;
}

function insight(scenario: Scenario, entries: readonly LogEntry[], offer: LogEntry): MesoInsight | null {
  const packages = offerPackages(offer.payload);
  const to = str(offer.payload, "to");
  const proposerSeat = findSeat(scenario, offer.by);
  const chooserSeat = to === undefined ? undefined : findSeat(scenario, to);
  if (packages.length < 2 || to === undefined || !proposerSeat || !chooserSeat) return null;
  const proposer = nameOf(proposerSeat);
  const chooser = nameOf(chooserSeat);
  const points = { proposer: packages.map((p) => pointsFor(proposerSeat, p)), chooser: packages.map((p) => pointsFor(chooserSeat, p)) };
  const fate = fateOf(entries, offer, to);
  const events = fate.entry ? [offer.seq, fate.entry.seq] : [offer.seq];
  const base = { seq: offer.seq, by: offer.by, to, packages, points, events };
  const offered = `${proposer} offered ${chooser} ${packages.length} packages of about equal value to itself (${andList(points.proposer.map(formatPoints))} points on its own table) instead of one`;

  if (fate.outcome === "accepted" && fate.entry) {
    const chosen = chosenIndex(packages, fate.entry);
    const taken = chosen === null ? undefined : packages[chosen];
    if (chosen !== null && taken) {
      const others = packages.flatMap((p, i) => (i === chosen ? [] : [differences(scenario, chooserSeat, taken, p)]));
      const revealed = [...others.map((diffs, k) => comparison(chooser, diffs, k === 0)), bestOf(points.chooser, chosen)].join(" ");
      const worth = points.proposer[chosen] ?? 0;
      const gap = worth - (points.proposer[0] ?? 0);
      const relative = gap === 0 ? "the same as its main package" : `${formatPoints(Math.abs(gap))} ${gap > 0 ? "above" : "below"} its main package`;
      const forProposer =
        `${offered}, and let ${chooser} choose. ${chooser} took ${packageName(chosen)}, worth ${formatPoints(worth)} points to ${proposer} (${relative}). ` +
        `The choice told ${proposer} ${lesson(chooser, others)}, without ${proposer} conceding anything to find out.`;
      return { ...base, chosen, outcome: "accepted", revealed, forProposer };
    }
  }
  if (fate.outcome === "countered" && fate.entry) {
    const forProposer =
      fate.entry.by === to
        ? `${offered}; ${chooser} countered with a proposal of its own instead of choosing, so the choice revealed nothing: its counter-proposal is the signal to read.`
        : `${offered}, then replaced the offer with a new proposal before ${chooser} chose, so the choice revealed nothing.`;
    return { ...base, chosen: null, outcome: "countered", revealed: null, forProposer };
  }
  if (fate.outcome === "rejected" && fate.entry) {
    const reason = str(fate.entry.payload, "reason");
    const first = packages[0] ?? {};
    const shared = scenario.issues.filter((i) => packages.every((p) => p[i.id] === first[i.id])).map((i) => term(scenario, i.id, first[i.id]));
    const where = shared.length > 0 ? ` The obstacle is likelier in what every package shared (${shared.join("; ")}) than in what they varied.` : "";
    const forProposer = `${offered}; ${chooser} rejected all of them${reason ? ` (“${reason}”)` : ""}.${where}`;
    return { ...base, chosen: null, outcome: "rejected", revealed: null, forProposer };
  }
  const ended = entries.some((e) => e.type === "negotiation.ended" && e.seq > offer.seq);
  const forProposer = `${offered}; ${chooser} ${ended ? "had not answered it when the talks ended" : "has not answered it yet"}.`;
  return { ...base, chosen: null, outcome: "open", revealed: null, forProposer };
}

/** One insight per MESO offered in the log, in log order. */
export function mesoInsights(scenario: Scenario, log: readonly LogEntry[]): MesoInsight[] {
  return log.flatMap((e) => {
    if (e.type !== "offer.propose") return [];
    const found = insight(scenario, log, e);
    return found ? [found] : [];
  });
}
