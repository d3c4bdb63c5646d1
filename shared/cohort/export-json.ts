import type { LogEntry } from "../negotiation/events.js";
import type { NegotiationDebrief } from "../scoring/types.js";
import { exportRows, type CohortResults, type ExportRow } from "./export-rows.js";
import type { ParticipantFunction, PollAnswer, RolePolicy, TableResult } from "./types.js";

/**
 * The trainer's complete export: every table with its seating, debrief and
 * full transcript (the trainer's view: every entry), the perception poll,
 * and the CSV rows. Two things stay out unless asked for: participants'
 * names (`names`), and the free-text comment of the reflection survey
 * (`surveyComments`), which is addressed to the trainer alone and is the
 * part most likely to hold personal remarks.
 */

export interface JsonExportInput extends CohortResults {
  tables: readonly (TableResult & { log: readonly LogEntry[] })[];
  polls?: Readonly<Record<string, readonly PollAnswer[]>>;
  /** include display names (default: ids and functions only) */
  names?: boolean;
  /** keep the reflection survey's comments in the transcripts (default: removed) */
  surveyComments?: boolean;
  /** when the export was made, from the caller's clock (ISO 8601); null when not given */
  generatedAt?: string;
}

export interface CohortJsonExport {
  format: "negotiation-simulator/cohort-export";
  formatVersion: 1;
  sessionCode: string;
  generatedAt: string | null;
  participants: { id: string; function: ParticipantFunction; name?: string }[];
  polls: Record<string, PollAnswer[]>;
  tables: {
    table: string;
    scenarioId: string;
    scenarioVersion: number;
    policy: RolePolicy;
    seats: Record<string, string[]>;
    debrief: NegotiationDebrief | null;
    transcript: LogEntry[];
  }[];
  rows: ExportRow[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** The entry without the survey's comment (other entries are returned as they are). */
function withoutComment(entry: LogEntry): LogEntry {
  const answers = entry.payload.answers;
  if (entry.type !== "reflection.submit" || !isRecord(answers) || !("comment" in answers)) return entry;
  const { comment: _comment, ...rest } = answers;
  return { ...entry, payload: { ...entry.payload, answers: rest } };
}

/** Builds the JSON export document (serialise it with `JSON.stringify`). Pure: the input is not changed. */
export function exportJson(input: JsonExportInput): CohortJsonExport {
  const keep = new Set(input.participants.map((p) => p.id));
  const polls: Record<string, PollAnswer[]> = {};
  for (const [id, answers] of Object.entries(input.polls ?? {})) if (keep.has(id)) polls[id] = answers.map((a) => ({ ...a }));
  return {
    format: "negotiation-simulator/cohort-export",
    formatVersion: 1,
    sessionCode: input.sessionCode,
    generatedAt: input.generatedAt ?? null,
    participants: input.participants.map((p) => (input.names ? { id: p.id, function: p.function, name: p.name } : { id: p.id, function: p.function })),
    polls,
    tables: input.tables.map((t) => ({
      table: t.table.id,
      scenarioId: t.scenario.id,
      scenarioVersion: t.debrief?.scenarioVersion ?? t.scenario.version,
      policy: t.policy,
      seats: Object.fromEntries(Object.entries(t.table.seats).map(([seat, ids]) => [seat, [...ids]])),
      debrief: t.debrief,
      transcript: input.surveyComments ? [...t.log] : t.log.map(withoutComment),
    })),
    rows: exportRows(input),
  };
}
