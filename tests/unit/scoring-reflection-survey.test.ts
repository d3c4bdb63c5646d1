import { describe, expect, it } from "vitest";
import {
  counterpartRating,
  counterpartRatingFor,
  LIKERT_ITEMS,
  REFLECTION_ITEMS,
  ReflectionAnswersSchema,
  reflectionItemsFor,
  StoredReflectionAnswersSchema,
  validateReflectionAnswers,
  type LikertItem,
} from "../../shared/scoring/reflection-survey.js";
import { answers } from "../fixtures/scoring/logs.js";
import { strategic, tender } from "../fixtures/scoring/scenarios.js";

const ALL_TENDER = ["buyer", "supplier-a", "supplier-b", "supplier-c"];

/** The buyer's answers to the several-counterparts survey: outcome and self items, then the given per-supplier ratings. */
function buyerAnswers(ratings: Record<string, number>, word = "keen"): Record<string, number | string> {
  return {
    "outcome-satisfied": 5,
    "outcome-fair": 5,
    "self-prepared": 5,
    "self-proud": 5,
    ...Object.fromEntries(Object.entries(ratings).map(([seat, v]) => [`rating-${seat}`, v])),
    "one-word": word,
  };
}

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
    expect(counterpartRatingFor(answers(6, 6, 5, 7), "seller")).toBe(83);
  });

  it("ignores the answerer's view of the outcome and of itself when rating the counterpart", () => {
    const unhappy = { ...answers(5, 5, 5, 5), "outcome-satisfied": 1, "self-proud": 1 };
    expect(counterpartRating(unhappy)).toBe(counterpartRating(answers(5, 5, 5, 5)));
  });
});

describe("the survey per seat", () => {
  it("keeps today's items for a seat with one counterpart: both seats of a pair, a tender supplier", () => {
    const both = ["procurement", "sales"];
    expect(reflectionItemsFor(strategic, "procurement", both)).toEqual(REFLECTION_ITEMS);
    expect(reflectionItemsFor(strategic, "sales", both)).toEqual(REFLECTION_ITEMS);
    expect(reflectionItemsFor(tender, "supplier-a", ALL_TENDER)).toEqual(REFLECTION_ITEMS);
    // a buyer left with one supplier at the table is in a one-to-one talk
    expect(reflectionItemsFor(tender, "buyer", ["buyer", "supplier-a"])).toEqual(REFLECTION_ITEMS);
  });

  it("asks a buyer with three suppliers one optional rating per supplier, named by organisation, and not the four counterpart items", () => {
    const items = reflectionItemsFor(tender, "buyer", ALL_TENDER);
    expect(items.map((i) => i.id)).toEqual([
      "outcome-satisfied",
      "outcome-fair",
      "self-prepared",
      "self-proud",
      "rating-supplier-a",
      "rating-supplier-b",
      "rating-supplier-c",
      "one-word",
      "comment",
    ]);
    const ratings = items.filter((i): i is LikertItem => i.kind === "likert" && i.aboutCounterpart);
    expect(ratings.map((i) => i.counterpart)).toEqual(["supplier-a", "supplier-b", "supplier-c"]);
    for (const r of ratings) {
      expect(r.optional).toBe(true);
      expect(r.anchors).toEqual(["Strongly disagree", "Strongly agree"]);
      expect(r.prompt).not.toMatch(/supplier-/);
      expect(r.hint).toMatch(/no dealings/);
    }
    expect(ratings[0]?.prompt).toBe("Boxes A: I would trust them to deliver and be glad to work with them again.");
    expect(items.find((i) => i.id === "one-word")?.prompt).toBe("One word for the suppliers, as a group.");
  });

  it("rates only the suppliers present", () => {
    const items = reflectionItemsFor(tender, "buyer", ["buyer", "supplier-a", "supplier-b"]);
    expect(items.filter((i) => i.id.startsWith("rating-")).map((i) => i.id)).toEqual(["rating-supplier-a", "rating-supplier-b"]);
  });
});

describe("validating the per-supplier ratings", () => {
  const items = reflectionItemsFor(tender, "buyer", ALL_TENDER);

  it("accepts any of the ratings skipped, even all", () => {
    expect(validateReflectionAnswers(buyerAnswers({ "supplier-a": 6, "supplier-b": 3, "supplier-c": 4 }), items).ok).toBe(true);
    expect(validateReflectionAnswers(buyerAnswers({ "supplier-a": 6 }), items).ok).toBe(true);
    expect(validateReflectionAnswers(buyerAnswers({}), items).ok).toBe(true);
  });

  it("refuses a rating out of range, a supplier not at the table, and the one-counterpart items", () => {
    const bad = validateReflectionAnswers({ ...buyerAnswers({ "supplier-a": 0, "supplier-b": 4.5 }), "rating-supplier-z": 5, "process-open": 5 }, items);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const text = bad.problems.join("\n");
    expect(text).toMatch(/rating-supplier-a: answer from 1 to 7/);
    expect(text).toMatch(/rating-supplier-b: answer with a whole number/);
    expect(text).toMatch(/rating-supplier-z/);
    expect(text).toMatch(/process-open/);
  });

  it("still requires the outcome and self items and the word", () => {
    const { "self-proud": _, "one-word": __, ...rest } = buyerAnswers({ "supplier-a": 5 });
    const result = validateReflectionAnswers(rest, items);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join("\n")).toMatch(/self-proud/);
    expect(result.problems.join("\n")).toMatch(/one-word/);
  });

  it("refuses a buyer's per-supplier answers under the one-counterpart survey", () => {
    expect(validateReflectionAnswers(buyerAnswers({ "supplier-a": 5 })).ok).toBe(false);
  });

  it("lets the log reader read either survey back", () => {
    expect(StoredReflectionAnswersSchema.safeParse(buyerAnswers({ "supplier-a": 5 })).success).toBe(true);
    expect(StoredReflectionAnswersSchema.safeParse(answers(4, 4, 4, 4)).success).toBe(true);
  });
});

describe("counterpartRatingFor", () => {
  it("maps a per-supplier rating from 1–7 onto 0–100, each supplier its own", () => {
    // (v − 1) / 6 × 100, rounded: 7 → 100, 4 → 50, 1 → 0, 6 → 83.3 → 83, 2 → 16.7 → 17
    const a = buyerAnswers({ "supplier-a": 7, "supplier-b": 2 });
    expect(counterpartRatingFor(a, "supplier-a")).toBe(100);
    expect(counterpartRatingFor(a, "supplier-b")).toBe(17);
    expect(counterpartRatingFor(buyerAnswers({ "supplier-a": 4 }), "supplier-a")).toBe(50);
    expect(counterpartRatingFor(buyerAnswers({ "supplier-a": 1 }), "supplier-a")).toBe(0);
    expect(counterpartRatingFor(buyerAnswers({ "supplier-a": 6 }), "supplier-a")).toBe(83);
  });

  it("gives no rating to a supplier the buyer skipped (no dealings)", () => {
    const a = buyerAnswers({ "supplier-a": 6 });
    expect(counterpartRatingFor(a, "supplier-b")).toBeNull();
    expect(counterpartRatingFor(a, "supplier-c")).toBeNull();
  });

  it("falls back to the four fixed items for a seat with one counterpart, and to null when they are incomplete", () => {
    expect(counterpartRatingFor(answers(7, 7, 7, 7), "supplier-a")).toBe(100);
    expect(counterpartRatingFor(answers(4, 4, 4, 4), "supplier-a")).toBe(50);
    const { "relationship-again": _, ...partial } = answers(4, 4, 4, 4);
    expect(counterpartRatingFor(partial, "supplier-a")).toBeNull();
    expect(counterpartRatingFor({}, "supplier-a")).toBeNull();
    expect(counterpartRatingFor({ "rating-supplier-a": "seven" }, "supplier-a")).toBeNull();
  });
});
