import type { Side } from "../scenario/schema.js";
import { mean, roundTo } from "./placement.js";
import { seatScores, type SeatRecord } from "./seat-records.js";
import { PARTICIPANT_FUNCTIONS, POLL_STAGES, ROLE_POLICIES, type Participant, type ParticipantFunction, type PollAnswer, type PollStage, type RolePolicy } from "./types.js";

/**
 * The plenary's group figures: score averages by role, by placement (role
 * reversed or not) and by policy, and the perception poll by function.
 * With names hidden, a group of fewer than MIN_GROUP people shows its size
 * only: one person's scores or words on the projector would be theirs.
 */

export const MIN_GROUP = 2;

export interface Averages {
  n: number;
  /** true when the group is too small to show with names hidden; the figures are then null */
  suppressed: boolean;
  trust: number | null;
  valueFraming: number | null;
  /** goal alignment, % of own objectives aligned with the counterpart's */
  alignment: number | null;
}

export interface AverageBreakdown {
  byRole: ({ role: Side } & Averages)[];
  /** reversed: people who sat on the other side from their function; ownSide: the rest ("other" and bots are in neither) */
  byPlacement: ({ placement: "reversed" | "own-side" } & Averages)[];
  byPolicy: ({ policy: RolePolicy } & Averages)[];
}

export interface WordCount {
  word: string;
  count: number;
}

export interface PerceptionGroup {
  function: ParticipantFunction | "all";
  stage: PollStage;
  respondents: number;
  suppressed: boolean;
  /** most frequent first, then alphabetical; words are trimmed and lower-cased */
  words: WordCount[];
  /** mean of the 1–7 attitude item ("Procurement can be sales' friend"), 2 decimals */
  meanAttitude: number | null;
}

function average(records: readonly SeatRecord[], showNames: boolean): Averages {
  const scored = records.flatMap((r) => (r.debrief && r.participant ? [seatScores(r.debrief)] : []));
  const suppressed = !showNames && scored.length > 0 && scored.length < MIN_GROUP;
  const m = (values: (number | null)[]) => {
    const avg = mean(values.filter((v): v is number => v !== null));
    return suppressed || avg === null ? null : roundTo(avg, 1);
  };
  return {
    n: scored.length,
    suppressed,
    trust: m(scored.map((s) => s.trust)),
    valueFraming: m(scored.map((s) => s.valueFraming)),
    alignment: m(scored.map((s) => s.alignment)),
  };
}

/** Averages of the people (not bots) at finished tables; a shared seat counts once per person in it. */
export function averageBreakdown(records: readonly SeatRecord[], showNames: boolean): AverageBreakdown {
  const policies = ROLE_POLICIES.filter((p) => records.some((r) => r.result.policy === p));
  return {
    byRole: (["procurement", "sales"] as const).map((role) => ({ role, ...average(records.filter((r) => r.seat.side === role), showNames) })),
    byPlacement: [
      { placement: "reversed" as const, ...average(records.filter((r) => r.reversed === true), showNames) },
      { placement: "own-side" as const, ...average(records.filter((r) => r.reversed === false), showNames) },
    ],
    byPolicy: policies.map((policy) => ({ policy, ...average(records.filter((r) => r.result.policy === policy), showNames) })),
  };
}

function normalise(word: string): string {
  return word.trim().toLowerCase().replace(/\s+/g, " ");
}

function perceptionGroup(fn: PerceptionGroup["function"], stage: PollStage, answers: readonly PollAnswer[], showNames: boolean): PerceptionGroup {
  const suppressed = !showNames && answers.length > 0 && answers.length < MIN_GROUP;
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(normalise(a.word), (counts.get(normalise(a.word)) ?? 0) + 1);
  const words = [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const avg = mean(answers.map((a) => a.attitude));
  return {
    function: fn,
    stage,
    respondents: answers.length,
    suppressed,
    words: suppressed ? [] : words,
    meanAttitude: suppressed || avg === null ? null : roundTo(avg, 2),
  };
}

/**
 * The perception poll before and after, for everyone and by function. A
 * participant's latest answer of each stage counts; answers of people not in
 * `participants` are ignored. Functions without any answer are left out.
 */
export function perception(participants: readonly Participant[], polls: Readonly<Record<string, readonly PollAnswer[]>>, showNames: boolean): PerceptionGroup[] {
  const latest = (p: Participant, stage: PollStage) => (polls[p.id] ?? []).filter((a) => a.stage === stage).at(-1);
  const groups: PerceptionGroup[] = [];
  for (const fn of ["all", ...PARTICIPANT_FUNCTIONS] as const) {
    const members = participants.filter((p) => fn === "all" || p.function === fn);
    const answered = POLL_STAGES.map((stage) => members.flatMap((p) => latest(p, stage) ?? []));
    if (answered.every((a) => a.length === 0)) continue;
    POLL_STAGES.forEach((stage, i) => groups.push(perceptionGroup(fn, stage, answered[i] ?? [], showNames)));
  }
  return groups;
}
