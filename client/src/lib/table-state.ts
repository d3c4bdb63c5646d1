import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PublicScenario } from "../../../shared/negotiation/visibility.js";
import type { Package } from "../../../shared/scenario/schema.js";
import { bidsOf, packageOf, strings } from "../../../shared/scoring/log-reader.js";

/**
 * What the table shows, derived from the log this seat can see: open
 * offers, unanswered questions, shared facts, bids. The server decides what
 * is legal; these only choose what to offer the player.
 */

/**
 * An open proposal. `packages` is what the recipient may accept, in `choice`
 * order: the package, then a MESO's alternatives (one entry for a plain offer).
 */
export interface OpenOffer { seq: number; from: string; to: string; package: Package; packages: Package[]; final: boolean; note?: string }

/** The packages a proposal's payload puts on the table, in `choice` order (malformed alternatives left out). */
export function offeredPackages(payload: Record<string, unknown>): Package[] {
  const main = packageOf(payload.package);
  if (!main) return [];
  const alternatives = Array.isArray(payload.alternatives) ? payload.alternatives.map(packageOf).filter((p): p is Package => p !== undefined) : [];
  return [main, ...alternatives];
}

/** The latest proposal between each pair of seats that nobody has accepted, rejected or replaced. */
export function openOffers(log: readonly LogEntry[]): OpenOffer[] {
  const byPair = new Map<string, OpenOffer>();
  const pair = (a: string, b: string) => [a, b].sort().join("|");
  for (const e of log) {
    const p = e.payload;
    const packages = e.type === "offer.propose" ? offeredPackages(p) : [];
    const pkg = packages[0];
    if (e.type === "offer.propose" && pkg) {
      byPair.set(pair(e.by, String(p.to)), { seq: e.seq, from: e.by, to: String(p.to), package: pkg, packages, final: Boolean(p.final), ...(p.note ? { note: String(p.note) } : {}) });
    }
    if (e.type === "offer.accept" || e.type === "offer.reject") {
      for (const [k, o] of byPair) if (o.seq === p.offer) byPair.delete(k);
    }
  }
  return [...byPair.values()];
}

export interface OpenQuestion { seq: number; by: string; text: string; about?: { kind: string; id: string } }

/** Questions put to `seat` by others that it has not answered yet. */
export function openQuestions(log: readonly LogEntry[], seat: string): OpenQuestion[] {
  const answered = new Set(log.filter((e) => e.type === "question.answer").map((e) => Number(e.payload.question)));
  return log
    .filter((e) => e.type === "question.ask" && e.by !== seat && strings(e.payload.to)?.includes(seat) && !answered.has(e.seq))
    .map((e) => {
      const about = topicIn(e.payload.about);
      return { seq: e.seq, by: e.by, text: String(e.payload.text), ...(about ? { about } : {}) };
    });
}

/** The `about` of a question payload, when it is well-formed. */
export function topicIn(value: unknown): { kind: string; id: string } | null {
  if (!isRecord(value)) return null;
  const { kind, id } = value;
  return typeof kind === "string" && typeof id === "string" ? { kind, id } : null;
}

/** The `term` of a risk answer payload, when it is well-formed. */
export function termIn(value: unknown): { issue: string; option: string } | null {
  if (!isRecord(value)) return null;
  const { issue, option } = value;
  return typeof issue === "string" && typeof option === "string" ? { issue, option } : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function disclosedFacts(log: readonly LogEntry[], seat: string): string[] {
  return log.filter((e) => e.type === "fact.disclose" && e.by === seat).map((e) => String(e.payload.fact));
}

/** The seat's own latest bid in a round, if any. */
export function myBid(log: readonly LogEntry[], seat: string, phase: string): LogEntry | undefined {
  return log.filter((e) => e.type === "bid.submit" && e.by === seat && e.phase === phase).at(-1);
}

/** Suppliers whose bids procurement has seen opened, with the latest opened bid of each. */
export function openedBids(log: readonly LogEntry[]): Map<string, { phase: string; package: Package; seq: number | null }> {
  const latest = new Map<string, { phase: string; package: Package; seq: number | null }>();
  for (const e of log) {
    if (e.type !== "round.closed") continue;
    for (const b of bidsOf(e.payload.bids)) latest.set(b.seat, { phase: String(e.payload.phase), package: b.package, seq: b.seq });
  }
  return latest;
}

export interface RaisedRisk { seq: number; by: string; risk: string; note: string }

/**
 * Risks another seat raised at this table that `seat` has not answered since:
 * the latest raise of each risk with no `risk.address` of it by `seat` after
 * it (scoring credits an answer only to an earlier raise by someone else).
 */
export function unansweredRisks(log: readonly LogEntry[], seat: string): RaisedRisk[] {
  const open = new Map<string, RaisedRisk>();
  for (const e of log) {
    const risk = String(e.payload.risk ?? "");
    if (e.type === "risk.raise" && e.by !== seat && e.by !== "system" && e.by !== "facilitator") open.set(risk, { seq: e.seq, by: e.by, risk, note: String(e.payload.note ?? "") });
    if (e.type === "risk.address" && e.by === seat) open.delete(risk);
  }
  return [...open.values()];
}

/** What a question may be about, and how one is shown. */
export type TopicKind = "issue" | "lever" | "risk" | "objective";
export interface TopicGroup { kind: TopicKind; label: string; options: { id: string; label: string }[] }

/**
 * The topics a seat may name for a question, grouped: the scenario's issues,
 * its risks, the other side's objectives and — when the seat's brief knows
 * of value levers — those levers. Empty groups are left out.
 */
export function questionTopics(
  scenario: Pick<PublicScenario, "issues" | "risks" | "objectives">,
  mySide: string,
  levers: readonly { id: string; title: string }[] = [],
): TopicGroup[] {
  const groups: TopicGroup[] = [
    { kind: "issue", label: "Deal terms", options: scenario.issues.map((i) => ({ id: i.id, label: i.name })) },
    { kind: "objective", label: "What the other side wants", options: scenario.objectives.filter((o) => o.side !== mySide).map((o) => ({ id: o.id, label: o.label })) },
    { kind: "risk", label: "Risks", options: scenario.risks.map((r) => ({ id: r.id, label: r.title })) },
    { kind: "lever", label: "Your value levers", options: levers.map((l) => ({ id: l.id, label: l.title })) },
  ];
  return groups.filter((g) => g.options.length > 0);
}

/** One way to answer a risk: a concrete mitigation of the scenario, or a deal term that mitigates it. */
export interface RiskAnswer { value: string; label: string; fields: { mitigation: string } | { term: { issue: string; option: string } } }

/**
 * The concrete answers a risk offers: each listed mitigation, and each
 * option of each `mitigatedBy` term ("Service level: OTIF 97.5 %").
 */
export function riskAnswers(scenario: Pick<PublicScenario, "issues" | "risks">, riskId: string): RiskAnswer[] {
  const risk = scenario.risks.find((r) => r.id === riskId);
  if (!risk) return [];
  const mitigations: RiskAnswer[] = risk.mitigations.map((m) => ({ value: `m:${m.id}`, label: m.text, fields: { mitigation: m.id } }));
  const terms: RiskAnswer[] = risk.mitigatedBy.flatMap((t) => {
    const issue = scenario.issues.find((i) => i.id === t.issue);
    return t.options.map((option) => ({
      value: `t:${t.issue}:${option}`,
      label: `${issue?.name ?? t.issue}: ${issue?.options.find((o) => o.id === option)?.label ?? option}`,
      fields: { term: { issue: t.issue, option } },
    }));
  });
  return [...mitigations, ...terms];
}

/** How an offer stands now: waiting for an answer, accepted, rejected, or replaced by a later proposal between the same seats. */
export type OfferStatus = "open" | "accepted" | "rejected" | "replaced";

/** A proposal as the table names it: its author's nth proposal (from 1), with what became of it. */
export interface OfferRecord {
  seq: number;
  at: number;
  from: string;
  to: string;
  /** The package, then a MESO's alternatives, in `choice` order. */
  packages: Package[];
  final: boolean;
  note?: string;
  /** 1 for the author's first proposal in this log, 2 for its second… */
  ordinal: number;
  status: OfferStatus;
  /** The package the recipient accepted (index into `packages`), when accepted. */
  choice?: number;
}

/** Every proposal in the log, oldest first, numbered per author and with its current status. */
export function offerHistory(log: readonly LogEntry[]): OfferRecord[] {
  const counts = new Map<string, number>();
  const records: OfferRecord[] = [];
  for (const e of log) {
    if (e.type !== "offer.propose") continue;
    const packages = offeredPackages(e.payload);
    if (packages.length === 0) continue;
    const ordinal = (counts.get(e.by) ?? 0) + 1;
    counts.set(e.by, ordinal);
    const p = e.payload;
    records.push({ seq: e.seq, at: e.at, from: e.by, to: String(p.to), packages, final: Boolean(p.final), ...(p.note ? { note: String(p.note) } : {}), ordinal, status: "replaced" });
  }
  const open = new Set(openOffers(log).map((o) => o.seq));
  for (const r of records) if (open.has(r.seq)) r.status = "open";
  for (const e of log) {
    if (e.type !== "offer.accept" && e.type !== "offer.reject") continue;
    const r = records.find((x) => x.seq === e.payload.offer);
    if (!r) continue;
    r.status = e.type === "offer.accept" ? "accepted" : "rejected";
    if (e.type === "offer.accept") r.choice = typeof e.payload.choice === "number" ? e.payload.choice : 0;
  }
  return records;
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

/** "first", "second"… "twelfth", then "13th", "21st"… */
export function ordinalWord(n: number): string {
  const word = ORDINALS[n - 1];
  if (word) return word;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** "Dana's", "your": whose a seat's move is, as the viewer reads it. */
export function possessive(seat: string, viewerSeat: string | null, shortName: (seat: string) => string): string {
  if (seat === viewerSeat) return "your";
  const name = shortName(seat);
  return `${name}${name.endsWith("s") ? "'" : "'s"}`;
}

/** "Dana's second proposal", "your first proposal", "Dana's third proposal, a final offer" — never a log number. Lower case; see `capitalise`. */
export function offerName(offer: Pick<OfferRecord, "from" | "ordinal" | "final">, viewerSeat: string | null, shortName: (seat: string) => string): string {
  const whose = possessive(offer.from, viewerSeat, shortName);
  return `${whose} ${ordinalWord(offer.ordinal)} ${offer.final ? "proposal, a final offer" : "proposal"}`;
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Sam" from "Sam (Account Director)": a seat's short name from its long one, for "Sam's second proposal". */
export const shortOf = (seatName: (seat: string) => string) => (seat: string) => seatName(seat).replace(/ \([^)]*\)$/, "");
