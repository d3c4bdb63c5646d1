import type { LogEntry } from "../../shared/negotiation/events.js";
import { CohortStore } from "./cohort-store.js";
import { migrate } from "./migrations.js";
import { openPglite, openPostgres, type SqlDatabase, type SqlRunner } from "./sql.js";

export type NegotiationStatus = "lobby" | "running" | "finished";

export interface NegotiationRecord {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  status: NegotiationStatus;
  options: Record<string, unknown>;
  snapshot: unknown;
  createdAt: number;
  updatedAt: number;
  endedAt: number | null;
}

export interface SeatRecord {
  seatId: string;
  tokenHash: string;
  displayName: string;
  occupant: "human" | "bot";
  claimedAt: number;
}

/** An accepted client request and the log entries it produced, so a replay of it gets the same answer. */
export interface StoredRequest {
  by: string;
  ref: string;
  /** Fingerprint of the move, so a ref reused for a different move is not mistaken for a replay. */
  digest: string;
  firstSeq: number;
  lastSeq: number;
}

/** One change of a negotiation, written in one transaction. */
export interface AppendBatch {
  entries: readonly LogEntry[];
  /** The machine's state after these entries (the runner's `persisted()`). */
  snapshot: unknown;
  status: NegotiationStatus;
  at: number;
  /** The accepted request these entries answer; only stored when there are entries. */
  request?: Omit<StoredRequest, "firstSeq" | "lastSeq"> | undefined;
  /** The debrief, stored with the entries that finish the negotiation. */
  debrief?: unknown;
}

interface NegotiationRow {
  id: string; scenario_id: string; scenario_version: number; status: NegotiationStatus; options: Record<string, unknown>;
  snapshot: unknown; created_at: string | number; updated_at: string | number; ended_at: string | number | null;
}
// The events table holds only entries the machine wrote, so its text columns keep the log's types.
interface EventRow { seq: number; at: string | number; by_actor: string; type: LogEntry["type"]; phase: string; payload: Record<string, unknown>; audience: LogEntry["audience"] }
interface RequestRow { by_actor: string; ref: string; digest: string; first_seq: number; last_seq: number }
interface SeatRow { seat_id: string; token_hash: string; display_name: string; occupant: "human" | "bot"; claimed_at: string | number }

/**
 * Durable storage of negotiations, seats, the event log and debriefs.
 * Every write that acknowledges a move goes through `appendEntries`, which
 * stores the new log entries, the machine snapshot (state only: the log is
 * kept once, in `events`) and the request they answer in one transaction.
 */
export class NegotiationStore {
  /** Cohorts and their participants, in the same database. */
  readonly cohorts: CohortStore;

  private constructor(private readonly db: SqlDatabase) {
    this.cohorts = new CohortStore(db);
  }

  /** PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`; migrations applied. */
  static async open(options: { databaseUrl?: string | undefined; databaseSchema?: string | undefined; dataDir: string }): Promise<NegotiationStore> {
    const db = options.databaseUrl ? await openPostgres(options.databaseUrl, options.databaseSchema) : await openPglite(options.dataDir);
    await migrate(db);
    return new NegotiationStore(db);
  }

  get kind(): "pglite" | "postgres" {
    return this.db.kind;
  }

  async createNegotiation(rec: Omit<NegotiationRecord, "updatedAt" | "endedAt" | "snapshot"> & { snapshot?: unknown }): Promise<void> {
    await this.db.query(
      "insert into negotiations (id, scenario_id, scenario_version, status, options, snapshot, created_at, updated_at) values ($1,$2,$3,$4,$5,$6,$7,$7)",
      [rec.id, rec.scenarioId, rec.scenarioVersion, rec.status, JSON.stringify(rec.options), JSON.stringify(rec.snapshot ?? null), rec.createdAt],
    );
  }

  /**
   * Stores new log entries with the snapshot they produced, and the request
   * and debrief that go with them, atomically: all of it, or nothing.
   */
  async appendEntries(id: string, batch: AppendBatch): Promise<void> {
    const { entries, status, at } = batch;
    await this.db.transaction(async (tx) => {
      for (const e of entries) await insertEntry(tx, id, e);
      const first = entries[0];
      const last = entries.at(-1);
      if (batch.request && first && last) await insertRequest(tx, id, { ...batch.request, firstSeq: first.seq, lastSeq: last.seq });
      await tx.query("update negotiations set snapshot = $2, status = $3, updated_at = $4, ended_at = case when $3 = 'finished' then $4 else ended_at end where id = $1", [
        id, JSON.stringify(batch.snapshot), status, at,
      ]);
      if (batch.debrief !== undefined) await upsertDebrief(tx, id, batch.debrief, at);
    });
  }

  /** The latest `limit` accepted requests, oldest first. */
  async listRequests(id: string, limit: number): Promise<StoredRequest[]> {
    const rows = await this.db.query<RequestRow>("select * from requests where negotiation_id = $1 order by first_seq desc limit $2", [id, limit]);
    return rows.reverse().map((r) => ({ by: r.by_actor, ref: r.ref, digest: r.digest, firstSeq: Number(r.first_seq), lastSeq: Number(r.last_seq) }));
  }

  /** Records that the negotiation's process is alive at `at` (a restart books the gap since as a pause). */
  async touch(id: string, at: number): Promise<void> {
    await this.db.query("update negotiations set updated_at = $2 where id = $1", [id, at]);
  }

  async getNegotiation(id: string): Promise<NegotiationRecord | null> {
    const [row] = await this.db.query<NegotiationRow>("select * from negotiations where id = $1", [id]);
    return row ? toRecord(row) : null;
  }

  /** Negotiations not yet finished: the ones to resume after a restart. */
  async listUnfinished(): Promise<NegotiationRecord[]> {
    const rows = await this.db.query<NegotiationRow>("select * from negotiations where status <> 'finished' order by created_at");
    return rows.map(toRecord);
  }

  async listEntries(id: string, afterSeq = 0): Promise<LogEntry[]> {
    const rows = await this.db.query<EventRow>("select * from events where negotiation_id = $1 and seq > $2 order by seq", [id, afterSeq]);
    return rows.map((r) => ({ seq: Number(r.seq), at: Number(r.at), by: r.by_actor, type: r.type, phase: r.phase, payload: r.payload, audience: r.audience }));
  }

  async saveSeat(id: string, seat: SeatRecord): Promise<void> {
    await this.db.query(
      `insert into seats (negotiation_id, seat_id, token_hash, display_name, occupant, claimed_at) values ($1,$2,$3,$4,$5,$6)
       on conflict (negotiation_id, seat_id) do update set token_hash = excluded.token_hash, display_name = excluded.display_name, occupant = excluded.occupant, claimed_at = excluded.claimed_at`,
      [id, seat.seatId, seat.tokenHash, seat.displayName, seat.occupant, seat.claimedAt],
    );
  }

  async removeSeat(id: string, seatId: string): Promise<void> {
    await this.db.query("delete from seats where negotiation_id = $1 and seat_id = $2", [id, seatId]);
  }

  async listSeats(id: string): Promise<SeatRecord[]> {
    const rows = await this.db.query<SeatRow>("select * from seats where negotiation_id = $1 order by claimed_at", [id]);
    return rows.map((r) => ({ seatId: r.seat_id, tokenHash: r.token_hash, displayName: r.display_name, occupant: r.occupant, claimedAt: Number(r.claimed_at) }));
  }

  async getDebrief<T = unknown>(id: string): Promise<T | null> {
    const [row] = await this.db.query<{ debrief: T }>("select debrief from debriefs where negotiation_id = $1", [id]);
    return row ? row.debrief : null;
  }

  async counts(): Promise<{ negotiations: number; unfinished: number }> {
    const [row] = await this.db.query<{ total: string; unfinished: string }>(
      "select count(*) as total, count(*) filter (where status <> 'finished') as unfinished from negotiations",
    );
    return { negotiations: Number(row?.total ?? 0), unfinished: Number(row?.unfinished ?? 0) };
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

function insertEntry(tx: SqlRunner, id: string, e: LogEntry) {
  return tx.query("insert into events (negotiation_id, seq, at, by_actor, type, phase, payload, audience) values ($1,$2,$3,$4,$5,$6,$7,$8)", [
    id, e.seq, e.at, e.by, e.type, e.phase, JSON.stringify(e.payload), JSON.stringify(e.audience),
  ]);
}

function insertRequest(tx: SqlRunner, id: string, r: StoredRequest) {
  return tx.query("insert into requests (negotiation_id, by_actor, ref, digest, first_seq, last_seq) values ($1,$2,$3,$4,$5,$6)", [
    id, r.by, r.ref, r.digest, r.firstSeq, r.lastSeq,
  ]);
}

function upsertDebrief(tx: SqlRunner, id: string, debrief: unknown, at: number) {
  return tx.query(
    "insert into debriefs (negotiation_id, debrief, created_at) values ($1,$2,$3) on conflict (negotiation_id) do update set debrief = excluded.debrief",
    [id, JSON.stringify(debrief), at],
  );
}

function toRecord(r: NegotiationRow): NegotiationRecord {
  return {
    id: r.id, scenarioId: r.scenario_id, scenarioVersion: Number(r.scenario_version), status: r.status, options: r.options,
    snapshot: r.snapshot, createdAt: Number(r.created_at), updatedAt: Number(r.updated_at), endedAt: r.ended_at === null ? null : Number(r.ended_at),
  };
}
