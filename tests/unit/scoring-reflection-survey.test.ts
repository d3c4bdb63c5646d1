import { describe, expect, it } from "vitest";
import {
  counterpartRating,
  LIKERT_ITEMS,
  REFLECTION_ITEMS,
  ReflectionAnswersSchema,
  validateReflectionAnswers,
} from "../../shared/scoring/reflection-survey.js";
import { answers } from "../fixtures/scoring/logs.js";

describe("reflection survey", () => {
  it("asks about the outcome, oneself, the process and the relationship, then one word and an optional comment", () => {
    expect(LIKERT_ITEMS).toHaveLength(8);
    expect(new Set(LIKERT_ITEMS.map((i) => i.topic))).toEqual(new Set(["outcome", "self", "process", "relationship"]));
    expect(REFLECTION_ITEMS.map((i) => i.kind).slice(-2)).toEqual(["word", "comment"]);
    expect(new Set(REFLECTION_ITEMS.map((i) => i.id)).size).toBe(REFLECTION_ITEMS.length);
    for (const item of LIKERT_ITEMS) expect(item.anchors.every((a) => a.length > 0)).toBe(true);
  });

  it("accepts a complete flat record, with or without a comment", () => {
    expect(ReflectionAnswersSchema.safeParse(answers(4, 4, 4, 4)).success).toBe(true);
    expect(ReflectionAnswersSchema.safeParse({ ...answers(4, 4, 4, 4), comment: "Good session" }).success).toBe(true);
  });

  it("names every problem: out-of-range ratings, missing items, unknown keys, an empty word", () => {
    const result = validateReflectionAnswers({ ...answers(8, 4, 4, 4, "  "), "process-open": 2.5, extra: 1, "outcome-fair": undefined });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join("\n");
    expect(text).toMatch(/process-listened: answer from 1 to 7/);
    expect(text).toMatch(/process-open: answer with a whole number/);
    expect(text).toMatch(/outcome-fair/);
    expect(text).toMatch(/extra/);
    expect(text).toMatch(/one-word: give one word/);
  });

  it("keeps the one-word answer to a word or two", () => {
    expect(validateReflectionAnswers(answers(4, 4, 4, 4, "process police")).ok).toBe(true);
    expect(validateReflectionAnswers(answers(4, 4, 4, 4, "they were really very difficult")).ok).toBe(false);
  });

  it("turns the four counterpart items into a 0–100 rating", () => {
    // (mean − 1) / 6 × 100: all 7 → 100, all 4 → 50, all 1 → 0; 6,6,5,7 → mean 6 → 83.3 → 83
    expect(counterpartRating(answers(7, 7, 7, 7))).toBe(100);
    expect(counterpartRating(answers(4, 4, 4, 4))).toBe(50);
    expect(counterpartRating(answers(1, 1, 1, 1))).toBe(0);
    expect(counterpartRating(answers(6, 6, 5, 7))).toBe(83);
  });

  it("ignores the answerer's view of the outcome and of itself when rating the counterpart", () => {
    const unhappy = { ...answers(5, 5, 5, 5), "outcome-satisfied": 1, "self-proud": 1 };
    expect(counterpartRating(unhappy)).toBe(counterpartRating(answers(5, 5, 5, 5)));
  });
});
