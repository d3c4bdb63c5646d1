import type { LogEntry } from "../negotiation/events.js";
import { movesFor } from "../scenario/phase-rules.js";
import type { MoveType, Risk, Scenario, Side, ValueLever } from "../scenario/schema.js";
import type { Run } from "./context.js";
import { isRecord, movesBy, num, ofType, reaches, str } from "./log-reader.js";
import type { Ignored } from "./types.js";

/**
 * What counts as substance, in one place. Every behaviour credit of the
 * debrief comes from a move that carries substance, judged from the move's
 * structure (the topic, lever, risk or term it names) and, where free text is
 * still read, with the scenario's own vocabulary: never from a global list of
 * English keywords. Repeats earn nothing. Each function returns the moves it
 * credited and the ones it looked at and did not, with the reason, so a
 * trainee can check every number by hand.
 */

/** Different meaningful words an answer or a value claim needs at least, to say something (see `meaningfulWords`). */
export const MIN_WORDS = 5;
/** Different meaningful words a question, or a risk's note, needs at least ("Why did 2022 fail?"; not "?" or "And?"). */
export const MIN_QUESTION_WORDS = 3;

/** True when some phase of the scenario lets this side make this move. */
export function sideCan(scenario: Scenario, side: Side, move: MoveType): boolean {
  return scenario.phases.some((p) => movesFor(p, side).includes(move));
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/**
 * The words that carry meaning, for counting: tokens with two letters or more,
 * or a digit ("x", "?" and "-" do not count), and each word once ("ok ok ok"
 * is one word). A text says something with `min` of them.
 */
export function meaningfulWords(text: string): number {
  const counted = words(text).filter((w) => /\p{N}/u.test(w) || (w.match(/\p{L}/gu)?.length ?? 0) >= 2);
  return new Set(counted.map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}%]/gu, ""))).size;
}

/** Lower-case, single-spaced text for comparing repeats. */
function normal(text: string): string {
  return words(text).join(" ").toLowerCase();
}

// ---------------------------------------------------------------- questions

export interface Topic {
  kind: "issue" | "lever" | "risk" | "objective";
  id: string;
}

/** The topic a question names, if it is one the scenario knows. */
export function topicOf(scenario: Scenario, e: LogEntry): Topic | null {
  const about = e.payload["about"];
  if (!isRecord(about)) return null;
  const kind = str(about, "kind");
  const id = str(about, "id");
  if (!id) return null;
  const known =
    (kind === "issue" && scenario.issues.some((i) => i.id === id)) ||
    (kind === "lever" && scenario.valueLevers.some((l) => l.id === id)) ||
    (kind === "risk" && scenario.risks.some((r) => r.id === id)) ||
    (kind === "objective" && scenario.objectives.some((o) => o.id === id));
  return known && kind ? { kind, id } : null;
}

export function topicKey(t: Topic): string {
  return `${t.kind}:${t.id}`;
}

/** The name of a topic as players read it. */
export function topicName(scenario: Scenario, t: Topic): string {
  const found =
    t.kind === "issue" ? scenario.issues.find((i) => i.id === t.id)?.name
    : t.kind === "lever" ? scenario.valueLevers.find((l) => l.id === t.id)?.title
    : t.kind === "risk" ? scenario.risks.find((r) => r.id === t.id)?.title
    : scenario.objectives.find((o) => o.id === t.id)?.label;
  return found ?? t.id;
}

export interface CountedQuestion {
  entry: LogEntry;
  topic: Topic;
}

/** A seat's questions: the first on each topic counts; a question without a topic, or on a topic already asked, does not. */
export function questionsAsked(run: Run, seat: string): { counted: CountedQuestion[]; ignored: Ignored[] } {
  const counted: CountedQuestion[] = [];
  const ignored: Ignored[] = [];
  const seen = new Set<string>();
  for (const e of movesBy(run.log, seat, "question.ask")) {
    const topic = topicOf(run.scenario, e);
    if (!topic) {
      ignored.push({ seq: e.seq, why: "no topic named: a question counts when it says what it is about" });
      continue;
    }
    if (meaningfulWords(str(e.payload, "text") ?? "") < MIN_QUESTION_WORDS) {
      ignored.push({ seq: e.seq, why: `no substance: a question of fewer than ${MIN_QUESTION_WORDS} words asks nothing` });
      continue;
    }
    const key = topicKey(topic);
    if (seen.has(key)) {
      ignored.push({ seq: e.seq, why: `a repeat: "${topicName(run.scenario, topic)}" was already asked about` });
      continue;
    }
    seen.add(key);
    counted.push({ entry: e, topic });
  }
  return { counted, ignored };
}

/** Whether an answer says something: enough words, and not a copy of an earlier answer by the same seat. */
function answerSubstance(text: string, earlier: ReadonlySet<string>): string | null {
  if (meaningfulWords(text) < MIN_WORDS) return `too short to say anything (fewer than ${MIN_WORDS} different words)`;
  if (earlier.has(normal(text))) return "a copy of an earlier answer";
  return null;
}

export interface TopicPutToSeat {
  topic: Topic;
  /** the questions on this topic put to the seat by one asker */
  questions: LogEntry[];
  /** the first answer with substance, if any */
  answer: LogEntry | null;
}

/**
 * Topics other seats asked this seat about (one per asker and topic), and
 * whether the seat answered one of those questions with substance. Questions
 * without a topic are not put to the seat's account, answered or not.
 */
export function questionsPutTo(run: Run, seat: string): { topics: TopicPutToSeat[]; ignored: Ignored[] } {
  const answers = movesBy(run.log, seat, "question.answer");
  const judged = new Map<number, string | null>(); // answer seq → reason it lacks substance (null: it has)
  const earlier = new Set<string>();
  for (const a of answers) {
    const text = str(a.payload, "text") ?? "";
    judged.set(a.seq, answerSubstance(text, earlier));
    earlier.add(normal(text));
  }
  const byKey = new Map<string, TopicPutToSeat>();
  const ignored: Ignored[] = [];
  for (const q of ofType(run.log, "question.ask")) {
    if (!reaches(q, seat)) continue;
    const topic = topicOf(run.scenario, q);
    if (!topic || meaningfulWords(str(q.payload, "text") ?? "") < MIN_QUESTION_WORDS) continue;
    const key = `${q.by}\u0000${topicKey(topic)}`;
    const entry = byKey.get(key) ?? { topic, questions: [], answer: null };
    entry.questions.push(q);
    byKey.set(key, entry);
  }
  for (const t of byKey.values()) {
    const qs = new Set(t.questions.map((q) => q.seq));
    for (const a of answers) {
      if (!qs.has(num(a.payload, "question") ?? -1)) continue;
      const lacking = judged.get(a.seq) ?? null;
      if (lacking === null && t.answer === null) t.answer = a;
      else if (lacking !== null) ignored.push({ seq: a.seq, why: `the answer does not count: ${lacking}` });
    }
  }
  return { topics: [...byKey.values()], ignored };
}

// ---------------------------------------------------------------- price talk

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A phrase as a whole-word, case-insensitive pattern ("% off" matches "6 % off", "rate" does not match "first-rate"). */
function phrase(text: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}-])${escape(text.trim()).replace(/\s+/g, "\\s+")}(?![\\p{L}\\p{N}-])`, "iu");
}

const vocabularies = new WeakMap<Scenario, RegExp[]>();

/** The scenario's price vocabulary: the names, option labels and listed words of its price issues. */
export function priceVocabulary(scenario: Scenario): RegExp[] {
  let found = vocabularies.get(scenario);
  if (!found) {
    found = scenario.issues.filter((i) => i.price).flatMap((i) => [i.name, ...i.words, ...i.options.map((o) => o.label)].map(phrase));
    vocabularies.set(scenario, found);
  }
  return found;
}

/** True when the text talks about a price issue in the scenario's own words. */
export function isPriceTalk(scenario: Scenario, text: string): boolean {
  return priceVocabulary(scenario).some((re) => re.test(text));
}

/** A seat's price pitches in free talk: chat and notes on offers and bids that use the scenario's price vocabulary. */
export function pricePitches(run: Run, seat: string): LogEntry[] {
  const texts = [...movesBy(run.log, seat, "chat.send"), ...movesBy(run.log, seat, "offer.propose"), ...movesBy(run.log, seat, "bid.submit")];
  return texts.filter((e) => isPriceTalk(run.scenario, str(e.payload, "text") ?? str(e.payload, "note") ?? "")).sort((a, b) => a.seq - b.seq);
}

// ---------------------------------------------------------------- value arguments

/** Numbers written in a text, with "150,000", "2.3 M" and "150k" read as numbers; ranges ("5–7") as pairs. */
export function numbersIn(text: string): { values: number[]; ranges: [number, number][] } {
  const values: number[] = [];
  const ranges: [number, number][] = [];
  const token = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)\s*(k|m|million|bn)?(?![\p{L}])/giu;
  const read = (digits: string, unit: string | undefined): number => {
    const base = /^\d{1,3}(,\d{3})+/.test(digits) ? Number(digits.replace(/,/g, "")) : Number(digits.replace(",", "."));
    const scale = unit === undefined ? 1 : unit.toLowerCase() === "k" ? 1e3 : unit.toLowerCase() === "bn" ? 1e9 : 1e6;
    return base * scale;
  };
  let last: { end: number; value: number } | null = null;
  for (const m of text.matchAll(token)) {
    const value = read(m[1] ?? "", m[2]);
    values.push(value);
    if (last && /^\s*(?:[–—-]|to)\s*$/.test(text.slice(last.end, m.index))) ranges.push([last.value, value]);
    last = { end: (m.index ?? 0) + m[0].length, value };
  }
  return { values, ranges };
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 0.005);
}

export type ArgumentVerdict =
  | { kind: "quantified"; figure: number }
  | { kind: "unquantified"; why: string }
  | { kind: "price-pitch"; why: string }
  | { kind: "empty"; why: string };

/**
 * One value argument judged on its own: a claim with nothing in it is empty;
 * a claim in the scenario's price words without an honest figure is a price
 * pitch; otherwise it argues the lever, quantified when its figure lies in
 * the lever's honest range and the claim states that figure (or a range
 * around it).
 */
export function judgeArgument(scenario: Scenario, lever: ValueLever | undefined, claim: string, figure: number | undefined): ArgumentVerdict {
  if (!lever) return { kind: "empty", why: "names no value lever of the scenario" };
  const inRange = figure !== undefined && (!lever.figure || (figure >= lever.figure.low && figure <= lever.figure.high));
  const stated = numbersIn(claim);
  const agrees = figure !== undefined && (stated.values.some((v) => sameNumber(v, figure)) || stated.ranges.some(([lo, hi]) => figure >= Math.min(lo, hi) && figure <= Math.max(lo, hi)));
  if (isPriceTalk(scenario, claim) && !(inRange && agrees)) return { kind: "price-pitch", why: "the claim talks price in the scenario's own price words, with no honest figure for the lever" };
  if (meaningfulWords(claim) < MIN_WORDS && !(inRange && agrees)) return { kind: "empty", why: `the claim says nothing (fewer than ${MIN_WORDS} different words and no honest figure)` };
  if (figure === undefined) return { kind: "unquantified", why: "no figure given" };
  if (!inRange) return { kind: "unquantified", why: `the figure ${figure} lies outside what the brief supports (${lever.figure?.low}–${lever.figure?.high} ${lever.figure?.unit ?? ""})`.trim() };
  if (!agrees) return { kind: "unquantified", why: stated.values.length > 0 ? `the claim's numbers (${stated.values.join(", ")}) do not match its figure ${figure}` : `the claim does not state its figure ${figure}` };
  return { kind: "quantified", figure };
}

export interface ArguedLever {
  lever: ValueLever;
  /** the argument that counts for this lever: the first quantified one, else the first with substance */
  entry: LogEntry;
  quantified: boolean;
  /** why it is not quantified (when it is not) */
  why: string | null;
}

/** A seat's value arguments, one per lever; repeats, empty claims and price pitches are set aside with the reason. */
export function valueArguments(run: Run, seat: string): { levers: ArguedLever[]; pricePitches: LogEntry[]; ignored: Ignored[] } {
  const byLever = new Map<string, ArguedLever>();
  const pitches: LogEntry[] = [];
  const ignored: Ignored[] = [];
  for (const e of movesBy(run.log, seat, "value.argue")) {
    const lever = run.scenario.valueLevers.find((l) => l.id === str(e.payload, "lever"));
    const verdict = judgeArgument(run.scenario, lever, str(e.payload, "claim") ?? "", num(e.payload, "figure"));
    if (verdict.kind === "empty") {
      ignored.push({ seq: e.seq, why: `no substance: ${verdict.why}` });
      continue;
    }
    if (verdict.kind === "price-pitch" || !lever) {
      pitches.push(e);
      continue;
    }
    const quantified = verdict.kind === "quantified";
    const before = byLever.get(lever.id);
    if (!before) {
      byLever.set(lever.id, { lever, entry: e, quantified, why: verdict.kind === "unquantified" ? verdict.why : null });
    } else if (quantified && !before.quantified) {
      ignored.push({ seq: before.entry.seq, why: `replaced by a quantified argument for "${lever.title}"` });
      byLever.set(lever.id, { lever, entry: e, quantified, why: null });
    } else {
      ignored.push({ seq: e.seq, why: `a repeat: "${lever.title}" was already argued` });
    }
  }
  return { levers: [...byLever.values()], pricePitches: pitches, ignored };
}

// ---------------------------------------------------------------- risks

/** A risk raised with something said about it: a known risk and a note of at least MIN_QUESTION_WORDS words. */
export function raiseHasSubstance(scenario: Scenario, e: LogEntry): boolean {
  return scenario.risks.some((r) => r.id === str(e.payload, "risk")) && meaningfulWords(str(e.payload, "note") ?? "") >= MIN_QUESTION_WORDS;
}

export interface RiskAnswer {
  risk: Risk;
  /** the raise it answers (by another seat at the table), null when nobody had raised a risk of that category */
  raise: LogEntry | null;
  entry: LogEntry;
  concrete: boolean;
  /** what the answer commits to, as players read it */
  commitment: string | null;
}

function commitmentOf(run: Run, risk: Risk, e: LogEntry): string | null {
  const scenario = run.scenario;
  const mitigation = str(e.payload, "mitigation");
  const listed = risk.mitigations.find((m) => m.id === mitigation);
  if (listed) return listed.text;
  const term = e.payload["term"];
  if (!isRecord(term)) return null;
  const issue = str(term, "issue");
  const option = str(term, "option");
  const offered = risk.mitigatedBy.some((t) => t.issue === issue && option !== undefined && t.options.includes(option));
  // A term answers the risk once the contract carries it: a promised term left out of the deal answers nothing.
  const inDeal = issue !== undefined && run.agreement?.parties.includes(e.by) === true && run.agreement.package[issue] === option;
  if (!offered || !inDeal) return null;
  const i = scenario.issues.find((x) => x.id === issue);
  return `${i?.name ?? issue}: ${i?.options.find((o) => o.id === option)?.label ?? option}`;
}

/**
 * Every `risk.address` made at a table (by any of `seats`), with the raise it
 * answers: the latest earlier raise, by another of those seats, of a risk in
 * the same category. Concrete when it commits to a listed mitigation, or to
 * one of the risk's mitigating terms that the answering seat's deal then carries.
 */
export function riskAnswers(run: Run, seats: ReadonlySet<string>): RiskAnswer[] {
  const raises = ofType(run.log, "risk.raise").filter((e) => seats.has(e.by) && raiseHasSubstance(run.scenario, e));
  return ofType(run.log, "risk.address").flatMap((e) => {
    if (!seats.has(e.by)) return [];
    const risk = run.scenario.risks.find((r) => r.id === str(e.payload, "risk"));
    if (!risk) return [];
    const earlier = raises.filter((r) => r.seq < e.seq && r.by !== e.by && reaches(r, e.by) && run.scenario.risks.find((x) => x.id === str(r.payload, "risk"))?.category === risk.category);
    const raise = earlier.filter((r) => str(r.payload, "risk") === risk.id).at(-1) ?? earlier.at(-1) ?? null;
    const commitment = commitmentOf(run, risk, e);
    return [{ risk, raise, entry: e, concrete: commitment !== null, commitment }];
  });
}
