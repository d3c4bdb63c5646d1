import type { SqlDatabase } from "./sql.js";

/**
 * Schema migrations, applied in order on start-up. Append new ones; never
 * edit one that has shipped. The same SQL runs on PGlite and PostgreSQL.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "negotiations, seats, events, debriefs",
    sql: `
      create table negotiations (
        id text primary key,
        scenario_id text not null,
        scenario_version integer not null,
        status text not null,
        options jsonb not null default '{}',
        snapshot jsonb,
        created_at bigint not null,
        updated_at bigint not null,
        ended_at bigint
      );
      create index negotiations_status on negotiations (status);
      create table seats (
        negotiation_id text not null references negotiations(id) on delete cascade,
        seat_id text not null,
        token_hash text not null,
        display_name text not null,
        occupant text not null,
        claimed_at bigint not null,
        primary key (negotiation_id, seat_id)
      );
      create table events (
        negotiation_id text not null references negotiations(id) on delete cascade,
        seq integer not null,
        at bigint not null,
        by_actor text not null,
        type text not null,
        phase text not null,
        payload jsonb not null,
        audience jsonb not null,
        primary key (negotiation_id, seq)
      );
      create table debriefs (
        negotiation_id text primary key references negotiations(id) on delete cascade,
        debrief jsonb not null,
        created_at bigint not null
      );
    `,
  },
  {
    version: 2,
    name: "requests: the client request ids of accepted moves",
    // One row per accepted request: a replayed (by, ref) gets the entries first_seq..last_seq again, even after a restart.
    sql: `
      create table requests (
        negotiation_id text not null,
        by_actor text not null,
        ref text not null,
        digest text not null,
        first_seq integer not null,
        last_seq integer not null,
        primary key (negotiation_id, first_seq),
        foreign key (negotiation_id, first_seq) references events (negotiation_id, seq) on delete cascade
      );
    `,
  },
  {
    version: 3,
    name: "cohorts and their participants",
    // A cohort (a trainer's session) groups negotiations: theirs carry options.cohort = its code.
    sql: `
      create table cohorts (
        id text primary key,
        title text not null,
        policy text not null,
        scenario_ids jsonb not null,
        options jsonb not null default '{}',
        status text not null,
        trainer_key_hash text not null,
        grouping jsonb,
        created_at bigint not null,
        updated_at bigint not null
      );
      create table participants (
        cohort_id text not null references cohorts(id) on delete cascade,
        id text not null,
        display_name text not null,
        function text not null,
        token_hash text not null,
        joined_at bigint not null,
        polls jsonb not null default '[]',
        primary key (cohort_id, id)
      );
      create index negotiations_cohort on negotiations ((options->>'cohort'));
    `,
  },
  {
    version: 4,
    name: "participants: the side asked for (self-select)",
    sql: `alter table participants add column preference text`,
  },
];

/** Applies every migration not yet recorded, each in its own transaction. */
export async function migrate(db: SqlDatabase): Promise<number[]> {
  await db.query("create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())");
  const done = new Set((await db.query<{ version: number }>("select version from schema_migrations")).map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      for (const statement of m.sql.split(";").map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query("insert into schema_migrations (version, name) values ($1, $2)", [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
