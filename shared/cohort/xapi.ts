import type { LogEntry } from "../negotiation/events.js";
import type { CohortResults } from "./export-rows.js";
import { byId, roundTo, seatScale } from "./placement.js";
import { seatRecords, seatScores, type SeatRecord } from "./seat-records.js";
import type { TableResult } from "./types.js";
import { URL_NAMESPACE, uuidV5 } from "./uuid.js";

/**
 * xAPI 1.0.3 statements for a learning record store: one "completed"
 * statement per person per seat of every finished negotiation.
 *
 * - actor: an Agent identified by an account on this server (homePage: the
 *   server's origin, name: the participant id) — never an email; the
 *   display name only as `name`, and only when `names` is not false.
 * - object: the scenario, as an Activity `<origin>/scenarios/<id>` of type
 *   simulation.
 * - result: the seat's own points as `score.raw` on the seat's scale
 *   (`min`/`max`: its worst and best package, widened to include its BATNA);
 *   `scaled` = (raw − min) / (max − min), so 0–1; `success` = a deal for this
 *   seat; trust, value framing, goal alignment and risk coverage (0–100) as
 *   extensions `<origin>/xapi/extensions/<name>`.
 * - context: registration = the session (a UUID derived from its code), the
 *   session as parent activity, and extensions for session code, table,
 *   scenario, version, seat, role, policy and reversal.
 * - id: a version 5 UUID of origin, session, table, seat, participant and
 *   scenario version — the same statement always gets the same id.
 * - timestamp: when the negotiation ended, from its log.
 */

export const XAPI_COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
export const XAPI_SIMULATION = "http://adlnet.gov/expapi/activities/simulation";

type LanguageMap = Record<string, string>;

export interface XapiStatement {
  id: string;
  actor: { objectType: "Agent"; name?: string; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: { objectType: "Activity"; id: string; definition: { name: LanguageMap; description: LanguageMap; type: string } };
  result: {
    score: { scaled: number; raw: number; min: number; max: number } | { raw: number };
    success: boolean;
    completion: true;
    extensions: Record<string, number>;
  };
  context: {
    registration: string;
    platform: string;
    language: string;
    contextActivities: { parent: { objectType: "Activity"; id: string }[] };
    extensions: Record<string, string | number | boolean>;
  };
  timestamp?: string;
}

export interface XapiExportInput extends CohortResults {
  /** the server's origin, e.g. "https://negotiate.example.org" */
  origin: string;
  tables: readonly (TableResult & { log: readonly LogEntry[] })[];
  /** put display names in `actor.name` (default true) */
  names?: boolean;
}

/** The scheme, host and port of `origin`; throws unless it is an absolute http(s) URL. */
function originOf(origin: string): string {
  const url = URL.canParse(origin) ? new URL(origin) : null;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) throw new Error(`"${origin}" is not an http(s) origin`);
  return url.origin;
}

/** The IRI of one of our xAPI extensions, e.g. xapiExtension(origin, "trust"). */
export function xapiExtension(origin: string, name: string): string {
  return `${originOf(origin)}/xapi/extensions/${name}`;
}

/** When the negotiation ended: its `negotiation.ended` entry, else its last entry; undefined for an empty log. */
function endedAt(log: readonly LogEntry[], endedSeq: number | null): number | undefined {
  const ended = log.find((e) => e.seq === endedSeq);
  if (ended) return ended.at;
  return log.length > 0 ? Math.max(...log.map((e) => e.at)) : undefined;
}

function score(record: SeatRecord, raw: number): XapiStatement["result"]["score"] {
  const { min, max } = seatScale(record.result.scenario, record.seat);
  if (max <= min) return { raw };
  return { scaled: roundTo((raw - min) / (max - min), 4), raw, min, max };
}

function statement(input: XapiExportInput, origin: string, record: SeatRecord, log: readonly LogEntry[]): XapiStatement[] {
  const { participant, debrief, result } = record;
  if (!participant || !debrief) return [];
  const ns = uuidV5(origin, URL_NAMESPACE);
  const ext = (name: string) => `${origin}/xapi/extensions/${name}`;
  const scores = seatScores(debrief);
  const extensions: Record<string, number> = { [ext("trust")]: scores.trust, [ext("value-framing")]: scores.valueFraming };
  if (scores.alignment !== null) extensions[ext("goal-alignment")] = scores.alignment;
  if (scores.riskCoverage !== null) extensions[ext("risk-coverage")] = scores.riskCoverage;
  const version = result.debrief?.scenarioVersion ?? result.scenario.version;
  const context: XapiStatement["context"]["extensions"] = {
    [ext("session")]: input.sessionCode,
    [ext("table")]: result.table.id,
    [ext("scenario")]: result.scenario.id,
    [ext("scenario-version")]: version,
    [ext("seat")]: record.seat.id,
    [ext("role")]: record.seat.side,
    [ext("policy")]: result.policy,
  };
  if (record.reversed !== null) context[ext("reversed")] = record.reversed;
  const at = endedAt(log, result.debrief?.outcome.endedSeq ?? null);
  const names = input.names ?? true;
  return [
    {
      id: uuidV5([input.sessionCode, result.table.id, record.seat.id, participant.id, `${result.scenario.id}@${version}`].join("\n"), ns),
      actor: { objectType: "Agent", ...(names ? { name: participant.name } : {}), account: { homePage: origin, name: participant.id } },
      verb: { id: XAPI_COMPLETED, display: { "en-US": "completed" } },
      object: {
        objectType: "Activity",
        id: `${origin}/scenarios/${encodeURIComponent(result.scenario.id)}`,
        definition: { name: { en: result.scenario.title }, description: { en: result.scenario.summary }, type: XAPI_SIMULATION },
      },
      result: { score: score(record, debrief.outcome.ownPoints.value), success: debrief.outcome.deal, completion: true, extensions },
      context: {
        registration: uuidV5(`session\n${input.sessionCode}`, ns),
        platform: "Negotiation simulator",
        language: "en",
        contextActivities: { parent: [{ objectType: "Activity", id: `${origin}/sessions/${encodeURIComponent(input.sessionCode)}` }] },
        extensions: context,
      },
      ...(at === undefined ? {} : { timestamp: new Date(at).toISOString() }),
    },
  ];
}

/** The statements of every finished table, in table and seat order (see the module comment). Throws on an origin that is not http(s). */
export function exportXapi(input: XapiExportInput): XapiStatement[] {
  const origin = originOf(input.origin);
  const people = byId(input.participants);
  return input.tables.flatMap((t) => seatRecords(t, people).flatMap((r) => statement(input, origin, r, t.log)));
}
