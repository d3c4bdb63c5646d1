import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * One viewer's view of a cohort: a participant's own (`me`), or the
 * trainer's (`roster`, `grouping`, and one entry per table in `tables`, so a
 * table's change patches only that table). Payloads are JSON strings of data
 * computed elsewhere; no logic lives here.
 */
export const CohortViewState = schema(
  {
    viewer: t.string(),
    me: t.string().default("null"),
    roster: t.string().default("[]"),
    grouping: t.string().default("null"),
    tables: t.map("string"),
    /** Trainer only: JSON of the market events the session's scenarios define ({ scenarioId, id, title, text, note }). */
    marketEvents: t.string().default("[]"),
    /** Trainer only: JSON of the teaching notes of the session's scenarios ({ scenarioId, title, notes }), from visibility.ts `readableTeachingNotes`. */
    teachingNotes: t.string().default("[]"),
  },
  "CohortView",
);
export type CohortViewState = SchemaType<typeof CohortViewState>;

export const CohortState = schema(
  {
    protocol: t.uint8(),
    code: t.string(),
    title: t.string(),
    /** setup | running | ended */
    status: t.string().default("setup"),
    policy: t.string(),
    /** JSON of the scenarios' public summaries. */
    scenarios: t.string().default("[]"),
    /** JSON { text, at } of the trainer's latest broadcast; "" before. */
    banner: t.string(),
    participantCount: t.uint16(),
    views: t.map(CohortViewState).view(),
  },
  "CohortState",
);
export type CohortState = SchemaType<typeof CohortState>;
