import type { Component, SeatDebrief } from "./types.js";

/**
 * The first screen of a debrief, in a manager's words: three things that went
 * well and three to change, each with the log entries behind it. Pure: it
 * reads one seat's own debrief and nothing else, so it can never carry
 * another seat's scores or survey answers.
 *
 * - Went well: the result itself when it was good (a deal above the BATNA,
 *   with the joint result when it came near the best possible; a principled
 *   walk-away), then the seat's highest score components that reward
 *   substance (a question, a disclosure, a quantified argument…) and have
 *   moves behind them.
 *   A component a coaching tip names is never also a strength.
 * - To change: the coaching tips, in their priority order; when there are
 *   fewer than three, the weakest substantive components fill the list.
 */

export interface SummaryPoint {
  /** stable key: a component id, a coaching tip id, or an outcome key ("deal-above-batna"…) */
  id: string;
  /** a short plain heading ("You asked before you bargained") */
  title: string;
  /** one or two sentences with the figures */
  text: string;
  /** seqs of the log entries behind it (the viewer's numbering), best first */
  events: number[];
}

export interface DebriefSummary {
  wentWell: SummaryPoint[];
  toChange: SummaryPoint[];
}

/** Components that reward moves of substance: their events are good moments, so a high value is a strength. */
const STRENGTH_TITLE: Readonly<Record<string, string>> = {
  transparency: "You were open with the other side",
  reciprocity: "You answered their concessions with your own",
  questions: "You asked before you bargained",
  topics: "You explored value and risk, not only price",
  "non-price-deal": "The deal secures value beyond price",
  "tco-share": "You argued value, not price",
  quantified: "You put figures on your value claims",
  "objective-fit": "Your arguments served the buyer's own goals",
  "trust-building": "You built trust with moves of substance",
  "risk-coverage": "You dealt with the risks",
};

/** The same components when weak: what to do differently. */
const CHANGE_TITLE: Readonly<Record<string, string>> = {
  transparency: "Share a little to learn a lot",
  reciprocity: "Answer a concession with a concession",
  questions: "Ask more before you bargain",
  topics: "Explore value and risk, not only price",
  "non-price-deal": "Secure value beyond price in the deal",
  "tco-share": "Argue total cost, not price",
  quantified: "Put figures on your value claims",
  "objective-fit": "Argue what serves the buyer's goals",
  "trust-building": "Build trust with moves of substance",
  "risk-coverage": "Answer the risks that are raised",
};

/** Short headings for the coaching tips (shared/scoring/coaching.ts); a tip not listed uses its first sentence. */
const TIP_TITLE: Readonly<Record<string, string>> = {
  "below-batna": "Never accept less than your BATNA",
  "walkaway-right": "Say early what would make you stay",
  "missed-deal-zone": "A deal better for both of you was missed",
  logroll: "Trade the issues you care less about",
  "three-objectives": "Look for shared objectives early",
  bypass: "Do not go around procurement",
  "overclaim-or-retraction": "Keep your word and your figures",
  "ultimatum-or-walkout": "Save ultimatums for the end, if at all",
  reciprocate: "Answer a concession with a concession",
  "hardball-partnership": "Leave hardball out of a partnership",
  "tender-discipline": "Run the tender to its rules",
  "frame-tco": "Argue total cost, not price",
  quantify: "Put figures on your value claims",
  discover: "Ask more before you bargain",
  risk: "Answer the risks that are raised",
  disclose: "Share a little to learn a lot",
};

/** The components each tip is about: a component a tip names is not also listed as a strength. */
const TIP_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  reciprocate: ["reciprocity"],
  "hardball-partnership": ["trust-building"],
  "frame-tco": ["tco-share"],
  quantify: ["quantified"],
  discover: ["questions", "topics"],
  risk: ["risk-coverage"],
  disclose: ["transparency"],
  logroll: ["non-price-deal"],
};

/** Tips that praise rather than correct: they are read among the things that went well. */
const PRAISE_TIPS: ReadonlySet<string> = new Set(["three-objectives-bridged"]);

const STRONG = 60;
const WEAK = 50;

interface Candidate extends SummaryPoint {
  value: number;
  weight: number;
}

/** Every substantive, weighted component of the seat's scores, with risk coverage as one more. */
function components(d: SeatDebrief): Component[] {
  const all = [...d.trust.components, ...d.valueFraming.components, ...d.style.fit.components, d.offers.reciprocity];
  if (d.risk) all.push({ ...d.risk.coverage, id: "risk-coverage", weight: 1 });
  const seen = new Set<string>();
  return all.filter((c) => {
    if (seen.has(c.id) || !(c.id in STRENGTH_TITLE) || (c.weight ?? 0) <= 0) return false;
    seen.add(c.id);
    return true;
  });
}

const round = (v: number) => Math.round(v * 10) / 10;

/** What the result itself says went well. */
function outcomeStrengths(d: SeatDebrief): Candidate[] {
  const o = d.outcome;
  const out: Candidate[] = [];
  if (o.walkaway === "principled") {
    out.push({ id: "walkaway-principled", title: "You walked away at the right moment", text: `Nothing on the table beat your BATNA of ${o.batna.value} points, and you did not settle for less.`, events: o.batna.events, value: 100, weight: 2 });
  }
  if ((o.deal || o.result === "second-source") && o.surplus.value > 0) {
    const best = o.jointOfMax && o.jointOfMax.value >= 90 ? ` Together you reached ${round(o.jointOfMax.value)} % of the best joint result the scenario allowed.` : "";
    out.push({
      id: "deal-above-batna", title: best ? "A deal better than your alternative, with value for both sides" : "A deal better than your alternative",
      text: `The agreement is worth ${o.ownPoints.value} points to you, ${round(o.surplus.value)} more than your BATNA of ${o.batna.value}.${best}`,
      events: o.ownPoints.events, value: 100, weight: 2,
    });
  }
  return out;
}

const firstSentence = (text: string) => /^(.*?[.!?])(\s|$)/.exec(text)?.[1] ?? text;

/** The "went well / to change" picks of one seat's debrief, three of each at most. */
export function summarise(d: SeatDebrief, max = 3): DebriefSummary {
  const tips = d.coaching.tips.filter((t) => !PRAISE_TIPS.has(t.id));
  const criticised = new Set(tips.flatMap((t) => TIP_COMPONENTS[t.id] ?? []));
  const parts = components(d);

  const fromComponents: Candidate[] = parts
    .filter((c) => c.value >= STRONG && c.events.length > 0 && !criticised.has(c.id))
    .map((c) => ({ id: c.id, title: STRENGTH_TITLE[c.id] ?? c.label, text: c.explanation, events: c.events, value: c.value, weight: c.weight ?? 0 }));
  const praise: Candidate[] = d.coaching.tips
    .filter((t) => PRAISE_TIPS.has(t.id))
    .map((t) => ({ id: t.id, title: firstSentence(t.text), text: t.text, events: t.events, value: 100, weight: 1 }));
  const byStrength = (a: Candidate, b: Candidate) => b.value - a.value || b.weight - a.weight || b.events.length - a.events.length;
  const strengths = [...outcomeStrengths(d), ...praise, ...fromComponents.sort(byStrength)].slice(0, max);

  const changes: SummaryPoint[] = tips.slice(0, max).map((t) => ({ id: t.id, title: TIP_TITLE[t.id] ?? firstSentence(t.text), text: t.text, events: t.events }));
  if (changes.length < max) {
    const covered = new Set([...criticised, ...strengths.map((s) => s.id)]);
    const weak = parts.filter((c) => c.value < WEAK && !covered.has(c.id)).sort((a, b) => a.value - b.value || (b.weight ?? 0) - (a.weight ?? 0));
    for (const c of weak.slice(0, max - changes.length)) changes.push({ id: c.id, title: CHANGE_TITLE[c.id] ?? c.label, text: c.explanation, events: c.events });
  }
  return { wentWell: strengths.map(({ id, title, text, events }) => ({ id, title, text, events })), toChange: changes };
}
