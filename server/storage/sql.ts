import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** The little SQL surface the store needs; PGlite and PostgreSQL both provide it. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlDatabase extends SqlRunner {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Embedded PostgreSQL (WASM) in a data directory: the zero-setup default. */
export async function openPglite(dataDir: string): Promise<SqlDatabase> {
  const db = await PGlite.create(dataDir);
  return {
    kind: "pglite",
    async query<T>(text: string, params: unknown[] = []) {
      return (await db.query<T>(text, params)).rows;
    },
    transaction(work) {
      return db.transaction((tx) => work({ query: async <T>(text: string, params: unknown[] = []) => (await tx.query<T>(text, params)).rows }));
    },
    close: () => db.close(),
  };
}

/** A PostgreSQL server by URL, for shared deployments. */
export async function openPostgres(url: string, schema?: string): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`DATABASE_SCHEMA "${schema}" must be a plain lower-case identifier`);
    // Every pooled connection gets the search path before its first query (pg runs a client's queries in order).
    pool.on("connect", (client) => void client.query(`set search_path to ${schema}`));
    await pool.query(`create schema if not exists ${schema}`);
  }
  await pool.query("select 1"); // fail fast with a clear error when the server is unreachable
  return {
    kind: "postgres",
    // As with PGlite, the caller names the row type; pg's own generic carries it without a cast.
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query<T & pg.QueryResultRow>(text, params)).rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await work({ query: async <T>(text: string, params: unknown[] = []) => (await client.query<T & pg.QueryResultRow>(text, params)).rows });
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
