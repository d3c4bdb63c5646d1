import { z } from "zod";
import type { Scenario, Seat } from "../scenario/schema.js";

/**
 * The short reflection survey each seat answers after the talks. The items are
 * our own wording (not a licensed questionnaire): two on the outcome, two on
 * oneself, then the counterpart and the relationship, then the "one word for
 * the other side" of the perception poll and an optional comment.
 *
 * Which counterpart items a seat is asked depends on how many counterparts
 * (seats of the other side present at the table) it had:
 * - one counterpart: the four fixed counterpart items (listened, open, would
 *   trust, would work with again); together they rate that one seat;
 * - two or more (a tender's buyer): one optional rating per counterpart,
 *   `rating-<seat id>`, which the seat may skip when it had no dealings with
 *   that counterpart. A rating is never credited to a seat it was not given for.
 */

export type ReflectionTopic = "outcome" | "self" | "process" | "relationship";

/** The fixed 1–7 items of the one-counterpart survey. */
export type LikertId =
  | "outcome-satisfied"
  | "outcome-fair"
  | "self-prepared"
  | "self-proud"
  | "process-listened"
  | "process-open"
  | "relationship-trust"
  | "relationship-again";

export interface LikertItem {
  /** one of `LikertId`, or `rating-<seat id>` for a per-counterpart rating */
  id: string;
  kind: "likert";
  topic: ReflectionTopic;
  prompt: string;
  /** labels of 1 and 7 */
  anchors: [string, string];
  /** true when the item rates the counterpart (used by `counterpartRatingFor`) */
  aboutCounterpart: boolean;
  /** the seat a per-counterpart item rates */
  counterpart?: string;
  /** true when the item may be skipped (a per-counterpart item: "no dealings with them") */
  optional?: boolean;
  /** a short line shown under the prompt */
  hint?: string;
}

/** One of the eight fixed items. */
export interface FixedLikertItem extends LikertItem {
  id: LikertId;
}

export interface TextItem {
  id: string;
  kind: "word" | "comment";
  topic: ReflectionTopic;
  prompt: string;
  optional: boolean;
  maxLength: number;
}

export type ReflectionItem = LikertItem | TextItem;

const AGREE: [string, string] = ["Strongly disagree", "Strongly agree"];

export const LIKERT_ITEMS: readonly FixedLikertItem[] = [
  { id: "outcome-satisfied", kind: "likert", topic: "outcome", prompt: "How satisfied are you with what your side got out of this negotiation?", anchors: ["Very dissatisfied", "Very satisfied"], aboutCounterpart: false },
  { id: "outcome-fair", kind: "likert", topic: "outcome", prompt: "How fair was the result to both sides?", anchors: ["Very one-sided", "Very fair to both"], aboutCounterpart: false },
  { id: "self-prepared", kind: "likert", topic: "self", prompt: "My preparation (objectives, plan) helped me at the table.", anchors: AGREE, aboutCounterpart: false },
  { id: "self-proud", kind: "likert", topic: "self", prompt: "I am comfortable with how I behaved in this negotiation.", anchors: AGREE, aboutCounterpart: false },
  { id: "process-listened", kind: "likert", topic: "process", prompt: "The other side listened to what mattered to us.", anchors: AGREE, aboutCounterpart: true },
  { id: "process-open", kind: "likert", topic: "process", prompt: "The other side was open and straight with us.", anchors: AGREE, aboutCounterpart: true },
  { id: "relationship-trust", kind: "likert", topic: "relationship", prompt: "I would trust the other side to deliver what they promised.", anchors: AGREE, aboutCounterpart: true },
  { id: "relationship-again", kind: "likert", topic: "relationship", prompt: "I would be glad to work with the other side again.", anchors: AGREE, aboutCounterpart: true },
];

/** The four fixed items that rate the (one) counterpart. */
export const COUNTERPART_ITEM_IDS: readonly LikertId[] = LIKERT_ITEMS.filter((i) => i.aboutCounterpart).map((i) => i.id);

const WORD_ITEM: TextItem = { id: "one-word", kind: "word", topic: "relationship", prompt: "One word for the other side.", optional: false, maxLength: 40 };
const COMMENT_ITEM: TextItem = { id: "comment", kind: "comment", topic: "process", prompt: "Anything else you want your trainer to know? (optional)", optional: true, maxLength: 1000 };

export const TEXT_ITEMS: readonly TextItem[] = [WORD_ITEM, COMMENT_ITEM];

/** The one-counterpart survey, every item in the order it is shown. */
export const REFLECTION_ITEMS: readonly ReflectionItem[] = [...LIKERT_ITEMS, ...TEXT_ITEMS];

/** The id of the item in which a seat with several counterparts rates `seat`. */
export function ratingItemId(seat: string): string {
  return `rating-${seat}`;
}

type SeatLike = Pick<Seat, "id" | "side" | "organisation">;

/**
 * The survey for `seat`, given the seats present at the table. Takes a full
 * scenario or its public face (only the seats' id, side and organisation are read).
 */
export function reflectionItemsFor(scenario: Scenario | { seats: readonly SeatLike[] }, seat: string, present: readonly string[]): ReflectionItem[] {
  const seats: readonly SeatLike[] = scenario.seats;
  const own = seats.find((s) => s.id === seat);
  const counterparts = own ? seats.filter((s) => s.side !== own.side && present.includes(s.id)) : [];
  if (counterparts.length < 2) return [...REFLECTION_ITEMS];
  const group = own?.side === "procurement" ? "the suppliers" : "the buyers";
  const perCounterpart: LikertItem[] = counterparts.map((c) => ({
    id: ratingItemId(c.id),
    kind: "likert",
    topic: "relationship",
    prompt: `${c.organisation}: I would trust them to deliver and be glad to work with them again.`,
    anchors: AGREE,
    aboutCounterpart: true,
    counterpart: c.id,
    optional: true,
    hint: "Skip if you had no dealings with them.",
  }));
  return [
    ...LIKERT_ITEMS.filter((i) => !i.aboutCounterpart),
    ...perCounterpart,
    { ...WORD_ITEM, prompt: `One word for ${group}, as a group.` },
    COMMENT_ITEM,
  ];
}

const likert = z.int("answer with a whole number from 1 to 7").min(1, "answer from 1 to 7").max(7, "answer from 1 to 7");
const oneWord = z
  .string()
  .trim()
  .min(1, "give one word for the other side")
  .max(40, "keep it to a word or two (40 characters at most)")
  .refine((s) => s.split(/\s+/).length <= 3, "keep it to a word or two");
const comment = z.string().trim().max(1000, "keep the comment under 1,000 characters");

function itemSchema(item: ReflectionItem): z.ZodType<number | string | undefined> {
  const base = item.kind === "likert" ? likert : item.kind === "word" ? oneWord : comment;
  return item.optional ? base.optional() : base;
}

function answered(entry: [string, number | string | undefined]): entry is [string, number | string] {
  return entry[1] !== undefined;
}

/** The answers to `items` as the machine receives them: a flat record from item id to a number (1–7) or text; unknown keys refused. */
export function reflectionAnswersSchema(items: readonly ReflectionItem[]): z.ZodType<ReflectionAnswers> {
  const shape: Record<string, z.ZodType<number | string | undefined>> = Object.fromEntries(items.map((i) => [i.id, itemSchema(i)]));
  return z.strictObject(shape).transform((a): ReflectionAnswers => Object.fromEntries(Object.entries(a).filter(answered)));
}

/**
 * The one-counterpart survey's answers (every fixed item, the word, an
 * optional comment). Unknown keys are refused so a typo is caught here.
 */
export const ReflectionAnswersSchema = reflectionAnswersSchema(REFLECTION_ITEMS);

/**
 * Answers as stored in the log, for reading them back: any flat record of
 * numbers and text (the machine validated them against the seat's own items
 * when they were submitted, so a buyer's `rating-<seat>` keys pass here).
 */
export const StoredReflectionAnswersSchema = z.record(z.string(), z.union([z.number(), z.string()]));

/** Item id → a 1–7 number (Likert items) or text (the word, the comment). */
export type ReflectionAnswers = Record<string, number | string>;

/** Validates raw answers against `items`; on failure, one plain message per problem ("process-open: answer from 1 to 7"). */
export function validateReflectionAnswers(
  raw: unknown,
  items: readonly ReflectionItem[] = REFLECTION_ITEMS,
): { ok: true; answers: ReflectionAnswers } | { ok: false; problems: string[] } {
  const parsed = reflectionAnswersSchema(items).safeParse(raw);
  if (parsed.success) return { ok: true, answers: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)) };
}

function isLikert(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 7;
}

/** 1–7 onto 0–100: (v − 1) / 6 × 100, rounded. */
function toHundred(v: number): number {
  return Math.round(((v - 1) / 6) * 100);
}

/**
 * How the answering seat rated the seat `rated`, 0–100, or null when it did
 * not rate it:
 * - its `rating-<rated>` answer (asked of a seat with several counterparts),
 *   mapped from 1–7 onto 0–100 ((v − 1) / 6 × 100, rounded);
 * - otherwise, for a seat with one counterpart, the mean of the four fixed
 *   counterpart items mapped the same way. All sevens give 100, all fours 50,
 *   all ones 0;
 * - otherwise (skipped, or not asked) null.
 * The caller decides whether `rated` was the answerer's counterpart.
 */
export function counterpartRatingFor(answers: Readonly<Record<string, unknown>>, rated: string): number | null {
  const own = answers[ratingItemId(rated)];
  if (isLikert(own)) return toHundred(own);
  const fixed = COUNTERPART_ITEM_IDS.map((id) => answers[id]);
  if (!fixed.every(isLikert)) return null;
  return toHundred(fixed.reduce((s, v) => s + v, 0) / fixed.length);
}

/**
 * @deprecated use `counterpartRatingFor(answers, rated)`, which also reads the
 * per-counterpart ratings. The four fixed counterpart items as 0–100; NaN
 * when they are not all answered.
 */
export function counterpartRating(answers: Readonly<Record<string, unknown>>): number {
  const fixed = COUNTERPART_ITEM_IDS.map((id) => answers[id]);
  return fixed.every(isLikert) ? toHundred(fixed.reduce((s, v) => s + v, 0) / fixed.length) : Number.NaN;
}
