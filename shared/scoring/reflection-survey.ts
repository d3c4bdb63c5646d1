import { z } from "zod";

/**
 * The short reflection survey each seat answers after the talks. The items are
 * our own wording (not a licensed questionnaire): two on the outcome, two on
 * oneself, four on the counterpart and the relationship, then the "one word
 * for the other side" of the perception poll and an optional comment. The
 * four counterpart items feed the trust score of the seat being rated.
 */

export type ReflectionTopic = "outcome" | "self" | "process" | "relationship";

export interface LikertItem {
  id: LikertId;
  kind: "likert";
  topic: ReflectionTopic;
  prompt: string;
  /** labels of 1 and 7 */
  anchors: [string, string];
  /** true when the item rates the counterpart (used by `counterpartRating`) */
  aboutCounterpart: boolean;
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

export const LIKERT_ITEMS: readonly LikertItem[] = [
  { id: "outcome-satisfied", kind: "likert", topic: "outcome", prompt: "How satisfied are you with what your side got out of this negotiation?", anchors: ["Very dissatisfied", "Very satisfied"], aboutCounterpart: false },
  { id: "outcome-fair", kind: "likert", topic: "outcome", prompt: "How fair was the result to both sides?", anchors: ["Very one-sided", "Very fair to both"], aboutCounterpart: false },
  { id: "self-prepared", kind: "likert", topic: "self", prompt: "My preparation (objectives, plan) helped me at the table.", anchors: AGREE, aboutCounterpart: false },
  { id: "self-proud", kind: "likert", topic: "self", prompt: "I am comfortable with how I behaved in this negotiation.", anchors: AGREE, aboutCounterpart: false },
  { id: "process-listened", kind: "likert", topic: "process", prompt: "The other side listened to what mattered to us.", anchors: AGREE, aboutCounterpart: true },
  { id: "process-open", kind: "likert", topic: "process", prompt: "The other side was open and straight with us.", anchors: AGREE, aboutCounterpart: true },
  { id: "relationship-trust", kind: "likert", topic: "relationship", prompt: "I would trust the other side to deliver what they promised.", anchors: AGREE, aboutCounterpart: true },
  { id: "relationship-again", kind: "likert", topic: "relationship", prompt: "I would be glad to work with the other side again.", anchors: AGREE, aboutCounterpart: true },
];

export const TEXT_ITEMS: readonly TextItem[] = [
  { id: "one-word", kind: "word", topic: "relationship", prompt: "One word for the other side.", optional: false, maxLength: 40 },
  { id: "comment", kind: "comment", topic: "process", prompt: "Anything else you want your trainer to know? (optional)", optional: true, maxLength: 1000 },
];

/** Every item in the order the survey shows them. */
export const REFLECTION_ITEMS: readonly ReflectionItem[] = [...LIKERT_ITEMS, ...TEXT_ITEMS];

const likert = z.int("answer with a whole number from 1 to 7").min(1, "answer from 1 to 7").max(7, "answer from 1 to 7");

/**
 * The answers as the machine receives them: a flat record from item id to a
 * number (1–7) or text. Unknown keys are refused so a typo is caught here.
 */
export const ReflectionAnswersSchema = z.strictObject({
  "outcome-satisfied": likert,
  "outcome-fair": likert,
  "self-prepared": likert,
  "self-proud": likert,
  "process-listened": likert,
  "process-open": likert,
  "relationship-trust": likert,
  "relationship-again": likert,
  "one-word": z
    .string()
    .trim()
    .min(1, "give one word for the other side")
    .max(40, "keep it to a word or two (40 characters at most)")
    .refine((s) => s.split(/\s+/).length <= 3, "keep it to a word or two"),
  comment: z.string().trim().max(1000, "keep the comment under 1,000 characters").optional(),
});

export type ReflectionAnswers = z.infer<typeof ReflectionAnswersSchema>;
/** The answers given on the 1–7 scale; a Likert item's id is one of them, so its answer reads as a number. */
export type LikertId = { [K in keyof ReflectionAnswers]-?: ReflectionAnswers[K] extends number ? K : never }[keyof ReflectionAnswers];

/** Validates raw answers; on failure, one plain message per problem ("process-open: answer from 1 to 7"). */
export function validateReflectionAnswers(raw: unknown): { ok: true; answers: ReflectionAnswers } | { ok: false; problems: string[] } {
  const parsed = ReflectionAnswersSchema.safeParse(raw);
  if (parsed.success) return { ok: true, answers: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)) };
}

/**
 * How the answering seat rates its counterpart, 0–100: the mean of the four
 * counterpart items mapped from 1–7 onto 0–100 ((mean − 1) / 6 × 100),
 * rounded. All sevens give 100, all fours 50, all ones 0.
 */
export function counterpartRating(answers: ReflectionAnswers): number {
  const items = LIKERT_ITEMS.filter((i) => i.aboutCounterpart);
  const sum = items.reduce((s, i) => s + answers[i.id], 0);
  return Math.round(((sum / items.length - 1) / 6) * 100);
}
