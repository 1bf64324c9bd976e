import type pg from "pg";
import type { SqliteDatabase } from "./sqlite-database.js";

/**
 * Sets of strings kept beside the key-value pairs, in the order their members were first added, whose
 * adds and removes are each one atomic step on the backing store: a Redis script over a sorted set,
 * one SQLite statement, a local Set in memory. They index records kept one per key (API keys,
 * organizations), so that several processes creating records at once lose none, which a
 * read-modify-write list would.
 */
export interface MemberSets {
  /** Adds `member` at the end; a member already there keeps its place. */
  add(key: string, member: string): Promise<void>;
  remove(key: string, member: string): Promise<void>;
  /** Every member, in the order they were added. */
  members(key: string): Promise<string[]>;
}

/** One process's sets: exact for memory stores, which no other process shares. */
export function localSets(): MemberSets {
  const sets = new Map<string, Set<string>>();
  return {
    async add(key, member) {
      let set = sets.get(key);
      if (!set) sets.set(key, (set = new Set()));
      set.add(member);
    },
    async remove(key, member) {
      sets.get(key)?.delete(member);
    },
    members: async (key) => [...(sets.get(key) ?? [])],
  };
}

/** The Redis client surface the sets need (node-redis v5, as @keyv/redis uses). */
export interface RedisSetClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  zRem(key: string, member: string): Promise<number>;
  zRange(key: string, start: number, stop: number): Promise<string[]>;
}

/** A sorted set scored by a counter beside it, so members come back in the order they were added. */
const ADD_IN_ORDER = "return redis.call('zadd', KEYS[1], 'NX', redis.call('incr', KEYS[2]), ARGV[1])";

export function redisSets(client: () => Promise<RedisSetClient>, prefix: string): MemberSets {
  return {
    async add(key, member) {
      await (await client()).eval(ADD_IN_ORDER, { keys: [`${prefix}${key}`, `${prefix}${key}:counter`], arguments: [member] });
    },
    async remove(key, member) {
      await (await client()).zRem(`${prefix}${key}`, member);
    },
    members: async (key) => (await client()).zRange(`${prefix}${key}`, 0, -1),
  };
}

/**
 * Sets in the SQLite file, table `keyv_sets` (one row per member, in rowid order): an add is one
 * INSERT OR IGNORE, atomic across every process using the file (SQLite serialises writers; each
 * waits its busy timeout).
 */
export async function sqliteSets(db: SqliteDatabase, prefix: string): Promise<MemberSets> {
  await db.run("CREATE TABLE IF NOT EXISTS keyv_sets(name TEXT NOT NULL, member TEXT NOT NULL, UNIQUE (name, member))");
  return {
    async add(key, member) {
      await db.run("INSERT OR IGNORE INTO keyv_sets (name, member) VALUES (?, ?)", [`${prefix}${key}`, member]);
    },
    async remove(key, member) {
      await db.run("DELETE FROM keyv_sets WHERE name = ? AND member = ?", [`${prefix}${key}`, member]);
    },
    members: async (key) => (await db.all<{ member: string }>("SELECT member FROM keyv_sets WHERE name = ? ORDER BY rowid", [`${prefix}${key}`])).map((row) => row.member),
  };
}

/**
 * Sets in PostgreSQL, table `ledgerline_sets` (see `openPostgresState`; one row per member, numbered in
 * insertion order): an add is one INSERT … ON CONFLICT DO NOTHING and a remove one DELETE, each atomic
 * across every instance sharing the database.
 */
export function postgresSets(pool: pg.Pool, table: string, prefix: string): MemberSets {
  return {
    async add(key, member) {
      await pool.query(`INSERT INTO ${table} (key, member) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [`${prefix}${key}`, member]);
    },
    async remove(key, member) {
      await pool.query(`DELETE FROM ${table} WHERE key = $1 AND member = $2`, [`${prefix}${key}`, member]);
    },
    members: async (key) => (await pool.query<{ member: string }>(`SELECT member FROM ${table} WHERE key = $1 ORDER BY position`, [`${prefix}${key}`])).rows.map((row) => row.member),
  };
}
