import type { TableSummary } from "../../../shared/cohort/dashboard.js";
/**
 * The cohort room's synced state and messages as docs/cohorts.md names them,
 * in the plain shapes the screens read. The participant, grouping and plenary
 * shapes come from shared/cohort; what only the room adds (the dashboard's
 * table cards, a participant's own record) is described here.
 */

import type { Participant, ParticipantFunction, PollStage, RolePolicy } from "../../../shared/cohort/types.js";
import type { PublicScenario, TeachingNotes } from "../../../shared/negotiation/visibility.js";

export type { Grouping, Participant, ParticipantFunction, PollStage, RolePolicy, Table } from "../../../shared/cohort/types.js";
export type { TableFlag } from "../../../shared/cohort/dashboard.js";

// Values, not only types, are spelled out here: shared/cohort/types.ts brings zod, which must stay out of Home's first download.
export const FUNCTIONS = ["sales", "procurement", "other"] as const satisfies readonly ParticipantFunction[];
export const FUNCTION_LABEL: Record<ParticipantFunction, string> = {
  sales: "Sales",
  procurement: "Procurement",
  other: "Other",
};

export const POLICY_TEXT: Record<RolePolicy, { label: string; line: string }> = {
  "self-select": { label: "Self-select", line: "Each participant says which side they would like to play when they join; no preference means their own function's side." },
  balanced: { label: "Balanced", line: "People keep their own function's side, and every table mixes functions." },
  "role-reversal": { label: "Role reversal", line: "Sales people play procurement and procurement people play sales." },
  random: { label: "Random", line: "Seats are drawn at random, whatever each person's function." },
};
export const POLICIES = ["self-select", "balanced", "role-reversal", "random"] as const satisfies readonly RolePolicy[];

/**
 * Where a participant sits once the tables are open: the seat token joins that
 * negotiation as usual. Two people sharing a seat share its first holder's
 * screen: the other one's token is null and `shares` names who they sit with.
 */
export interface Assignment {
  table: string;
  code: string;
  seat: string;
  shares: string[];
  token: string | null;
}

/** A participant's own record (`me`). */
export interface Me extends Participant {
  polls: PollStage[];
  assignment: Assignment | null;
}

/** One line of the trainer's roster: a participant and the poll stages they answered. */
export interface RosterEntry extends Participant {
  polls: PollStage[];
}

/** One table of the dashboard, live from its negotiation: its label and the summary its room publishes. */
export type DashboardTable = TableSummary & { id: string };

/** A scenario of the session as the room lists it: enough to label tables and their seats. */
export type SessionScenario = Pick<PublicScenario, "id" | "title" | "kind" | "durationMinutes" | "seats">;

/** A market event a scenario defines, with the trainer-only note (trainer view's `marketEvents`). */
export interface MarketNews {
  scenarioId: string;
  id: string;
  title: string;
  text: string;
  note: string;
}

/** One scenario's teaching notes (trainer view's `teachingNotes`). */
export interface ScenarioNotes {
  scenarioId: string;
  title: string;
  notes: TeachingNotes;
}

export interface Banner {
  text: string;
  at: number;
}

export type CohortControl =
  | { type: "group.auto" }
  | { type: "group.move"; participant: string; table: string; seat: string }
  | { type: "tables.open" }
  | { type: "start"; table?: string }
  | { type: "pause"; table?: string }
  | { type: "resume"; table?: string }
  | { type: "extend"; table?: string; minutes: number }
  | { type: "broadcast"; text: string }
  | { type: "market"; event: string; table?: string }
  | { type: "end" };

export interface CohortReply {
  ref: string;
  ok: boolean;
  code?: string;
  message?: string;
  data?: unknown;
}
