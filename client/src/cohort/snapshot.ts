import type { CohortSnapshot } from "./store.js";
import type { Banner, DashboardTable, Grouping, MarketNews, Me, RosterEntry, ScenarioNotes, SessionScenario } from "./types.js";

/** The cohort room's state as `toJSON()` gives it: payloads still JSON strings (docs/cohorts.md). */
export interface RawCohortView {
  viewer: string;
  me: string;
  roster: string;
  grouping: string;
  /** One JSON string per table, by table id, so a table's change patches only that table. */
  tables: Record<string, string> | string;
  /** Trainer only: JSON list of the scenarios' market events with their notes. */
  marketEvents?: string;
  /** Trainer only: JSON list of the scenarios' teaching notes. */
  teachingNotes?: string;
}
export interface RawCohortState {
  protocol: number;
  code: string;
  title: string;
  status: CohortSnapshot["status"];
  policy: string;
  scenarios: string;
  banner: string;
  participantCount: number;
  views: Record<string, RawCohortView>;
}

export const COHORT_TRAINER_VIEW = "#trainer";
const NO_NEWS: MarketNews[] = [];
const NO_NOTES: ScenarioNotes[] = [];

const parsed = new Map<string, unknown>();
/**
 * JSON.parse with a cache, so an unchanged string keeps the same object between patches (and React skips it).
 * The caller names the type the server wrote the string from; nothing checks it, as no server→client schema exists.
 */
function parseOnce<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  if (!parsed.has(text)) {
    try {
      parsed.set(text, JSON.parse(text));
    } catch {
      return fallback;
    }
  }
  const value = parsed.get(text);
  if (value === null || value === undefined) return fallback;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the server's own JSON of the contract's type; see above
  return value as T;
}

/** The plain snapshot the session screens read; `viewerKey` picks this client's one view. */
export function toCohortSnapshot(raw: RawCohortState, viewerKey: string | null): CohortSnapshot {
  const views = raw.views ?? {};
  const view = (viewerKey ? views[viewerKey] : undefined) ?? Object.values(views)[0];
  return {
    code: raw.code,
    title: raw.title,
    status: raw.status,
    policy: raw.policy,
    scenarios: parseOnce<SessionScenario[]>(raw.scenarios, []),
    banner: parseOnce<Banner | null>(raw.banner, null),
    participantCount: raw.participantCount ?? 0,
    me: parseOnce<Me | null>(view?.me, null),
    roster: parseOnce<RosterEntry[]>(view?.roster, []),
    grouping: parseOnce<Grouping | null>(view?.grouping, null),
    tables: tablesOf(view?.tables),
    marketEvents: parseOnce<MarketNews[]>(view?.marketEvents, NO_NEWS),
    teachingNotes: parseOnce<ScenarioNotes[]>(view?.teachingNotes, NO_NOTES),
  };
}

/** The dashboard's tables in table order (T1, T2, … T10), from a map of JSON strings (or one JSON list). */
function tablesOf(raw: RawCohortView["tables"] | undefined): DashboardTable[] {
  if (!raw) return [];
  const list = typeof raw === "string" ? parseOnce<DashboardTable[]>(raw, []) : Object.values(raw).map((text) => parseOnce<DashboardTable | null>(text, null)).filter((t): t is DashboardTable => t !== null);
  return sameTables(list);
}

let lastTables: DashboardTable[] = [];
/** The same array while no table changed, so a component selecting the list does not re-render on every patch. */
function sameTables(next: DashboardTable[]): DashboardTable[] {
  const sorted = [...next].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  if (sorted.length === lastTables.length && sorted.every((t, i) => t === lastTables[i])) return lastTables;
  lastTables = sorted;
  return sorted;
}
