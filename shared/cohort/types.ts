import type { Scenario } from "../scenario/schema.js";
import type { NegotiationDebrief } from "../scoring/types.js";

/**
 * The domain of a facilitated cohort (on screen: a session): who takes part,
 * how they are grouped into tables, and the perception poll. Plain data, so
 * the server can persist it and the client can render it as it is. No zod
 * here, so a client screen can import these constants cheaply; the schemas
 * for input from the wire are in schemas.ts.
 */

/** A participant's job outside the training: the lens they bring to the table. */
export const PARTICIPANT_FUNCTIONS = ["sales", "procurement", "other"] as const;
export type ParticipantFunction = (typeof PARTICIPANT_FUNCTIONS)[number];

export interface Participant {
  id: string;
  /** Display name, as the participant typed it. Shown to the trainer; on the projector only when names are shown. */
  name: string;
  function: ParticipantFunction;
}

/**
 * How seats are given out (grouping.ts has the rules in words):
 * self-select honours the seat each participant asked for; balanced keeps
 * people on their own function's side and mixes functions at every table;
 * role-reversal puts sales people on procurement seats and vice versa;
 * random is a seeded shuffle.
 */
export const ROLE_POLICIES = ["self-select", "balanced", "role-reversal", "random"] as const;
export type RolePolicy = (typeof ROLE_POLICIES)[number];

/**
 * One negotiation of the cohort. `seats` lists every seat of the scenario
 * (optional ones included) with the participants in it: none (empty: a bot
 * may fill it), one, or two sharing the seat.
 */
export interface Table {
  /** A short label for the room and the projector: "T1", "T2"… */
  id: string;
  scenarioId: string;
  seats: Record<string, string[]>;
}

/** Most people one seat holds. */
export const MAX_PER_SEAT = 2;

export interface Grouping {
  tables: Table[];
  /** Participants not at any table (late arrivals, or moved out by the trainer). */
  unassigned: string[];
  /** Plain sentences for the trainer: empty seats, shared seats, who could not be placed as the policy wanted. */
  notes: string[];
}

/** The statement of the attitude item, rated 1 (strongly disagree) to 7 (strongly agree). */
export const ATTITUDE_STATEMENT = "Procurement can be sales' friend";

export const POLL_STAGES = ["before", "after"] as const;
export type PollStage = (typeof POLL_STAGES)[number];

/** One answer to the perception poll: one word for procurement, and the attitude item (1–7). */
export interface PollAnswer {
  stage: PollStage;
  word: string;
  attitude: number;
}

/**
 * A table's negotiation as the plenary and the exports read it: the table,
 * its scenario, the policy its seats were given out by, and the debrief
 * (null while the talks run).
 */
export interface TableResult {
  table: Table;
  scenario: Scenario;
  debrief: NegotiationDebrief | null;
  policy: RolePolicy;
}
