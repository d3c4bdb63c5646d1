import type { Objective, Package, Scenario, Seat } from "./schema.js";

/** Below this, a money or points difference is rounding noise. */
export const EPS = 1e-9;

/**
 * The money behind the points, the parts the browser needs too: a package's
 * money for a seat, whether an objective (with its money target) is served,
 * and money as trainers say it. No runtime dependency on the schema (zod), so
 * the client can import it cheaply; the analysis is in money.ts.
 */

/** What a package is worth to the seat in money (sum of its money table), or null when the seat has no money. */
export function packageMoney(seat: Seat, pkg: Package): number | null {
  const money = seat.brief.money;
  if (money === undefined) return null;
  let total = 0;
  for (const [issue, option] of Object.entries(pkg)) total += money.options[issue]?.[option] ?? 0;
  return total;
}

/**
 * Whether an agreement on `pkg` serves `objective` for `seat` (a seat of the
 * objective's side): every `servedBy` term is met (if any are listed) and the
 * `threshold` (if any) is met by the package's money for the seat. An
 * objective with neither is never served; a threshold without money is not met.
 */
export function objectiveServed(scenario: Scenario, objective: Objective, seat: Seat, pkg: Package): boolean {
  if (objective.servedBy.length === 0 && objective.threshold === undefined) return false;
  const termsMet = objective.servedBy.every((term) => {
    const option = pkg[term.issue];
    return option !== undefined && term.options.includes(option);
  });
  if (!termsMet) return false;
  if (objective.threshold === undefined) return true;
  const known: Package = {};
  for (const issue of scenario.issues) {
    const option = pkg[issue.id];
    if (option !== undefined) known[issue.id] = option;
  }
  const money = packageMoney(seat, known);
  return money !== null && money >= objective.threshold.atLeast;
}

/** A money amount as trainers say it: "€540 k a year", "$2.3 M a year", "−€35 k a year" (`perYear: false` leaves out " a year"). */
export function formatMoney(amount: number, unit: string, options: { perYear?: boolean } = {}): string {
  const symbol = currency(unit);
  const perYear = options.perYear !== false && /\b(per|a) year\b|per annum|\/ ?y(ea)?r\b/i.test(unit) ? " a year" : "";
  const abs = Math.abs(amount);
  const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));
  const figure = abs >= 1e6 ? `${trim(abs / 1e6, 2)} M` : abs >= 1e4 ? `${trim(abs / 1e3, 0)} k` : abs >= 1e3 ? `${trim(abs / 1e3, 1)} k` : trim(abs, 0);
  const sign = amount < 0 && Number(figure.replace(/[^0-9.]/g, "")) > 0 ? "−" : "";
  if (symbol !== "") return `${sign}${symbol}${figure}${perYear}`;
  const word = unit.split(/\s+/)[0] ?? "";
  return `${sign}${figure} ${word}${perYear}`.trimEnd();
}

/** "$50 k–$80 k a year"; a single figure when low and high are equal. */
export function formatMoneyRange(low: number, high: number, unit: string): string {
  return low === high ? formatMoney(low, unit) : `${formatMoney(low, unit, { perYear: false })}–${formatMoney(high, unit)}`;
}

/** "€1,000", "$1,000" or "1,000 CHF": the money the exchange rates are quoted per. */
export function perThousand(unit: string): string {
  const symbol = currency(unit);
  return symbol === "" ? `1,000 ${unit.split(/\s+/)[0] ?? ""}`.trimEnd() : `${symbol}1,000`;
}

export function currency(unit: string): string {
  return /^(eur\b|€)/i.test(unit) ? "€" : /^(usd\b|\$)/i.test(unit) ? "$" : /^(gbp\b|£)/i.test(unit) ? "£" : "";
}
