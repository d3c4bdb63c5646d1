import { create } from "zustand";
import type { ConnectionStatus } from "../store/store.js";
import type { Banner, DashboardTable, Grouping, MarketNews, Me, RosterEntry, ScenarioNotes, SessionScenario } from "./types.js";

/**
 * The session (cohort) store, beside the negotiation store: its own adapter
 * (CohortConnection.ts) writes plain read-only snapshots here from outside
 * React. A participant moved to their table stays joined here too, so the
 * session screen is current when they come back for the after poll.
 */

export interface CohortSnapshot {
  code: string;
  title: string;
  status: "setup" | "running" | "ended";
  policy: string;
  scenarios: SessionScenario[];
  banner: Banner | null;
  participantCount: number;
  /** A participant's own record; null for the trainer. */
  me: Me | null;
  /** The trainer's view: everyone who joined, the grouping, and the live tables. Empty for a participant. */
  roster: RosterEntry[];
  grouping: Grouping | null;
  tables: DashboardTable[];
  /** The trainer's view: the scenarios' market events, with their notes. Empty for a participant. */
  marketEvents: MarketNews[];
  /** The trainer's view: the scenarios' teaching notes. Empty for a participant. */
  teachingNotes?: ScenarioNotes[];
}

export interface CohortState {
  status: ConnectionStatus;
  problem: string | null;
  me: { role: "participant" | "trainer"; participantId: string | null; token: string | null; code: string } | null;
  session: CohortSnapshot | null;
  /** The trainer opened the plenary (projector) view rather than the dashboard. */
  screen: "dashboard" | "plenary" | "participant";
  /** The server's refusal of the latest request from each place in the UI (by origin). */
  errors: Record<string, string>;
  busy: Record<string, boolean>;
}

export const initialCohortState: CohortState = {
  status: "idle",
  problem: null,
  me: null,
  session: null,
  screen: "participant",
  errors: {},
  busy: {},
};

export const useCohortStore = create<CohortState>()(() => ({ ...initialCohortState }));

export function resetCohortStore(): void {
  useCohortStore.setState({ ...initialCohortState }, true);
}

/** The refusal shown at one place in the session screens. */
export function useCohortError(origin: string): string | undefined {
  return useCohortStore((s) => s.errors[origin]);
}

export function useCohortBusy(origin: string): boolean {
  return useCohortStore((s) => Boolean(s.busy[origin]));
}

/** The session snapshot; the session screens render only once it exists. */
export function useSession(): CohortSnapshot {
  const session = useCohortStore((s) => s.session);
  if (!session) throw new Error("useSession outside a session");
  return session;
}
