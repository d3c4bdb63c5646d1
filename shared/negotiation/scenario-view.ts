import type { Brief, IssueOutcome, Scenario, Side, ValueLever } from "../scenario/schema.js";

/**
 * The scenario as its parts are shown: the public face every seat (and a
 * stranger on the join screen) reads, and one seat's private brief. Which
 * viewer gets which is decided in visibility.ts.
 */

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
  };
}

/** What one seat privately knows: its brief, the value levers it knows of, and (for sales) the stakeholder it could contact. */
export interface PrivateBrief {
  seat: string;
  side: Side;
  brief: Brief;
  valueLevers: ValueLever[];
  stakeholder: { name: string; title: string } | null;
}

/** The private brief of one seat. */
export function privateBrief(s: Scenario, seatId: string): PrivateBrief | null {
  const seat = s.seats.find((x) => x.id === seatId);
  if (!seat) return null;
  return {
    seat: seat.id,
    side: seat.side,
    brief: seat.brief,
    valueLevers: s.valueLevers.filter((l) => l.knownTo.includes(seat.id)),
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

/** The longest run of the text with nothing a JSON or YAML encoder would escape, capped at 48 characters. */
function plainRun(text: string): string {
  const runs = text.split(/["\\\n\r\t*_`#>\[\]]+/).map((r) => r.trim());
  return runs.reduce((a, b) => (b.length > a.length ? b : a), "").slice(0, 48);
}
