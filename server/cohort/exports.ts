import { exportCsv, exportJson, exportRows, exportXapi, type CohortJsonExport, type XapiStatement } from "../../shared/cohort/export.js";
import { POLL_STAGES, ROLE_POLICIES, type Grouping, type Participant, type PollAnswer, type TableResult } from "../../shared/cohort/types.js";
import type { LogEntry } from "../../shared/negotiation/events.js";
import type { NegotiationDebrief } from "../../shared/scoring/types.js";
import type { ServerServices } from "../services.js";
import type { CohortRecord } from "../storage/cohort-store.js";

export interface CohortExports {
  csv(): string;
  json(): CohortJsonExport;
  xapi(): XapiStatement[];
}

/**
 * A cohort's results read from storage once, ready for each export format
 * (the formats themselves are pure, in shared/cohort/export.ts). Display
 * names go into the JSON and xAPI files (the LMS needs who did it), never
 * survey comments.
 */
export async function cohortExports(s: ServerServices, cohort: CohortRecord, origin: string): Promise<CohortExports> {
  const participants: Participant[] = (await s.store.cohorts.listParticipants(cohort.id)).map((p) => ({ id: p.id, name: p.displayName, function: p.function }));
  const polls: Record<string, PollAnswer[]> = {};
  for (const p of await s.store.cohorts.listParticipants(cohort.id)) polls[p.id] = p.polls.filter(isPoll);
  const stored = cohort.grouping;
  const grouping = typeof stored === "object" && stored !== null && "grouping" in stored ? stored.grouping : null;
  const codes = typeof stored === "object" && stored !== null && "codes" in stored && typeof stored.codes === "object" && stored.codes !== null ? stored.codes : {};
  const policy = ROLE_POLICIES.find((x) => x === cohort.policy) ?? "balanced";
  const tables: (TableResult & { log: readonly LogEntry[] })[] = [];
  for (const table of tablesOf(grouping)) {
    const code: unknown = Object.entries(codes).find(([id]) => id === table.id)?.[1];
    const scenario = s.scenarios.get(table.scenarioId);
    if (typeof code !== "string" || !scenario) continue;
    const debrief = await s.store.getDebrief<NegotiationDebrief>(code);
    tables.push({ table, scenario, debrief, policy, log: await s.store.listEntries(code) });
  }
  const results = { sessionCode: cohort.id, tables, participants };
  return {
    csv: () => exportCsv(exportRows(results)),
    json: () => exportJson({ ...results, polls, names: true, generatedAt: new Date().toISOString() }),
    xapi: () => exportXapi({ ...results, origin }),
  };
}

function tablesOf(grouping: unknown): Grouping["tables"] {
  if (typeof grouping !== "object" || grouping === null || !("tables" in grouping) || !Array.isArray(grouping.tables)) return [];
  return grouping.tables.filter((t: unknown): t is Grouping["tables"][number] => typeof t === "object" && t !== null && "id" in t && "scenarioId" in t && "seats" in t);
}

function isPoll(x: unknown): x is PollAnswer {
  return typeof x === "object" && x !== null && "stage" in x && POLL_STAGES.some((s) => s === x.stage);
}
