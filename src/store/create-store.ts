import Keyv from "keyv";
import KeyvRedis from "@keyv/redis";
import { ConfigError } from "../config/config-error.js";
import type { Logger } from "../infra/logger.js";
import { keyvStore, type KeyValueStore } from "./key-value-store.js";
import { redisLeases, type RedisLeaseClient } from "./leases.js";
import { parseStoreUrl, redact, type StoreLocation } from "./store-url.js";
import { claimSqliteFile, type SqliteFileClaim } from "./sqlite-file-claim.js";
import { openSqliteDatabase } from "./sqlite-database.js";
import { SqliteKeyvAdapter } from "./sqlite-keyv-adapter.js";
import { localSets, postgresSets, redisSets, sqliteSets, type MemberSets, type RedisSetClient } from "./member-sets.js";
import { openPostgresState, type PostgresState, type PostgresStateLocation } from "./postgres-state.js";
import { PostgresKeyvAdapter } from "./postgres-keyv-adapter.js";
import { adoptRedisState, type RedisAdoptionClient } from "./postgres-adoption.js";

/** A key nothing stores: reading it is a round trip and nothing more. */
const PROBE_KEY = "__ledgerline_probe__";

/** How `createKeyValueStore` opens the store. */
export interface CreateKeyValueStoreOptions {
  logger: Logger;
  /** How long to wait for Redis before giving up at start. @default 5000 */
  connectTimeoutMs?: number;
  /** Key namespace, so several apps can share one Redis or SQLite file. @default "ledgerline" */
  namespace?: string;
  /**
   * Claim a SQLite file for this gateway (see `claimSqliteFile`). Operator tools that only add or change
   * records (the `ledgerline` CLI) pass false, so they work beside the gateway that holds the file. @default true
   */
  claim?: boolean;
  /**
   * `LEDGERLINE_DATABASE_URL`. With a Redis store and a postgres:// URL, the durable key-value records and
   * member sets go to PostgreSQL (tables `ledgerline_kv`, `ledgerline_sets` in the URL's `?schema=`) and Redis
   * keeps only the leases (and, beside this store, the event log). Ignored with any other store.
   */
  databaseUrl?: string;
}

/** One dependency `/readyz` asks (see `createReadiness`): `probe` makes a trivial round trip. */
export interface StoreReadinessCheck {
  kind: string;
  probe(): Promise<unknown>;
}

export interface OpenKeyValueStore {
  store: KeyValueStore;
  /** The server or file of `LEDGERLINE_STORE_URL` (the event log opens beside it). */
  location: StoreLocation;
  /** Where the key-value records live: the store's own kind, or "postgres" for a Redis store with a PostgreSQL database. */
  durable: StoreLocation["kind"] | "postgres";
  /**
   * What `/readyz` asks of this store, by name: `store` (the server or file of `LEDGERLINE_STORE_URL`) and,
   * when the records live in PostgreSQL, `keyValue` (a read there).
   */
  readiness: Record<string, StoreReadinessCheck>;
  close(): Promise<void>;
}

/**
 * Opens the durable key-value store named by a URL (`sqlite://<file>`, `redis://…`, `rediss://…`,
 * `memory://`) and checks it answers before returning, so a wrong path or an unreachable Redis
 * stops the start instead of failing the first request. Store errors are thrown, never swallowed:
 * state such as credentials must not silently read as missing. A SQLite file is claimed for this
 * gateway (a second one on the same file stops at start, see `claimSqliteFile`; `claim: false` skips
 * that for operator tools) and shared with the event log through one writer (see `openSqliteDatabase`).
 * A Redis store with a postgres:// `databaseUrl` keeps its records and sets in PostgreSQL and only its
 * leases on Redis (see `openRedisWithPostgres`); both must answer before this returns.
 */
export async function createKeyValueStore(
  url: string,
  { logger, connectTimeoutMs = 5000, namespace = "ledgerline", claim: claimFile = true, databaseUrl }: CreateKeyValueStoreOptions,
): Promise<OpenKeyValueStore> {
  const parsed = parseStoreUrl(url);
  if (!parsed.ok) throw new ConfigError([`LEDGERLINE_STORE_URL: ${parsed.problem}`]);
  const { location } = parsed;
  if (location.kind === "redis") {
    const postgres = await postgresLocationOf(databaseUrl);
    if (postgres) return openRedisWithPostgres(location, postgres, { logger, connectTimeoutMs, namespace });
    logger.warn("key-value state kept in Redis: set LEDGERLINE_DATABASE_URL=postgres://… to keep organizations and keys in PostgreSQL (a Redis that saves nothing to disk loses them when it restarts)");
  }
  const claim = claimFile && location.kind === "sqlite" && location.file !== ":memory:" ? await claimSqliteFile(location.file) : undefined;
  let keyv: Keyv;
  let ownSets: MemberSets | undefined;
  try {
    ({ keyv, sets: ownSets } = await openKeyv(location, namespace, connectTimeoutMs));
  } catch (error) {
    await claim?.release();
    throw new ConfigError([`LEDGERLINE_STORE_URL: cannot open ${describe(location)}: ${(error as Error).message ?? error}`]);
  }
  const redisClient = async () => (await (keyv.store as KeyvRedis<unknown>).getClient()) as unknown;
  const leases = location.kind === "redis" ? redisLeases(async () => (await redisClient()) as RedisLeaseClient, `${namespace}:lease:`) : undefined;
  const sets = ownSets ?? redisSets(async () => (await redisClient()) as RedisSetClient, `${namespace}:set:`);
  keyv.on("error", (error: unknown) => logger.error("key-value store error", { store: location.kind, error: String(error) }));
  try {
    await keyv.get(PROBE_KEY);
  } catch (error) {
    await keyv.disconnect().catch(() => undefined);
    await claim?.release();
    throw new ConfigError([`LEDGERLINE_STORE_URL: cannot open ${describe(location)}: ${(error as Error).message ?? error}`]);
  }
  logger.info("key-value store open", { store: describe(location) });
  return {
    store: keyvStore(keyv, "", leases, sets),
    location,
    durable: location.kind,
    readiness: { store: { kind: location.kind, probe: () => keyv.get(PROBE_KEY) } },
    close: () => closeAll(keyv, claim),
  };
}

/** The PostgreSQL database `LEDGERLINE_DATABASE_URL` names, if it names one; a malformed URL is a config error naming it. */
async function postgresLocationOf(databaseUrl: string | undefined): Promise<PostgresStateLocation | undefined> {
  if (databaseUrl === undefined || databaseUrl.trim() === "") return undefined;
  // Loaded only here: the mirror's module brings its database drivers, which a SQLite or Redis-only store never needs.
  const { parseDatabaseUrl } = await import("../mirror/open-mirror-store.js");
  const parsed = parseDatabaseUrl(databaseUrl);
  if (!parsed.ok) throw new ConfigError([`LEDGERLINE_DATABASE_URL: ${parsed.problem}`]);
  if (parsed.location.kind !== "postgres") return undefined;
  const { url, schema } = parsed.location;
  return schema === undefined ? { url } : { url, schema };
}

/**
 * A cluster's store: key-value records and member sets in PostgreSQL (durable, shared), leases on Redis
 * (short-lived, shared). On first open of a namespace, records an earlier version kept in Redis are
 * imported once (see `adoptRedisState`).
 */
async function openRedisWithPostgres(
  location: Extract<StoreLocation, { kind: "redis" }>,
  postgres: PostgresStateLocation,
  { logger, connectTimeoutMs, namespace }: { logger: Logger; connectTimeoutMs: number; namespace: string },
): Promise<OpenKeyValueStore> {
  const redis = new KeyvRedis(location.url, { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: connectTimeoutMs });
  redis.on("error", (error: unknown) => logger.error("redis error", { store: "redis", error: String(error) }));
  const redisClient = async () => (await redis.getClient()) as unknown;
  try {
    await ((await redisClient()) as { ping(): Promise<unknown> }).ping();
  } catch (error) {
    await redis.disconnect(true).catch(() => undefined);
    throw new ConfigError([`LEDGERLINE_STORE_URL: cannot open ${describe(location)}: ${(error as Error).message ?? error}`]);
  }
  let state: PostgresState;
  try {
    state = await openPostgresState(postgres, { connectTimeoutMs });
  } catch (error) {
    await redis.disconnect().catch(() => undefined);
    throw new ConfigError([`LEDGERLINE_DATABASE_URL: cannot open the key-value tables: ${(error as Error).message ?? error}`]);
  }
  const adapter = new PostgresKeyvAdapter(state.pool, state.tables.kv);
  const keyv = new Keyv({ store: adapter, namespace, throwOnErrors: true });
  keyv.on("error", (error: unknown) => logger.error("key-value store error", { store: "postgres", error: String(error) }));
  const close = async () => {
    try {
      await keyv.disconnect();
      await state.close();
    } finally {
      await redis.disconnect();
    }
  };
  const where = `postgres at ${redact(postgres.url)}`;
  try {
    await keyv.get(PROBE_KEY);
    await adoptRedisState({ postgres: state, redis: async () => (await redisClient()) as RedisAdoptionClient, namespace, logger });
    await adapter.sweep();
  } catch (error) {
    await close().catch(() => undefined);
    throw new ConfigError([`LEDGERLINE_DATABASE_URL: cannot open the key-value tables at ${where} (or import from ${describe(location)}): ${(error as Error).message ?? error}`]);
  }
  const leases = redisLeases(async () => (await redisClient()) as RedisLeaseClient, `${namespace}:lease:`);
  const sets = postgresSets(state.pool, state.tables.sets, `${namespace}:`);
  logger.info("key-value store open", { store: where, leases: describe(location) });
  return {
    store: keyvStore(keyv, "", leases, sets),
    location,
    durable: "postgres",
    readiness: {
      store: { kind: "redis", probe: async () => ((await redisClient()) as { ping(): Promise<unknown> }).ping() },
      keyValue: { kind: "postgres", probe: () => keyv.get(PROBE_KEY) },
    },
    close,
  };
}

async function closeAll(keyv: Keyv, claim: SqliteFileClaim | undefined): Promise<void> {
  try {
    await keyv.disconnect();
  } finally {
    await claim?.release();
  }
}

/** The keyv and the sets beside it (Redis's come from its client, in `createKeyValueStore`). */
async function openKeyv(location: StoreLocation, namespace: string, connectTimeoutMs: number): Promise<{ keyv: Keyv; sets?: MemberSets }> {
  switch (location.kind) {
    case "memory":
      return { keyv: new Keyv({ namespace, throwOnErrors: true }), sets: localSets() };
    case "sqlite": {
      const db = await openSqliteDatabase(location.file);
      try {
        const sqlite = await SqliteKeyvAdapter.open(db);
        return { keyv: new Keyv({ store: sqlite, namespace, throwOnErrors: true }), sets: await sqliteSets(db, `${namespace}:`) };
      } catch (error) {
        await db.close();
        throw error;
      }
    }
    case "redis": {
      const redis = new KeyvRedis(location.url, { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: connectTimeoutMs });
      return { keyv: new Keyv({ store: redis, namespace, throwOnErrors: true, useKeyPrefix: false }) };
    }
  }
}

function describe(location: StoreLocation): string {
  if (location.kind === "sqlite") return `sqlite file ${location.file}`;
  if (location.kind === "redis") return `redis at ${redact(location.url)}`;
  return "in-memory store";
}
