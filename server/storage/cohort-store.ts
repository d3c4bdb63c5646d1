import type { SqlDatabase } from "./sql.js";

export type CohortStatus = "setup" | "running" | "ended";
export type ParticipantFunction = "sales" | "procurement" | "other";

export interface CohortRecord {
  id: string;
  title: string;
  policy: string;
  scenarioIds: string[];
  options: Record<string, unknown>;
  status: CohortStatus;
  trainerKeyHash: string;
  /** The trainer's current grouping (shared/cohort types), stored as it is. */
  grouping: unknown;
  createdAt: number;
  updatedAt: number;
}

export interface ParticipantRecord {
  id: string;
  displayName: string;
  function: ParticipantFunction;
  tokenHash: string;
  joinedAt: number;
  polls: unknown[];
  /** Self-select: the side the participant asked to play; null for no preference. */
  preference: "procurement" | "sales" | null;
}

interface CohortRow {
  id: string; title: string; policy: string; scenario_ids: string[]; options: Record<string, unknown>; status: CohortStatus;
  trainer_key_hash: string; grouping: unknown; created_at: string | number; updated_at: string | number;
}
interface ParticipantRow { id: string; display_name: string; function: ParticipantFunction; token_hash: string; joined_at: string | number; polls: unknown[]; preference: "procurement" | "sales" | null }

/**
 * Cohorts (a trainer's session of several negotiations) and their
 * participants. Negotiations of a cohort are ordinary negotiations whose
 * options name the cohort, so everything the negotiation store does applies.
 */
export class CohortStore {
  constructor(private readonly db: SqlDatabase) {}

  async create(rec: Omit<CohortRecord, "updatedAt" | "grouping">): Promise<void> {
    await this.db.query(
      "insert into cohorts (id, title, policy, scenario_ids, options, status, trainer_key_hash, created_at, updated_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$8)",
      [rec.id, rec.title, rec.policy, JSON.stringify(rec.scenarioIds), JSON.stringify(rec.options), rec.status, rec.trainerKeyHash, rec.createdAt],
    );
  }

  async get(id: string): Promise<CohortRecord | null> {
    const [row] = await this.db.query<CohortRow>("select * from cohorts where id = $1", [id]);
    return row ? toCohort(row) : null;
  }

  async update(id: string, changes: { status?: CohortStatus; grouping?: unknown; policy?: string }, at: number): Promise<void> {
    const current = await this.get(id);
    if (!current) return;
    await this.db.query("update cohorts set status = $2, grouping = $3, policy = $4, updated_at = $5 where id = $1", [
      id, changes.status ?? current.status, JSON.stringify(changes.grouping === undefined ? current.grouping : changes.grouping), changes.policy ?? current.policy, at,
    ]);
  }

  async addParticipant(cohortId: string, p: ParticipantRecord): Promise<void> {
    await this.db.query(
      "insert into participants (cohort_id, id, display_name, function, token_hash, joined_at, polls, preference) values ($1,$2,$3,$4,$5,$6,$7,$8)",
      [cohortId, p.id, p.displayName, p.function, p.tokenHash, p.joinedAt, JSON.stringify(p.polls), p.preference],
    );
  }

  async listParticipants(cohortId: string): Promise<ParticipantRecord[]> {
    const rows = await this.db.query<ParticipantRow>("select * from participants where cohort_id = $1 order by joined_at, id", [cohortId]);
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, function: r.function, tokenHash: r.token_hash, joinedAt: Number(r.joined_at), polls: r.polls, preference: r.preference }));
  }

  async savePolls(cohortId: string, participantId: string, polls: unknown[]): Promise<void> {
    await this.db.query("update participants set polls = $3 where cohort_id = $1 and id = $2", [cohortId, participantId, JSON.stringify(polls)]);
  }

  /** Ids of the negotiations created for this cohort, oldest first. */
  async negotiationIds(cohortId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>("select id from negotiations where options->>'cohort' = $1 order by created_at, id", [cohortId]);
    return rows.map((r) => r.id);
  }

  /** Erases a cohort: its participants, its negotiations (with their seats, logs and debriefs) and itself. */
  async erase(cohortId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query("delete from negotiations where options->>'cohort' = $1", [cohortId]);
      await tx.query("delete from cohorts where id = $1", [cohortId]);
    });
  }
}

function toCohort(r: CohortRow): CohortRecord {
  return {
    id: r.id, title: r.title, policy: r.policy, scenarioIds: r.scenario_ids, options: r.options, status: r.status,
    trainerKeyHash: r.trainer_key_hash, grouping: r.grouping, createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
  };
}
