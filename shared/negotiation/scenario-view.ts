import type { Brief, IssueOutcome, Scenario, Side, ValueLever } from "../scenario/schema.js";

/**
 * The scenario as its parts are shown: the public face every seat (and a
 * stranger on the join screen) reads, and one seat's private brief. Which
 * viewer gets which is decided in visibility.ts.
 *
 * Both are built field by field (never by spreading the scenario), so a new
 * schema field reaches no seat until it is named here. Where each field goes
 * (docs/scenario-authoring.md, "Who sees what"):
 * - public: context, spec, issues (options, `price`, `words`, `secondSourceOnly`), the objective catalogue
 *   (without thresholds), risks with `mitigatedBy` and `mitigations`, phases, `agreement`;
 * - the seat's own brief: story, interests, scoring, BATNA, `money`, private facts, the levers it knows of
 *   (claim, figure, terms), its side's objective thresholds; its counterparts' too after the debrief;
 * - the trainer only (the year-later debrief shows what they produced): `valueLevers[].worth` and `yearOne`,
 *   `risks[].bites`, `stakeholder.tells` and `trustPenalty` (its `response` reaches only the sales seat that
 *   makes contact, through the log), `yearLater`, `secondSource`, alignments and coaching (their effects reach
 *   each seat in its debrief), market-event notes and `teachingNotes` (never a seat's, even after the debrief).
 */

/** For the trainer only: what to expect, the trap, the questions and what to show the room (visibility.ts: `readableTeachingNotes`). */
export type TeachingNotes = NonNullable<Scenario["teachingNotes"]>;

/** The scenario as every seat may read it: no briefs, no alignments, no coaching, no levers (risks with their answers are public). */
export interface PublicScenario {
  id: string;
  version: number;
  title: string;
  kind: Scenario["kind"];
  summary: string;
  durationMinutes: number;
  learningGoals: string[];
  context: string;
  spec?: string | undefined;
  seats: { id: string; side: Side; title: string; organisation: string; optional: boolean }[];
  issues: Scenario["issues"];
  /** The catalogue each side picks from (which ones a seat picked stays private). */
  objectives: { id: string; side: Side; label: string; description?: string | undefined }[];
  objectivesPerSide: number;
  /** Each risk with the deal terms and the concrete mitigations that answer it: the client offers them as answers. */
  risks: { id: string; category: string; title: string; description: string; mitigatedBy: IssueOutcome[]; mitigations: { id: string; text: string }[] }[];
  phases: Pick<Scenario["phases"][number], "id" | "kind" | "title" | "minutes" | "instructions" | "advance" | "moves">[];
  hasStakeholder: boolean;
  /** What the parties sign when they agree ("heads of terms", subject to "the CISO's security review"); absent: an agreement. */
  agreement?: { name: string; condition?: string | undefined } | undefined;
  /** A tender's split-award rule (the context states it to every bidder): which share the runner-up supplies after each award share. */
  secondSource?: { issue: string; remainder: Record<string, string | null> } | undefined;
}

/** Strips everything private from a scenario. */
export function publicScenario(s: Scenario): PublicScenario {
  return {
    id: s.id,
    version: s.version,
    title: s.title,
    kind: s.kind,
    summary: s.summary,
    durationMinutes: s.durationMinutes,
    learningGoals: s.learningGoals,
    context: s.context,
    spec: s.spec,
    seats: s.seats.map(({ id, side, title, organisation, optional }) => ({ id, side, title, organisation, optional })),
    issues: s.issues,
    objectives: s.objectives.map(({ id, side, label, description }) => ({ id, side, label, description })),
    objectivesPerSide: s.objectivesPerSide,
    risks: s.risks.map(({ id, category, title, description, mitigatedBy, mitigations }) => ({
      id,
      category,
      title,
      description,
      mitigatedBy: mitigatedBy.map(({ issue, options }) => ({ issue, options: [...options] })),
      mitigations: mitigations.map(({ id: mitigation, text }) => ({ id: mitigation, text })),
    })),
    // Which moves each side may make per phase is public: the client offers exactly what the server allows.
    phases: s.phases.map(({ id, kind, title, minutes, instructions, advance, moves }) => ({ id, kind, title, minutes, instructions, advance, moves })),
    hasStakeholder: s.stakeholder !== undefined,
    ...(s.agreement ? { agreement: { name: s.agreement.name, condition: s.agreement.condition } } : {}),
    ...(s.secondSource ? { secondSource: { issue: s.secondSource.issue, remainder: { ...s.secondSource.remainder } } } : {}),
  };
}

/** A value lever as a seat that knows it reads it: the claim, its honest range and the terms that carry it — not the model's `worth` and `yearOne`. */
export type BriefLever = Omit<ValueLever, "worth" | "yearOne">;

/**
 * What one seat privately knows: its brief (with its own `money` table), the
 * value levers it knows of, the money targets of its side's objectives, and
 * (for sales) the stakeholder it could contact.
 */
export interface PrivateBrief {
  seat: string;
  side: Side;
  brief: Brief;
  valueLevers: BriefLever[];
  /** Money thresholds of this seat's side's objectives, by objective id (in the brief's `money` unit). */
  thresholds: Record<string, { atLeast: number; label: string }>;
  stakeholder: { name: string; title: string } | null;
}

/** The private brief of one seat. */
export function privateBrief(s: Scenario, seatId: string): PrivateBrief | null {
  const seat = s.seats.find((x) => x.id === seatId);
  if (!seat) return null;
  const b = seat.brief;
  const thresholds: PrivateBrief["thresholds"] = {};
  for (const o of s.objectives) if (o.side === seat.side && o.threshold) thresholds[o.id] = { atLeast: o.threshold.atLeast, label: o.threshold.label };
  return {
    seat: seat.id,
    side: seat.side,
    brief: {
      story: b.story,
      interests: b.interests,
      scoring: b.scoring,
      batna: b.batna,
      ...(b.money ? { money: b.money } : {}),
      privateFacts: b.privateFacts,
      hopesToLearn: b.hopesToLearn,
    },
    valueLevers: s.valueLevers
      .filter((l) => l.knownTo.includes(seat.id))
      .map(({ id, category, title, claim, figure, knownTo, servesObjectives, realisedBy }) => ({ id, category, title, claim, ...(figure ? { figure } : {}), knownTo, servesObjectives, realisedBy })),
    thresholds,
    stakeholder: seat.side === "sales" && s.stakeholder ? { name: s.stakeholder.name, title: s.stakeholder.title } : null,
  };
}

/**
 * Strings only this seat's brief contains — its story, its BATNA and the
 * private facts it has not disclosed: tests prove no other socket receives them.
 */
export function privateMarkers(s: Scenario, seatId: string, disclosed: readonly string[] = []): string[] {
  const brief = privateBrief(s, seatId);
  if (!brief) return [];
  const facts = brief.brief.privateFacts.filter((f) => !disclosed.includes(f.id)).map((f) => f.text);
  return [brief.brief.story, brief.brief.batna.description, ...facts].map(plainRun).filter((m) => m.length >= 20);
}

/**
 * Strings only the teaching notes contain (a run of each part that no other
 * part of the scenario holds): tests prove no seat's socket receives them.
 */
export function teachingNoteMarkers(s: Scenario): string[] {
  const notes = s.teachingNotes;
  if (!notes) return [];
  const rest = JSON.stringify({ ...s, teachingNotes: undefined });
  return [notes.trap, notes.expected, ...notes.questions, ...notes.showTheRoom].map(plainRun).filter((m) => m.length >= 20 && !rest.includes(m));
}

/** The longest run of the text with nothing a JSON or YAML encoder would escape, capped at 48 characters. */
function plainRun(text: string): string {
  const runs = text.split(/["\\\n\r\t*_`#>\[\]]+/).map((r) => r.trim());
  return runs.reduce((a, b) => (b.length > a.length ? b : a), "").slice(0, 48);
}
