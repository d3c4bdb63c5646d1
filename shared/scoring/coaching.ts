import type { Run } from "./context.js";
import type { CoachingTip, Coaching, Component, Metric, SeatDebrief } from "./types.js";

type Draft = Omit<SeatDebrief, "coaching" | "moments">;

interface Rule {
  id: string;
  /** the metric whose events justify the tip, or null when the rule does not fire */
  when: (d: Draft, run: Run) => Metric | null | undefined;
  text: string;
}

function part(score: { components: Component[] }, id: string): Component | undefined {
  return score.components.find((c) => c.id === id);
}

function scored(c: Component | undefined): Component | undefined {
  return c && (c.weight ?? 0) > 0 ? c : undefined;
}

const below = (c: Component | undefined, limit: number): Component | null => (c && c.value < limit ? c : null);

/** True when this seat walked away with nothing on the table above its BATNA. */
function walkedRight(d: Draft): boolean {
  return d.outcome.walkaway === "principled";
}

/** Rule-based tips, each fired by a metric of the seat's debrief; order = priority. No tip may contradict the outcome. */
const RULES: readonly Rule[] = [
  { id: "below-batna", when: (d) => (d.outcome.deal && d.outcome.surplus.value < 0 ? d.outcome.surplus : null), text: "You accepted less than your BATNA. Before the talks, write down your walk-away point and check every offer against it." },
  { id: "walkaway-right", when: (d) => (walkedRight(d) ? (part(d.trust, "process") ?? null) : null), text: "Walking away was the right call: nothing on the table beat your BATNA. Next time, say early and plainly what you would need to stay, so the other side can still find it." },
  { id: "missed-deal-zone", when: (d, run) => (!run.agreement && !walkedRight(d) && d.outcome.result === "no-deal" && (d.outcome.leftOnTable?.value ?? 0) > 0 ? (d.outcome.leftOnTable ?? null) : null), text: "A deal better than both BATNAs existed and was missed. Share what matters to you and trade across issues instead of holding out on each one." },
  { id: "logroll", when: (d) => ((d.outcome.jointOfMax?.value ?? 100) < 90 ? (d.outcome.jointOfMax ?? null) : null), text: "Points were left on the table. Find the issues the other side cares about more than you do, and trade them for the ones you care about more (logrolling)." },
  { id: "three-objectives", when: (d) => (d.alignment.slimChance && !d.outcome.deal ? d.alignment.misaligned : null), text: "Most objectives on both sides clashed. Look for shared objectives early — value creation, risk management — or expect a very slim chance of a deal." },
  { id: "three-objectives-bridged", when: (d) => (d.alignment.slimChance && d.outcome.deal ? d.alignment.misaligned : null), text: "Most objectives on both sides clashed, and a deal was still found. Note what bridged them: that is the lesson to take to the next negotiation." },
  { id: "bypass", when: (d) => below(part(d.trust, "bypass"), 0), text: "Going around procurement to a business stakeholder cost you trust. Treat procurement as one more stakeholder with its own agenda, not a barrier to avoid." },
  { id: "overclaim-or-retraction", when: (d) => below(part(d.trust, "consistency"), 100), text: "Keep your word and your figures: do not offer the other side less than you already had, and keep value claims within what you can prove." },
  { id: "ultimatum-or-walkout", when: (d) => below(part(d.trust, "process"), 100), text: "Ultimatums and walk-outs close doors. Save a final offer for the end of a real exchange, and say once what would make the deal work." },
  { id: "reciprocate", when: (d) => below(scored(d.offers.reciprocity), 50), text: "When the other side moves, move too: an unanswered concession teaches them to stop conceding." },
  { id: "hardball-partnership", when: (d, run) => (run.scenario.kind === "strategic-partnership" ? below(part(d.style.fit, "hardball-cost"), 100) : null), text: "Hardball belongs to commodity bids. In a strategic partnership, build trust and take your time: trust takes time to build." },
  { id: "tender-discipline", when: (d, run) => (run.scenario.kind === "commodity-bid" ? below(part(d.style.fit, "tender-discipline"), 100) : null), text: "In a tender the process is the relationship: the same information to every bidder, rounds that run to the rules, no invented competing bids and no side-channel to the plant." },
  { id: "frame-tco", when: (d) => below(scored(part(d.valueFraming, "tco-share")), 50), text: "Translate your offer into total cost of ownership — freight, consumption, working capital, productivity — with a figure the buyer can show their boss." },
  { id: "quantify", when: (d) => below(scored(part(d.valueFraming, "quantified")), 50), text: "Quantify your value claims (\"about 7 % of freight spend\") within what your data supports, and give the figure in the claim itself; numbers beat adjectives." },
  { id: "discover", when: (d) => below(scored(part(d.valueFraming, "questions")), 60), text: "Ask before you bargain: questions on distinct topics — the supplier's capacity, costs, ideas, the risks you see — reveal value beyond price." },
  { id: "risk", when: (d) => (d.risk && d.risk.unanswered.length > 0 ? d.risk.coverage : null), text: "A risk was raised and left unanswered. When operational, financial or information-security alarm bells ring, answer them with a concrete mitigation before talking money." },
  { id: "disclose", when: (d) => below(scored(part(d.trust, "transparency")), 25), text: "Share a little to learn a lot: a well-chosen disclosure or a straight answer invites openness in return." },
];

/**
 * Coaching for one seat: the scenario's own coaching lines for the seat's
 * side, its summary and key lessons, and the rule-based tips its metrics
 * trigger (each tip carries the events that triggered it).
 */
export function coachingFor(run: Run, draft: Draft): Coaching {
  const tips: CoachingTip[] = [];
  for (const rule of RULES) {
    const m = rule.when(draft, run);
    if (m) tips.push({ id: rule.id, text: rule.text, events: m.events });
  }
  const c = run.scenario.coaching;
  return { summary: c.summary, lines: [...c[draft.side]], keyLessons: [...c.keyLessons], tips };
}
