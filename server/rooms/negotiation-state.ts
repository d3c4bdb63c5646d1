import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * The synced state of a negotiation room. Public fields go to every client;
 * `seatViews` children are `.view()` fields that a client only receives once
 * the room adds that child to its StateView (its own seat; all of them at the
 * debrief reveal). Payloads travel as JSON strings: the room mirrors plain
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
    withdrawn: t.boolean(),
    objectivesSet: t.boolean(),
    reflected: t.boolean(),
  },
  "Seat",
);
export type SeatState = SchemaType<typeof SeatState>;

/** One viewer's private slice: a seat's own, or the observer's. */
export const PrivateViewState = schema(
  {
    viewer: t.string(),
    /** JSON of PrivateBrief (seat) — empty for the observer. */
    brief: t.string(),
    objectives: t.array("string"),
    guesses: t.array("string"),
    plan: t.string(),
    /** Log entries addressed to this viewer that are not public. */
    log: t.array(EntryState),
    /** JSON of this seat's debrief once the negotiation has ended. */
    debrief: t.string(),
  },
  "PrivateView",
);
export type PrivateViewState = SchemaType<typeof PrivateViewState>;

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
    seats: t.map(SeatState),
    /** Log entries every seat may see. */
    log: t.array(EntryState),
    seatViews: t.map(PrivateViewState).view(),
  },
  "NegotiationState",
);
export type NegotiationState = SchemaType<typeof NegotiationState>;
