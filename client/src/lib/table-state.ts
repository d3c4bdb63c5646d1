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
