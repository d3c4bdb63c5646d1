import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * The synced state of a negotiation room. Public fields go to every client;
 * `views` children are `.view()` fields that a client only receives once the
 * room adds that child to its StateView: its own view, never another's.
 * Payloads travel as JSON strings: the room mirrors plain
 * data computed in shared/, and no game logic lives in these classes.
 */
export const EntryState = schema(
  {
    seq: t.uint32(),
    at: t.float64(),
    by: t.string(),
    type: t.string(),
    phase: t.string(),
    payload: t.string(),
    audience: t.string(),
  },
  "Entry",
);
export type EntryState = SchemaType<typeof EntryState>;

export const SeatState = schema(
  {
    id: t.string(),
    side: t.string(),
    title: t.string(),
    organisation: t.string(),
    optional: t.boolean(),
    displayName: t.string(),
    /** "" while empty, else "human" or "bot". */
    occupant: t.string(),
    /** empty | connected | reconnecting | absent */
    connection: t.string().default("empty"),
    ready: t.boolean(),
    objectivesSet: t.boolean(),
    reflected: t.boolean(),
  },
  "Seat",
);
export type SeatState = SchemaType<typeof SeatState>;

/**
 * One viewer's view: a seat's, or the trainer's. Everything in it is what
 * shared/negotiation/visibility.ts lets that viewer see, so a client's
 * StateView holds exactly one of these and nothing is hidden by the UI.
 */
export const ViewState = schema(
  {
    /** A seat id, or "#trainer". */
    viewer: t.string(),
    /** True once the debrief has revealed the briefs (the log is then rebuilt once). */
    revealed: t.boolean(),
    /** This viewer's transcript, numbered 1..n for it alone (shared/negotiation/transcript.ts). */
    log: t.array(EntryState),
    /** JSON of PrivateBrief, by seat, for the seats whose brief this viewer may read. */
    briefs: t.map("string"),
    /** JSON of Record<seat, objective ids> for the seats whose choice this viewer may read. */
    objectives: t.string().default("{}"),
    /** JSON of Record<seat, objective ids>: guesses of the other side's objectives. */
    guesses: t.string().default("{}"),
    /** JSON of Record<seat, text>: preparation plans (a seat reads its own only). */
    plans: t.string().default("{}"),
    /** Seats this viewer knows withdrew from a tender. */
    withdrawn: t.array("string"),
    /** JSON of this viewer's debrief once the negotiation has ended: a seat's SeatDebriefView, or the trainer's Record<seat, SeatDebriefView>. */
    debrief: t.string(),
    /** Trainer's view only: JSON of the scenario's TeachingNotes (visibility.ts `readableTeachingNotes`); never set in a seat's view. */
    teachingNotes: t.string(),
    /**
     * Buyer side's and trainer's views only (visibility.ts `knowsBidCount`): JSON { round, bidsIn } of the
     * current sealed round, "" outside one; never set in a bidder's view, so no bidder's socket carries it.
     */
    bidCount: t.string(),
  },
  "View",
);
export type ViewState = SchemaType<typeof ViewState>;

export const NegotiationState = schema(
  {
    protocol: t.uint8(),
    negotiationId: t.string(),
    /** JSON of PublicScenario. */
    scenario: t.string(),
    /** lobby | running | finished */
    status: t.string().default("lobby"),
    phase: t.string().default("lobby"),
    phaseStartedAt: t.float64(),
    /** Epoch ms when the phase ends (0 when it has no deadline). */
    phaseEndsAt: t.float64(),
    paused: t.boolean(),
    /** JSON of the negotiation.ended payload once the talks are over; "" before. */
    ending: t.string(),
    /** JSON { text, at } of the trainer's latest message to every table of a cohort; "" before. */
    banner: t.string(),
    seats: t.map(SeatState),
    /** One view per seat and one for the trainer; each client's StateView holds its own only. */
    views: t.map(ViewState).view(),
  },
  "NegotiationState",
);
export type NegotiationState = SchemaType<typeof NegotiationState>;
