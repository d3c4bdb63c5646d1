import type { Component, Ignored, Metric, Score } from "./types.js";

/** Rounds to `digits` decimals; keeps float noise (0.1 + 0.2) out of the debrief. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f || 0; // `|| 0` turns -0 into 0
}

/** Clamps to the 0–100 range of a score. */
export function clamp100(value: number): number {
  return Math.min(100, Math.max(0, value));
}

/** The events of a metric: unique seqs in log order. */
export function seqs(...lists: Iterable<number>[]): number[] {
  const all = new Set<number>();
  for (const list of lists) for (const s of list) all.add(s);
  return [...all].sort((a, b) => a - b);
}

/** Builds a Metric with its events deduplicated and sorted; `ignored` (moves looked at and not credited) only when there are any. */
export function metric(value: number, label: string, explanation: string, events: Iterable<number> = [], ignored: readonly Ignored[] = []): Metric {
  const m: Metric = { value: round(value, 2), label, explanation, events: seqs(events) };
  if (ignored.length > 0) m.ignored = [...ignored].sort((a, b) => a.seq - b.seq);
  return m;
}

/** A weighted part of a score. */
export function component(id: string, weight: number, m: Metric): Component {
  return { id, ...m, weight };
}

/**
 * The weighted mean of the scored components (weight > 0), rescaled so the
 * weights in use sum to one, minus the deductions (components without a
 * weight carry a negative value), clamped to 0–100 and rounded. Components
 * that had nothing to judge keep weight 0 and do not pull the score.
 */
export function weightedScore(label: string, explain: (value: number) => string, parts: Component[]): Score {
  const scored = parts.filter((p) => p.weight !== undefined && p.weight > 0);
  const total = scored.reduce((sum, p) => sum + (p.weight ?? 0), 0);
  const mean = total > 0 ? scored.reduce((sum, p) => sum + p.value * (p.weight ?? 0), 0) / total : 50;
  const deductions = parts.filter((p) => p.weight === undefined).reduce((sum, p) => sum + p.value, 0);
  const components = parts.map((p) => (p.weight !== undefined && total > 0 ? { ...p, weight: round(p.weight / total, 3) } : p));
  const value = Math.round(clamp100(mean + deductions));
  return { value, label, explanation: explain(value), events: seqs(...parts.map((p) => p.events)), components };
}

/** "1 question" / "3 questions". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "once" / "twice" / "3 times". */
export function times(n: number): string {
  return n === 1 ? "once" : n === 2 ? "twice" : `${n} times`;
}

/** A share as a whole-number percentage for explanations. */
export function pct(part: number, whole: number): number {
  return whole === 0 ? 0 : round((100 * part) / whole, 1);
}
