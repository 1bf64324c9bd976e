import { randomBytes } from "node:crypto";
import pg from "pg";

/** The PostgreSQL the tests use (CI starts it when it is down). */
export const POSTGRES_URL = process.env.LEDGERLINE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface PostgresSchema {
  /** A database URL whose `schema` parameter names this run's own schema (the mirror creates it on open). */
  url: string;
  schema: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/**
 * A schema of its own for one test file, so parallel files and earlier runs never see each other's
 * rows; undefined (the caller skips, saying why) when PostgreSQL is not reachable.
 */
export async function postgresSchema(prefix: string): Promise<PostgresSchema | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
  const schema = `${prefix}_${randomBytes(5).toString("hex")}`;
  return {
    url: `${POSTGRES_URL}?schema=${schema}`,
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      try {
        await c.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await c.end();
      }
    },
  };
}
