import pg from "pg";
import { redact } from "./store-url.js";

/** A PostgreSQL database named by `LEDGERLINE_DATABASE_URL` (as `parseDatabaseUrl` gives it). */
export interface PostgresStateLocation {
  url: string;
  /** The schema the tables go in (created when missing); the connection's default otherwise. */
  schema?: string;
}

/** The tables of the durable key-value tier, each name qualified with the location's schema when it has one. */
export interface PostgresStateTables {
  /** `ledgerline_kv`: one row per key-value record (key, serialized value, expiry in ms since the epoch or null). */
  kv: string;
  /** `ledgerline_sets`: one row per set member, numbered in the order members were added. */
  sets: string;
  /** `ledgerline_kv_adoptions`: one row per namespace whose Redis records were looked at for import (see `adoptRedisState`). */
  adoptions: string;
}

/** The pool and the tables of the key-value tier in PostgreSQL. */
export interface PostgresState {
  pool: pg.Pool;
  tables: PostgresStateTables;
  close(): Promise<void>;
}

/** Pool settings of `openPostgresState`. */
export interface OpenPostgresStateOptions {
  /** Most connections the pool holds at once. @default 10 */
  maxConnections?: number;
  /** How long to wait for a connection before giving up. @default 5000 */
  connectTimeoutMs?: number;
}

/** One lock for every instance creating the tables: `CREATE … IF NOT EXISTS` alone races on the catalog. */
const CREATE_LOCK = "ledgerline_kv:create";

/**
 * Opens a pool on `location` and creates the key-value tier's schema and tables when they are missing
 * (under a transaction-scoped advisory lock, so instances starting at once never collide on the catalog).
 */
export async function openPostgresState(location: PostgresStateLocation, { maxConnections = 10, connectTimeoutMs = 5000 }: OpenPostgresStateOptions = {}): Promise<PostgresState> {
  const pool = new pg.Pool({ connectionString: location.url, max: maxConnections, connectionTimeoutMillis: connectTimeoutMs });
  // An idle connection the server dropped: the pool discards it and opens another when needed.
  pool.on("error", () => undefined);
  const tables = tablesIn(location.schema);
  try {
    await createTables(pool, location.schema, tables);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`postgres at ${redact(location.url)}: ${(error as Error).message}`, { cause: error });
  }
  return { pool, tables, close: () => pool.end() };
}

function tablesIn(schema: string | undefined): PostgresStateTables {
  const qualify = (name: string) => (schema ? `"${schema}".${name}` : name);
  return { kv: qualify("ledgerline_kv"), sets: qualify("ledgerline_sets"), adoptions: qualify("ledgerline_kv_adoptions") };
}

async function createTables(pool: pg.Pool, schema: string | undefined, tables: PostgresStateTables): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [CREATE_LOCK]);
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${tables.kv} (key text PRIMARY KEY, value text NOT NULL, expires_at bigint NULL)`);
      await client.query(`CREATE INDEX IF NOT EXISTS ledgerline_kv_expires_at ON ${tables.kv} (expires_at) WHERE expires_at IS NOT NULL`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${tables.sets} (key text NOT NULL, member text NOT NULL, position bigint GENERATED ALWAYS AS IDENTITY, PRIMARY KEY (key, member))`,
      );
      await client.query(`CREATE INDEX IF NOT EXISTS ledgerline_sets_order ON ${tables.sets} (key, position)`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${tables.adoptions} (namespace text PRIMARY KEY, records integer NOT NULL, sets integer NOT NULL, adopted_at timestamptz NOT NULL DEFAULT now())`,
      );
      await client.query("COMMIT");
      return;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      // The mirror creates the same schema without this lock: the loser of that race on the catalog tries once more.
      const code = (error as { code?: string }).code;
      if (attempt >= 3 || (code !== "23505" && code !== "42P06")) throw error;
    } finally {
      client.release();
    }
  }
}
