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
import { localSets, redisSets, sqliteSets, type MemberSets, type RedisSetClient } from "./member-sets.js";

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
}

export interface OpenKeyValueStore {
  store: KeyValueStore;
  location: StoreLocation;
  close(): Promise<void>;
}

/**
 * Opens the durable key-value store named by a URL (`sqlite://<file>`, `redis://…`, `rediss://…`,
 * `memory://`) and checks it answers before returning, so a wrong path or an unreachable Redis
 * stops the start instead of failing the first request. Store errors are thrown, never swallowed:
 * state such as credentials must not silently read as missing. A SQLite file is claimed for this
 * gateway (a second one on the same file stops at start, see `claimSqliteFile`; `claim: false` skips
 * that for operator tools) and shared with the event log through one writer (see `openSqliteDatabase`).
 */
export async function createKeyValueStore(
  url: string,
  { logger, connectTimeoutMs = 5000, namespace = "ledgerline", claim: claimFile = true }: CreateKeyValueStoreOptions,
): Promise<OpenKeyValueStore> {
  const parsed = parseStoreUrl(url);
  if (!parsed.ok) throw new ConfigError([`LEDGERLINE_STORE_URL: ${parsed.problem}`]);
  const { location } = parsed;
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
    await keyv.get("__ledgerline_probe__");
  } catch (error) {
    await keyv.disconnect().catch(() => undefined);
    await claim?.release();
    throw new ConfigError([`LEDGERLINE_STORE_URL: cannot open ${describe(location)}: ${(error as Error).message ?? error}`]);
  }
  logger.info("key-value store open", { store: describe(location) });
  return { store: keyvStore(keyv, "", leases, sets), location, close: () => closeAll(keyv, claim) };
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
