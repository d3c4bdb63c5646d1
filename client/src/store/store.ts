import { create } from "zustand";
import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PrivateBrief, PublicScenario, TeachingNotes } from "../../../shared/negotiation/visibility.js";
import type { SeatDebriefView } from "../../../shared/scoring/reveal.js";

/**
 * One store, built from slices. The Colyseus adapter (net/connection.ts)
 * writes plain, read-only snapshots here from outside React; components
 * select narrowly. No Schema object from Colyseus ever enters this store.
 */

export type ConnectionStatus = "idle" | "connecting" | "connected" | "reconnecting" | "reconnected" | "lost" | "replaced";

export interface ConnectionSlice {
  status: ConnectionStatus;
  /** What went wrong when joining or connecting, in words a player can act on. */
  problem: string | null;
  /** Server time minus local time, from the hello message; corrects countdowns. */
  clockOffset: number;
  /** The server speaks another protocol version than this page: nothing more is sent until a reload. */
  outdated: boolean;
}

export interface SeatSnapshot {
  id: string;
  side: "procurement" | "sales";
  title: string;
  organisation: string;
  optional: boolean;
  displayName: string;
  occupant: string;
  connection: "empty" | "connected" | "reconnecting" | "absent";
  ready: boolean;
  /** Only what this viewer knows of (the server sends the list per viewer). */
  withdrawn: boolean;
  objectivesSet: boolean;
  reflected: boolean;
}

export interface PrivateViewSnapshot {
  brief: PrivateBrief | null;
  objectives: string[];
  guesses: string[];
  plan: string;
  debrief: SeatDebriefView | null;
}

export interface NegotiationSnapshot {
  negotiationId: string;
  status: "lobby" | "running" | "finished";
  phase: string;
  phaseStartedAt: number;
  phaseEndsAt: number;
  paused: boolean;
  ending: { outcome: "deal" | "no-deal"; reason: string } | null;
  scenario: PublicScenario;
  seats: SeatSnapshot[];
  /** This viewer's transcript, public and private entries together, numbered 1..n for this viewer. */
  log: LogEntry[];
  /** What this viewer may read, by seat: its own seat; after the reveal also the others'; the trainer every seat. */
  views: Record<string, PrivateViewSnapshot>;
  /** The negotiation ended and the briefs and the whole log are open to this viewer. */
  revealed: boolean;
  /** The trainer's latest message to every table of the session, if any. */
  banner: { text: string; at: number } | null;
  /** The trainer's view only: the scenario's teaching notes (null for a seat, or a scenario without notes). */
  teachingNotes?: TeachingNotes | null;
  /** The buyer side's and the trainer's view only: how many bids are in for the current sealed round (null outside one, and always for a bidder). */
  bidCount?: BidCount | null;
}

/** How many bidders have a bid in for a sealed round so far: the count only, never who or what. */
export interface BidCount {
  round: string;
  bidsIn: number;
}

/** A finished negotiation's debrief fetched over HTTP with a seat token or the trainer key, once its room is gone. */
export interface ArchivedDebrief {
  /** The seat whose debrief this is; null for the trainer, who gets every seat's. */
  seat: string | null;
  debriefs: Record<string, SeatDebriefView>;
  scenario: PublicScenario;
  briefs: Record<string, PrivateBrief>;
  log: LogEntry[];
  seatNames: Record<string, string>;
}

export interface SessionSlice {
  /** Who I am here: a seat (with its token, for the personal link), or the trainer (seat null, no token). */
  me: { role: "seat" | "trainer"; seat: string | null; token: string | null; code: string } | null;
  negotiation: NegotiationSnapshot | null;
  archive: ArchivedDebrief | null;
}

export interface UiSlice {
  /** The server's refusal of the latest request from each place in the UI (by origin). */
  errors: Record<string, string>;
  /** Origins with a request waiting for its reply. */
  busy: Record<string, boolean>;
  /** Seq of a transcript entry to bring into view and highlight. */
  focusEntry: number | null;
}

export type AppState = ConnectionSlice & SessionSlice & UiSlice;

export const initialState: AppState = {
  status: "idle",
  problem: null,
  clockOffset: 0,
  outdated: false,
  me: null,
  negotiation: null,
  archive: null,
  errors: {},
  busy: {},
  focusEntry: null,
};

export const useStore = create<AppState>()(() => ({ ...initialState }));

/** Resets every slice (leaving a negotiation, and between tests); an outdated page stays outdated until it reloads. */
export function resetStore(): void {
  useStore.setState({ ...initialState, outdated: useStore.getState().outdated }, true);
}

/** Forgets the refusal shown at one place in the UI (once it no longer applies). */
export function clearError(origin: string): void {
  const { errors } = useStore.getState();
  if (!(origin in errors)) return;
  const next = { ...errors };
  delete next[origin];
  useStore.setState({ errors: next });
}
