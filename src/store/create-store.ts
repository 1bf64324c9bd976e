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

export interface CreateKeyValueStoreOptions {
  logger: Logger;
  /** How long to wait for Redis before giving up at start. @default 5000 */
  connectTimeoutMs?: number;
  /** Key namespace, so several apps can share one Redis or SQLite file. @default "ledgerline" */
  namespace?: string;
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
 * gateway (a second one on the same file stops at start, see `claimSqliteFile`) and shared with the
 * event log through one writer (see `openSqliteDatabase`).
 */
export async function createKeyValueStore(
  url: string,
  { logger, connectTimeoutMs = 5000, namespace = "ledgerline" }: CreateKeyValueStoreOptions,
): Promise<OpenKeyValueStore> {
  const parsed = parseStoreUrl(url);
  if (!parsed.ok) throw new ConfigError([`LEDGERLINE_STORE_URL: ${parsed.problem}`]);
  const { location } = parsed;
  const claim = location.kind === "sqlite" && location.file !== ":memory:" ? await claimSqliteFile(location.file) : undefined;
  let keyv: Keyv;
  try {
    keyv = await openKeyv(location, namespace, connectTimeoutMs);
  } catch (error) {
    await claim?.release();
    throw new ConfigError([`LEDGERLINE_STORE_URL: cannot open ${describe(location)}: ${(error as Error).message ?? error}`]);
  }
  const leases = location.kind === "redis"
    ? redisLeases(async () => (await (keyv.store as KeyvRedis<unknown>).getClient()) as unknown as RedisLeaseClient, `${namespace}:lease:`)
    : undefined;
  keyv.on("error", (error: unknown) => logger.error("key-value store error", { store: location.kind, error: String(error) }));
  try {
    await keyv.get("__ledgerline_probe__");
  } catch (error) {
    await keyv.disconnect().catch(() => undefined);
    await claim?.release();
    throw new ConfigError([`LEDGERLINE_STORE_URL: cannot open ${describe(location)}: ${(error as Error).message ?? error}`]);
  }
  logger.info("key-value store open", { store: describe(location) });
  return { store: keyvStore(keyv, "", leases), location, close: () => closeAll(keyv, claim) };
}

async function closeAll(keyv: Keyv, claim: SqliteFileClaim | undefined): Promise<void> {
  try {
    await keyv.disconnect();
  } finally {
    await claim?.release();
  }
}

async function openKeyv(location: StoreLocation, namespace: string, connectTimeoutMs: number): Promise<Keyv> {
  switch (location.kind) {
    case "memory":
      return new Keyv({ namespace, throwOnErrors: true });
    case "sqlite": {
      const db = await openSqliteDatabase(location.file);
      const sqlite = await SqliteKeyvAdapter.open(db).catch(async (error: unknown) => {
        await db.close();
        throw error;
      });
      return new Keyv({ store: sqlite, namespace, throwOnErrors: true });
    }
    case "redis": {
      const redis = new KeyvRedis(location.url, { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: connectTimeoutMs });
      return new Keyv({ store: redis, namespace, throwOnErrors: true, useKeyPrefix: false });
    }
  }
}

function describe(location: StoreLocation): string {
  if (location.kind === "sqlite") return `sqlite file ${location.file}`;
  if (location.kind === "redis") return `redis at ${redact(location.url)}`;
  return "in-memory store";
}
