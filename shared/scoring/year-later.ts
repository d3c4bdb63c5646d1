import { formatMoney, packageMoney } from "../scenario/money-basics.js";
import { findSeat, pointsFor } from "../scenario/points.js";
import type { Package, Seat, Side } from "../scenario/schema.js";
import { nameOf, termsMet, type Run } from "./context.js";
import { movesBy } from "./log-reader.js";
import { round } from "./metric.js";
import { counterpartRatingFor } from "./reflection-survey.js";
import { riskAnswers } from "./substance.js";
import type { SeatDebrief } from "./types.js";

/**
 * A year after signing: the agreement played forward one contract year with
 * a fixed, documented model driven only by the scenario's data and the log
 * (docs/scoring.md, "A year after signing"). Money is each side's own, in its
 * own unit; "at signing" is what the agreed package is worth a year at full
 * run-rate (the sum of the side's `money` table over the package).
 *
 * 1. Savings ramp up: every value lever the deal carries (its `realisedBy`
 *    terms are met) and that has a `worth` delivers only its `yearOne` share
 *    (default 0.5) of the mid-point of that worth in the first year. A
 *    supplier that leaves the table burnt (see 3) delivers half of that.
 * 2. Risks bite: a risk with `bites` that was neither answered at the table
 *    with a concrete mitigation nor mitigated by a term of the deal costs
 *    each side chance × cost.
 * 3. The renewal (strategic partnerships with `yearLater`) takes both sides:
 *    each stands towards the other at the mean of its reflection rating of
 *    the other, the other's trust score and the other's "hardball in a
 *    partnership" style part (the trust the log shows). The buyer's reading of the
 *    supplier: 70 or more → expand, 50 or more → extend, below → re-tender;
 *    one step down when the stakeholder told procurement of a bypass, and no
 *    expansion when a money target the buyer chose was missed in year one.
 *    The supplier's reading of the buyer sets how far it will go the same
 *    way (below 50 it will not renew on these terms: it re-prices at the
 *    renewal, which means a re-tender). The renewal is the lower of the two.
 *    Below 50 the supplier also works to the letter of the contract in year
 *    one (1 above). Each side's renewal money comes from `yearLater.renewal`.
 * A commodity bid has no renewal step: the fixed price holds for the year,
 * which is what price discipline buys.
 */

export const DEFAULT_YEAR_ONE = 0.5;
export const RENEWAL_BANDS = { expanded: 70, extended: 50 } as const;
export const DISENGAGED_BELOW = 50;

export type Renewal = "expanded" | "extended" | "retendered";

export interface YearLaterLine {
  label: string;
  /** money to this side, signed, in its unit */
  amount: number;
  why: string;
  events: number[];
}

export interface YearLaterSide {
  seat: string;
  name: string;
  side: Side;
  unit: string;
  atSigning: { points: number; money: number };
  yearLater: { money: number };
  lines: YearLaterLine[];
}

export interface YearLater {
  /** one sentence for the top of the panel */
  summary: string;
  renewal: Renewal | null;
  /** why the buyer renewed as it did (strategic partnerships) */
  renewalWhy: string[];
  sides: YearLaterSide[];
}

const STEPS: readonly Renewal[] = ["retendered", "extended", "expanded"];

/** A figure of the year-later table: "€440 k", "−$1.2 M" (the table says the figures are per year). */
export function yearMoney(amount: number, unit: string): string {
  return formatMoney(amount, unit, { perYear: false });
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

function ratingBy(run: Run, rater: Seat, rated: Seat): { value: number; seq: number } | null {
  const r = run.log.reflections.get(rater.id);
  const value = r?.answers ? counterpartRatingFor(r.answers, rated.id) : null;
  return r && value !== null ? { value, seq: r.seq } : null;
}

interface Relationship {
  score: number | null;
  text: string;
  events: number[];
}

/**
 * How `judge` stands towards `judged` after the talks: the mean of its
 * reflection rating of them, their trust score and, in a partnership, what
 * their hardball cost the relationship (the style-fit part "hardball in a
 * partnership": 100 with no hardball signal, 25 off for each).
 */
function relationship(run: Run, judge: Seat, judged: Seat, debrief: SeatDebrief | undefined): Relationship {
  const rating = ratingBy(run, judge, judged);
  const trust = debrief?.trust.value;
  const hardball = debrief?.style.fit.components.find((c) => c.id === "hardball-cost")?.value;
  const parts = [rating?.value, trust, hardball].filter((v): v is number => v !== undefined);
  const score = mean(parts);
  const said = [
    rating ? `${nameOf(judge)} rated ${nameOf(judged)} ${Math.round(rating.value)}/100 in the reflection` : `${nameOf(judge)} gave no rating`,
    trust !== undefined ? `${nameOf(judged)}'s trust score was ${trust}` : "",
    hardball !== undefined ? `its hardball left ${Math.round(hardball)}/100 of the relationship's goodwill` : "",
  ].filter((t) => t !== "");
  return { score, text: `${said.join("; ")}${score !== null ? ` (mean ${Math.round(score)})` : ""}`, events: rating ? [rating.seq] : [] };
}

/** Risks the table answered concretely or the deal mitigates: these do not bite. */
function coveredRisks(run: Run, parties: readonly Seat[], pkg: Package): Set<string> {
  const covered = new Set<string>();
  for (const r of run.scenario.risks) if (termsMet(r.mitigatedBy, pkg)) covered.add(r.id);
  for (const a of riskAnswers(run, new Set(parties.map((p) => p.id)))) if (a.raise !== null && a.concrete) covered.add(a.risk.id);
  return covered;
}

/** The year-later view of the agreement for its two parties, or null (no agreement, or no seat with money). */
export function yearLater(run: Run, debriefs: Readonly<Record<string, SeatDebrief>>): YearLater | null {
  const agreement = run.agreement;
  if (!agreement) return null;
  const buyer = findSeat(run.scenario, agreement.parties[0]);
  const supplier = findSeat(run.scenario, agreement.parties[1]);
  if (!buyer || !supplier || (!buyer.brief.money && !supplier.brief.money)) return null;
  const pkg = agreement.package;
  const scenario = run.scenario;
  const strategic = scenario.kind === "strategic-partnership";
  const towardsSupplier = relationship(run, buyer, supplier, debriefs[supplier.id]);
  const towardsBuyer = relationship(run, supplier, buyer, debriefs[buyer.id]);
  const disengaged = strategic && towardsBuyer.score !== null && towardsBuyer.score < DISENGAGED_BELOW;
  const covered = coveredRisks(run, [buyer, supplier], pkg);
  const levers = scenario.valueLevers.filter((l) => l.worth && termsMet(l.realisedBy, pkg));

  const sides = [buyer, supplier].flatMap((seat): YearLaterSide[] => {
    const money = seat.brief.money;
    const signed = packageMoney(seat, pkg);
    if (!money || signed === null) return [];
    const lines: YearLaterLine[] = [];
    for (const l of levers) {
      if (l.worth?.side !== seat.side) continue;
      const mid = (l.worth.low + l.worth.high) / 2;
      const share = (l.yearOne ?? DEFAULT_YEAR_ONE) * (disengaged ? 0.5 : 1);
      const shortfall = -mid * (1 - share);
      const why = `${yearMoney(mid, money.unit)} a year at full run-rate; ${Math.round(share * 100)} % of it materialises in year one${disengaged ? ` (half the usual ramp-up: ${nameOf(supplier)} works to the letter of the contract)` : ""}.`;
      lines.push({ label: `${l.title}: ramp-up`, amount: round(shortfall, 0), why, events: [agreement.source] });
    }
    for (const r of scenario.risks) {
      const cost = r.bites?.cost[seat.side];
      if (!r.bites || cost === undefined || cost === 0 || covered.has(r.id)) continue;
      const expected = -r.bites.chance * cost;
      lines.push({ label: `${r.title}: unanswered`, amount: round(expected, 0), why: `Nobody answered it with a concrete mitigation and no term of the deal mitigates it: a ${Math.round(r.bites.chance * 100)} % chance that ${r.bites.what}, costing ${yearMoney(cost, money.unit)}.`, events: [] });
    }
    return [{ seat: seat.id, name: nameOf(seat), side: seat.side, unit: money.unit, atSigning: { points: pointsFor(seat, pkg), money: signed }, yearLater: { money: 0 }, lines }];
  });
  if (sides.length === 0) return null;

  let renewal: Renewal | null = null;
  const renewalWhy: string[] = [];
  if (strategic && scenario.yearLater) {
    const score = towardsSupplier.score;
    let step = score === null ? 1 : score >= RENEWAL_BANDS.expanded ? 2 : score >= RENEWAL_BANDS.extended ? 1 : 0;
    renewalWhy.push(`${towardsSupplier.text}: ${score === null ? "no reading, so the contract is extended as signed" : `${STEPS[step]} (expanded at ${RENEWAL_BANDS.expanded} or more, extended at ${RENEWAL_BANDS.extended} or more)`}.`);
    const bypasses = movesBy(run.log, supplier.id, "stakeholder.contact");
    if (bypasses.length > 0 && scenario.stakeholder?.tells === "within-the-year" && step > 0) {
      step -= 1;
      renewalWhy.push(`${scenario.stakeholder.name} told procurement about the ${bypasses.length === 1 ? "call" : `${bypasses.length} calls`} behind its back: one step down, to ${STEPS[step]}.`);
    }
    const buyerSide = sides.find((s) => s.seat === buyer.id);
    const chosen = run.log.objectives.get(buyer.id)?.ids ?? [];
    const yearOneMoney = buyerSide ? buyerSide.atSigning.money + buyerSide.lines.reduce((s, l) => s + l.amount, 0) : null;
    for (const o of scenario.objectives.filter((x) => x.side === "procurement" && x.threshold && chosen.includes(x.id))) {
      if (yearOneMoney === null || !o.threshold || yearOneMoney >= o.threshold.atLeast || step < 2) continue;
      step = 1;
      renewalWhy.push(`Year one delivered ${yearMoney(yearOneMoney, buyer.brief.money?.unit ?? "")} against the target "${o.threshold.label}": no expansion until it is met.`);
    }
    const willing = towardsBuyer.score === null ? 2 : towardsBuyer.score >= RENEWAL_BANDS.expanded ? 2 : towardsBuyer.score >= RENEWAL_BANDS.extended ? 1 : 0;
    if (willing < step) {
      step = willing;
      renewalWhy.push(`${towardsBuyer.text}: ${willing === 0 ? `below ${RENEWAL_BANDS.extended}, ${nameOf(supplier)} will not renew on these terms and re-prices at the renewal: a re-tender` : `${nameOf(supplier)} will extend but not invest in more scope`}.`);
    }
    renewal = STEPS[step] ?? "extended";
    if (disengaged) renewalWhy.push(`In year one ${nameOf(supplier)} did what the contract says and no more (its reading of ${nameOf(buyer)} is below ${DISENGAGED_BELOW}).`);
    for (const s of sides) {
      const figures = scenario.yearLater.renewal[s.side];
      if (!figures) continue;
      const amount = figures[renewal];
      const what = renewal === "expanded" ? "extended and expanded" : renewal === "extended" ? "extended as signed" : "re-tendered";
      s.lines.push({ label: `Renewal: ${what}`, amount, why: `What the contract being ${what} is worth to ${s.name} (scenario figures${scenario.yearLater.basis ? `: ${scenario.yearLater.basis}` : ""}).`, events: [...towardsSupplier.events, ...towardsBuyer.events] });
    }
  }
  for (const s of sides) s.yearLater.money = round(s.atSigning.money + s.lines.reduce((sum, l) => sum + l.amount, 0), 0);

  const summary = strategic
    ? renewal
      ? `A year later the buyer ${renewal === "expanded" ? "extends and expands" : renewal === "extended" ? "extends" : "re-tenders"} the contract. ${sides.map((s) => `${s.name}: ${yearMoney(s.atSigning.money, s.unit)} at signing, ${yearMoney(s.yearLater.money, s.unit)} a year later`).join("; ")}.`
      : `${sides.map((s) => `${s.name}: ${yearMoney(s.atSigning.money, s.unit)} at signing, ${yearMoney(s.yearLater.money, s.unit)} a year later`).join("; ")}.`
    : `A commodity contract: the agreed price holds for the year, so price discipline keeps its value; only ramp-up and unanswered risks move the figures. ${sides.map((s) => `${s.name}: ${yearMoney(s.atSigning.money, s.unit)} at signing, ${yearMoney(s.yearLater.money, s.unit)} a year later`).join("; ")}.`;
  return { summary, renewal, renewalWhy, sides };
}
