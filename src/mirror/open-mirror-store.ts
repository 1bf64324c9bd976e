import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import type { Clock } from "../infra/clock.js";
import { ensurePrivateFile, narrowToPrivate } from "../store/private-files.js";
import { redact } from "../store/store-url.js";
import type { MirrorStore } from "./mirror-store.js";
import { createKyselyMirrorStore } from "./store/kysely-mirror-store.js";
import { mirrorMigrations, type MirrorDialect } from "./store/migrations.js";
import { withPreparedStatements } from "./store/sqlite-connection.js";
import type { MirrorDatabase } from "./store/tables.js";

/** Where the mirror lives. */
export type MirrorLocation =
  | { kind: "sqlite"; /** A file path, or ":memory:" (a private database that ends with the store). */ file: string }
  | { kind: "postgres"; url: string; /** A schema of its own (created when missing); the connection's default otherwise. */ schema?: string };

export type DatabaseUrlResult = { ok: true; location: MirrorLocation } | { ok: false; problem: string };

export interface OpenMirrorStoreOptions {
  /** Stamps each row's `writtenAt`. */
  clock?: Clock;
  /** Most PostgreSQL connections the store holds at once. @default 10 */
  maxConnections?: number;
  /** How long a SQLite statement waits for another process's lock before failing. @default 5000 */
  busyTimeoutMs?: number;
}

const EXPECTED = "expected postgres://[user[:password]@]host[:port]/database[?schema=name], postgresql://… or sqlite://<file path>";
/** A schema name used unquoted in `search_path`: lower-case letters, digits and underscores. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** The migrator's own tables, named apart from any other Kysely migrations sharing the database. */
const MIGRATION_TABLE = "mirror_migration";
const MIGRATION_LOCK_TABLE = "mirror_migration_lock";

/**
 * Parses the mirror's database URL without touching the disk or the network: `sqlite://<path>`
 * (`sqlite://:memory:` too) or `postgres://` / `postgresql://`, where a `schema` query parameter
 * names the schema the mirror keeps its tables in. Passwords never appear in a problem.
 */
export function parseDatabaseUrl(url: string): DatabaseUrlResult {
  if (url.startsWith("sqlite://")) {
    const file = url.slice("sqlite://".length);
    if (file.length === 0) return { ok: false, problem: `${EXPECTED}; the sqlite file path is empty` };
    return { ok: true, location: { kind: "sqlite", file } };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, problem: `${EXPECTED}; "${redact(url)}" is not a valid URL` };
    }
    if (parsed.hostname.length === 0) return { ok: false, problem: `${EXPECTED}; the postgres host is missing in "${redact(url)}"` };
    const schema = parsed.searchParams.get("schema");
    if (schema === null) return { ok: true, location: { kind: "postgres", url } };
    if (!SCHEMA_NAME.test(schema)) {
      return { ok: false, problem: `the schema "${schema}" in "${redact(url)}" must be lower-case letters, digits and underscores (at most 63, not starting with a digit)` };
    }
    parsed.searchParams.delete("schema");
    return { ok: true, location: { kind: "postgres", url: parsed.toString(), schema } };
  }
  return { ok: false, problem: `${EXPECTED}, got "${redact(url)}"` };
}

/**
 * Opens the mirror at `location` and brings its tables to the latest migration (idempotent: opening
 * an up-to-date database changes nothing). SQLite runs in WAL mode with synchronous=NORMAL and a busy
 * timeout, its file created 0600; PostgreSQL uses a pool, every connection's search_path set to the
 * location's schema when it has one.
 */
export async function openMirrorStore(location: MirrorLocation, options: OpenMirrorStoreOptions = {}): Promise<MirrorStore> {
  const db = location.kind === "sqlite" ? openSqlite(location.file, options) : await openPostgres(location, options);
  let reader: Kysely<MirrorDatabase> | undefined;
  try {
    await migrate(db, location.kind, location.kind === "postgres" ? location.schema : undefined);
    if (location.kind === "sqlite" && location.file !== ":memory:") reader = openSqliteReader(location.file, options);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return createKyselyMirrorStore(db, { kind: location.kind, clock: options.clock, reader });
}

function openSqlite(file: string, { busyTimeoutMs = 5000 }: OpenMirrorStoreOptions): Kysely<MirrorDatabase> {
  const memory = file === ":memory:";
  if (!memory) ensurePrivateFile(file);
  const database = new Database(file);
  try {
    database.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    if (!memory) {
      const mode = database.pragma("journal_mode = WAL", { simple: true });
      if (String(mode).toLowerCase() !== "wal") {
        throw new Error(`${file}: SQLite kept journal mode "${String(mode)}" instead of WAL; keep the mirror on a local file system`);
      }
      for (const companion of [`${file}-wal`, `${file}-shm`]) narrowToPrivate(companion);
    }
    database.pragma("synchronous = NORMAL");
  } catch (error) {
    database.close();
    throw error;
  }
  return new Kysely<MirrorDatabase>({ dialect: new SqliteDialect({ database: withPreparedStatements(database) }) });
}

/**
 * A second, read-only connection to a SQLite mirror file. WAL lets it read the last committed state
 * while the writer's connection is inside a transaction, so reads (lists, counts, report snapshots)
 * never queue behind a poll's commit, and a commit never waits for a long read.
 */
function openSqliteReader(file: string, { busyTimeoutMs = 5000 }: OpenMirrorStoreOptions): Kysely<MirrorDatabase> {
  const database = new Database(file, { readonly: true, fileMustExist: true });
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  return new Kysely<MirrorDatabase>({ dialect: new SqliteDialect({ database: withPreparedStatements(database) }) });
}

async function openPostgres(location: { url: string; schema?: string }, { maxConnections = 10 }: OpenMirrorStoreOptions): Promise<Kysely<MirrorDatabase>> {
  const { schema } = location;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`mirror schema "${schema}" must be lower-case letters, digits and underscores (at most 63, not starting with a digit)`);
  }
  const pool = new pg.Pool({
    connectionString: location.url,
    max: maxConnections,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection the server dropped: the pool discards it and opens another when needed.
  pool.on("error", () => undefined);
  try {
    if (schema !== undefined) await createSchema(pool, schema);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`mirror database ${redact(location.url)}: ${(error as Error).message}`, { cause: error });
  }
  return new Kysely<MirrorDatabase>({ dialect: new PostgresDialect({ pool }) });
}

async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`create schema if not exists "${schema}"`);
  } catch (error) {
    // Two processes creating it at once: one of them loses the race on the catalog; the schema is there.
    const code = (error as { code?: string }).code;
    if (code !== "23505" && code !== "42P06") throw error;
  }
}

async function migrate(db: Kysely<MirrorDatabase>, dialect: MirrorDialect, schema: string | undefined): Promise<void> {
  // On PostgreSQL the migrator looks for its tables in every schema unless told which: another
  // deployment's mirror in the same database (another `?schema=`) would pass for this one's.
  const migrationTableSchema = dialect === "postgres" ? schema ?? (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name : undefined;
  const migrator = new Migrator({
    db,
    provider: mirrorMigrations(dialect),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`mirror migration${failed ? ` ${failed}` : ""} failed: ${message}`, { cause: error });
  }
}
