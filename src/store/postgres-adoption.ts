import type { Logger } from "../infra/logger.js";
import type { PostgresState } from "./postgres-state.js";

/** The Redis client surface the import needs (node-redis v5, as @keyv/redis uses). */
export interface RedisAdoptionClient {
  scan(cursor: string, options: { MATCH: string; TYPE: string; COUNT: number }): Promise<{ cursor: string; keys: string[] }>;
  get(key: string): Promise<string | null>;
  pTTL(key: string): Promise<number>;
  zRange(key: string, start: number, stop: number): Promise<string[]>;
}

/** What one import copied. */
export interface AdoptionCount {
  /** Key-value records (organizations, API keys, sealed tokens, idempotency records…). */
  records: number;
  /** Member sets (the indexes of those records), and their members. */
  sets: number;
  members: number;
}

/** Where `adoptRedisState` copies from and to. */
export interface AdoptRedisStateOptions {
  postgres: PostgresState;
  redis: () => Promise<RedisAdoptionClient>;
  /** The store's namespace ("ledgerline"): Redis holds its records as `<namespace>::<key>`, its sets as `<namespace>:set:<key>`. */
  namespace: string;
  logger: Logger;
  /** Milliseconds since the epoch, for the expiries of records copied with a TTL. @default Date.now */
  now?: () => number;
}

const SCAN_COUNT = 500;

/**
 * Carries a cluster that kept its durable state in Redis over to PostgreSQL, once per namespace: when
 * PostgreSQL has never looked at this namespace and holds none of its rows, every key-value record
 * (value and remaining TTL) and every member set of the namespace is copied from Redis. Leases, event
 * log keys and set counters are left alone, and Redis keeps its copy. The look and the copy run in one
 * transaction under an advisory lock per namespace, and leave a row in `ledgerline_kv_adoptions`: of
 * instances starting at once one imports, the others find that row and import nothing. Returns what
 * was copied, or undefined when the namespace was already adopted or already had rows.
 */
export async function adoptRedisState({ postgres, redis, namespace, logger, now = Date.now }: AdoptRedisStateOptions): Promise<AdoptionCount | undefined> {
  const { pool, tables } = postgres;
  const prefix = `${namespace}:`;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`ledgerline_kv:adopt:${namespace}`]);
    const adopted = await client.query(`SELECT 1 FROM ${tables.adoptions} WHERE namespace = $1`, [namespace]);
    if ((adopted.rowCount ?? 0) > 0) {
      await client.query("COMMIT");
      return undefined;
    }
    const present = await client.query(
      `SELECT 1 FROM ${tables.kv} WHERE starts_with(key, $1) UNION ALL SELECT 1 FROM ${tables.sets} WHERE starts_with(key, $1) LIMIT 1`,
      [prefix],
    );
    const count: AdoptionCount = { records: 0, sets: 0, members: 0 };
    const copy = (present.rowCount ?? 0) === 0;
    if (copy) {
      const source = await redis();
      // SCAN may return a key more than once.
      const seen = new Set<string>();
      for await (const keys of scan(source, `${globEscape(namespace)}::*`, "string")) {
        const rows: Array<{ key: string; value: string; expiresAt: number | null }> = [];
        for (const key of keys) {
          if (seen.has(key)) continue;
          seen.add(key);
          const [value, ttl] = await Promise.all([source.get(key), source.pTTL(key)]);
          // -2: gone since the scan saw it.
          if (value === null || ttl === -2) continue;
          rows.push({ key: `${prefix}${key.slice(namespace.length + 2)}`, value, expiresAt: ttl > 0 ? now() + ttl : null });
        }
        if (rows.length === 0) continue;
        await client.query(
          `INSERT INTO ${tables.kv} (key, value, expires_at) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) ON CONFLICT (key) DO NOTHING`,
          [rows.map((r) => r.key), rows.map((r) => r.value), rows.map((r) => r.expiresAt)],
        );
        count.records += rows.length;
      }
      const setPrefix = `${namespace}:set:`;
      for await (const keys of scan(source, `${globEscape(setPrefix)}*`, "zset")) {
        for (const key of keys) {
          if (seen.has(key)) continue;
          seen.add(key);
          const members = await source.zRange(key, 0, -1);
          if (members.length === 0) continue;
          // One row per member in the sorted set's order: the identity column numbers them as they come.
          await client.query(
            `INSERT INTO ${tables.sets} (key, member) SELECT $1, member FROM unnest($2::text[]) WITH ORDINALITY AS m(member, n) ORDER BY n ON CONFLICT DO NOTHING`,
            [`${prefix}${key.slice(setPrefix.length)}`, members],
          );
          count.sets += 1;
          count.members += members.length;
        }
      }
    }
    await client.query(`INSERT INTO ${tables.adoptions} (namespace, records, sets) VALUES ($1, $2, $3)`, [namespace, count.records, count.sets]);
    await client.query("COMMIT");
    if (!copy) return undefined;
    logger.info("key-value state imported from Redis into PostgreSQL", { namespace, records: count.records, sets: count.sets, members: count.members });
    return count;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Batches of keys matching `pattern` of one Redis type. */
async function* scan(client: RedisAdoptionClient, pattern: string, type: string): AsyncGenerator<string[]> {
  let cursor = "0";
  do {
    const reply = await client.scan(cursor, { MATCH: pattern, TYPE: type, COUNT: SCAN_COUNT });
    cursor = String(reply.cursor);
    if (reply.keys.length > 0) yield reply.keys;
  } while (cursor !== "0");
}

/** `text` matched literally in a Redis glob pattern. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
