import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/index.js";
import { createKeyValueStore, type OpenKeyValueStore } from "../src/store/create-store.js";
import { openPostgresState } from "../src/store/postgres-state.js";
import { PostgresKeyvAdapter } from "../src/store/postgres-keyv-adapter.js";
import { createApiKeyService } from "../src/auth/index.js";
import { createOrganizationRepository } from "../src/organizations/organization-repository.js";
import { silentLogger, type Logger } from "../src/infra/logger.js";
import { Provider } from "../schema/common/provider.enum.js";
import { clearGatewayKeys } from "./support/redis.js";
import { POSTGRES_URL, postgresSchema, type PostgresSchema } from "./support/postgres.js";

/**
 * A cluster's store: Redis (LEDGERLINE_STORE_URL) with PostgreSQL (LEDGERLINE_DATABASE_URL). Records and
 * member sets live in PostgreSQL, leases on Redis; a Redis that loses everything loses no organization
 * or key; a store that ran on Redis alone is imported once.
 */

/** A Redis database of this file's own. */
const REDIS_DB = 9;
const REDIS_URL = `redis://127.0.0.1:6379/${REDIS_DB}`;

const redisUp = await clearGatewayKeys(REDIS_URL);
if (!redisUp) console.warn(`skipping the Redis + PostgreSQL store tests: Redis is not reachable at ${REDIS_URL}`);
const probe = redisUp ? await postgresSchema("kv_probe") : undefined;
if (redisUp && !probe) console.warn(`skipping the Redis + PostgreSQL store tests: PostgreSQL is not reachable at ${POSTGRES_URL}`);

const schemas: PostgresSchema[] = [];
/** A schema of its own for one test (dropped when the file ends). */
async function freshSchema(): Promise<PostgresSchema> {
  const schema = (await postgresSchema("kv_state"))!;
  schemas.push(schema);
  return schema;
}

const namespaceOf = () => `ledgerline-kv-${randomUUID()}`;
const open = (databaseUrl: string | undefined, namespace: string, logger: Logger = silentLogger) =>
  createKeyValueStore(REDIS_URL, { logger, namespace, claim: false, ...(databaseUrl ? { databaseUrl } : {}) });

function redis(): Redis {
  return new Redis({ host: "127.0.0.1", port: 6379, db: REDIS_DB, lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A logger that keeps what was logged at info. */
function recordingLogger(): Logger & { infos: Array<{ msg: string; data?: Record<string, unknown> }> } {
  const infos: Array<{ msg: string; data?: Record<string, unknown> }> = [];
  const logger = { ...silentLogger, infos, info: (msg: string, data?: Record<string, unknown>) => void infos.push({ msg, ...(data ? { data } : {}) }), child: () => logger };
  return logger;
}

async function closeAll(opened: OpenKeyValueStore[]): Promise<void> {
  await Promise.all(opened.map((o) => o.close()));
}

afterAll(async () => {
  if (!redisUp) return;
  await clearGatewayKeys(REDIS_URL);
  for (const schema of [...schemas, ...(probe ? [probe] : [])]) await schema.drop();
});

describe.runIf(redisUp && probe)("Redis + PostgreSQL store", () => {
  it("keeps records in PostgreSQL (get, set, delete, TTL, namespaces), leases on Redis, across close and reopen", async () => {
    const { url, schema } = await freshSchema();
    const namespace = namespaceOf();
    const first = await open(url, namespace);
    expect(first.durable).toBe("postgres");
    expect(first.location).toEqual({ kind: "redis", url: REDIS_URL });
    await first.store.set("plain", { amount: "1234.50", lines: [1, 2] });
    await first.store.namespace("api-keys").set("record:1", { name: "ci" });
    await first.store.set("short-lived", "x", 50);
    await first.store.set("long-lived", "y", 60_000);
    expect(await first.store.get("short-lived")).toBe("x");
    const holder = await first.store.namespace("triggers").leases.acquire("poll:org-1", 30_000);
    expect(holder).toBeTruthy();
    await first.close();

    // The records are rows of the schema's table; Redis holds the lease and none of the records.
    const rows = await query<{ key: string; expires_at: string | null }>(`select key, expires_at from "${schema}".ledgerline_kv where starts_with(key, $1) order by key`, [`${namespace}:`]);
    expect(rows.map((r) => r.key)).toEqual([`${namespace}:api-keys:record:1`, `${namespace}:long-lived`, `${namespace}:plain`, `${namespace}:short-lived`]);
    const longLived = rows.find((r) => r.key.endsWith(":long-lived"))!;
    expect(Number(longLived.expires_at)).toBeGreaterThan(Date.now() + 50_000);
    expect(rows.find((r) => r.key.endsWith(":plain"))!.expires_at).toBeNull();
    const client = redis();
    await client.connect();
    try {
      expect(await client.keys(`${namespace}::*`)).toEqual([]);
      expect(await client.get(`${namespace}:lease:triggers:poll:org-1`)).toBeTruthy();
    } finally {
      client.disconnect();
    }

    const second = await open(url, namespace);
    try {
      expect(await second.store.get("plain")).toEqual({ amount: "1234.50", lines: [1, 2] });
      expect(await second.store.namespace("api-keys").get("record:1")).toEqual({ name: "ci" });
      expect(await second.store.get("record:1")).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(await second.store.get("short-lived")).toBeUndefined();
      expect(await second.store.get("long-lived")).toBe("y");
      expect(await second.store.delete("plain")).toBe(true);
      expect(await second.store.delete("plain")).toBe(false);
      expect(await second.store.get("plain")).toBeUndefined();
      // Another namespace in the same tables sees none of it.
      const other = await open(url, namespaceOf());
      try {
        expect(await other.store.namespace("api-keys").get("record:1")).toBeUndefined();
      } finally {
        await other.close();
      }
    } finally {
      await second.close();
    }
  });

  it("the adapter: many keys at once, expired rows read as absent and are swept, clear stays in its namespace", async () => {
    const { url } = await freshSchema();
    const { parseDatabaseUrl } = await import("../src/mirror/open-mirror-store.js");
    const parsed = parseDatabaseUrl(url);
    if (!parsed.ok || parsed.location.kind !== "postgres") throw new Error("bad test url");
    const state = await openPostgresState(parsed.location);
    let now = 1_000_000;
    const a = new PostgresKeyvAdapter(state.pool, state.tables.kv, { now: () => now });
    const b = new PostgresKeyvAdapter(state.pool, state.tables.kv, { now: () => now });
    a.namespace = "a";
    b.namespace = "b";
    try {
      await a.set("a:1", "one");
      await a.set("a:2", "two", 1000);
      await b.set("b:1", "other");
      expect(await a.getMany(["a:1", "a:2", "a:3"])).toEqual(["one", "two", undefined]);
      expect(await a.has("a:2")).toBe(true);
      now += 1000;
      expect(await a.get("a:2")).toBeUndefined();
      expect(await a.has("a:2")).toBe(false);
      expect(await a.delete("a:2")).toBe(false);
      await a.set("a:3", "three", 10);
      now += 10;
      expect(await a.sweep()).toBe(1);
      await a.clear();
      expect(await a.get("a:1")).toBeUndefined();
      expect(await b.get("b:1")).toBe("other");
      expect(await b.deleteMany(["b:1", "b:2"])).toBe(true);
    } finally {
      await a.disconnect();
      await b.disconnect();
      await state.close();
    }
  });

  it("member sets: insertion order, idempotent adds, removes; 3 stores × 50 adds at once lose none", async () => {
    const { url } = await freshSchema();
    const namespace = namespaceOf();
    const opened = await Promise.all([0, 1, 2].map(() => open(url, namespace)));
    try {
      const ns = opened[0]!.store.namespace("things");
      for (const id of ["c", "a", "b", "a"]) await ns.sets.add("ids", id);
      expect(await ns.sets.members("ids")).toEqual(["c", "a", "b"]);
      await ns.sets.remove("ids", "a");
      await ns.sets.remove("ids", "missing");
      await ns.sets.add("ids", "a");
      expect(await opened[1]!.store.namespace("things").sets.members("ids")).toEqual(["c", "b", "a"]);
      expect(await opened[1]!.store.sets.members("ids")).toEqual([]);

      await Promise.all(opened.map((o, h) => Promise.all(Array.from({ length: 50 }, (_, i) => o.store.namespace("race").sets.add("ids", `${h}-${i}`)))));
      const members = await opened[2]!.store.namespace("race").sets.members("ids");
      expect(members).toHaveLength(150);
      expect(new Set(members).size).toBe(150);
    } finally {
      await closeAll(opened);
    }
  });

  it("3 stores creating 20 organizations and 20 API keys each at once: all 60 of each are listed", async () => {
    const { url } = await freshSchema();
    const namespace = namespaceOf();
    const opened = await Promise.all([0, 1, 2].map(() => open(url, namespace)));
    try {
      await Promise.all(
        opened.map(({ store }, s) =>
          Promise.all(
            Array.from({ length: 20 }, async (_, i) => {
              await createApiKeyService(store).create({ name: `s${s}-${i}`, organizationIds: [] });
              await createOrganizationRepository(store).create({ provider: Provider.DAFTRA, name: `s${s}-${i}`, settings: {} });
            }),
          ),
        ),
      );
    } finally {
      await closeAll(opened);
    }
    const reader = await open(url, namespace);
    try {
      const keys = await createApiKeyService(reader.store).list();
      const organizations = await createOrganizationRepository(reader.store).list();
      expect(new Set(keys.map((k) => k.name)).size).toBe(60);
      expect(keys).toHaveLength(60);
      expect(new Set(organizations.map((o) => o.name)).size).toBe(60);
      expect(organizations).toHaveLength(60);
    } finally {
      await reader.close();
    }
  });

  it("a Redis that loses everything (FLUSHDB) loses no organization or API key", async () => {
    const { url } = await freshSchema();
    const namespace = namespaceOf();
    const writer = await open(url, namespace);
    const created: Array<{ id: string; key: string }> = [];
    const organizationIds: string[] = [];
    try {
      const apiKeys = createApiKeyService(writer.store);
      for (let i = 0; i < 5; i++) {
        organizationIds.push((await createOrganizationRepository(writer.store).create({ provider: Provider.XERO, name: `o${i}`, settings: {} })).id);
        created.push(await apiKeys.create({ name: `k${i}`, organizationIds: [organizationIds[i]!] }));
      }
    } finally {
      await writer.close();
    }
    const client = redis();
    await client.connect();
    try {
      expect(((client.options as { db?: number }).db)).toBe(REDIS_DB);
      await client.flushdb();
    } finally {
      client.disconnect();
    }
    const reader = await open(url, namespace);
    try {
      const apiKeys = createApiKeyService(reader.store);
      expect((await createOrganizationRepository(reader.store).list()).map((o) => o.id)).toEqual(organizationIds);
      expect((await apiKeys.list()).map((k) => k.id)).toEqual(created.map((c) => c.id));
      for (const [i, { key }] of created.entries()) expect((await apiKeys.verify(key))?.organizationIds).toEqual([organizationIds[i]]);
    } finally {
      await reader.close();
    }
  });

  it("a store that ran on Redis alone is imported once (values, TTLs, sets), even when two instances open at once", async () => {
    const { url, schema } = await freshSchema();
    const namespace = namespaceOf();
    const before = await open(undefined, namespace);
    const keys: Array<{ id: string; key: string }> = [];
    const organizationIds: string[] = [];
    try {
      expect(before.durable).toBe("redis");
      const apiKeys = createApiKeyService(before.store);
      for (let i = 0; i < 4; i++) {
        organizationIds.push((await createOrganizationRepository(before.store).create({ provider: Provider.DAFTRA, name: `o${i}`, settings: {} })).id);
        keys.push(await apiKeys.create({ name: `k${i}`, organizationIds: "*" }));
      }
      await before.store.namespace("idempotency").set("req-1", { status: "done" }, 60_000);
      await before.store.namespace("triggers").leases.acquire("poll:x", 60_000);
    } finally {
      await before.close();
    }

    const loggers = [recordingLogger(), recordingLogger()];
    const opened = await Promise.all(loggers.map((logger) => open(url, namespace, logger)));
    try {
      const imports = loggers.flatMap((l) => l.infos.filter((i) => i.msg.includes("imported")));
      expect(imports).toHaveLength(1);
      // 4 organizations, 4 API keys (record and digest each), 1 idempotency record; the two id sets.
      expect(imports[0]!.data).toMatchObject({ namespace, records: 4 + 4 * 2 + 1, sets: 2, members: 8 });
      for (const { store } of opened) {
        const apiKeys = createApiKeyService(store);
        expect((await createOrganizationRepository(store).list()).map((o) => o.id)).toEqual(organizationIds);
        expect((await apiKeys.list()).map((k) => k.id)).toEqual(keys.map((k) => k.id));
        expect(await apiKeys.verify(keys[0]!.key)).not.toBeNull();
        expect(await store.namespace("idempotency").get("req-1")).toEqual({ status: "done" });
      }
      const [ttl] = await query<{ expires_at: string }>(`select expires_at from "${schema}".ledgerline_kv where key = $1`, [`${namespace}:idempotency:req-1`]);
      expect(Number(ttl!.expires_at)).toBeGreaterThan(Date.now() + 50_000);
      expect(Number(ttl!.expires_at)).toBeLessThanOrEqual(Date.now() + 60_000);
      // Leases and set counters stay on Redis.
      const [{ count }] = (await query<{ count: string }>(`select count(*) from "${schema}".ledgerline_kv where key like '%lease%' or key like '%counter%'`)) as [{ count: string }];
      expect(Number(count)).toBe(0);
    } finally {
      await closeAll(opened);
    }

    // Later writes to Redis alone (an instance of an earlier version) are not imported again.
    const stale = await open(undefined, namespace);
    await createOrganizationRepository(stale.store).create({ provider: Provider.DAFTRA, name: "late", settings: {} });
    await stale.close();
    const again = await open(url, namespace);
    try {
      expect((await createOrganizationRepository(again.store).list()).map((o) => o.id)).toEqual(organizationIds);
    } finally {
      await again.close();
    }
  });

  it("readiness asks Redis (store) and PostgreSQL (keyValue)", async () => {
    const { url } = await freshSchema();
    const opened = await open(url, namespaceOf());
    try {
      expect(Object.fromEntries(Object.entries(opened.readiness).map(([name, check]) => [name, check.kind]))).toEqual({ store: "redis", keyValue: "postgres" });
      for (const check of Object.values(opened.readiness)) await check.probe();
    } finally {
      await opened.close();
    }
  });

  it("a malformed or unreachable LEDGERLINE_DATABASE_URL stops the start, naming it", async () => {
    const malformed = open("postgres://", namespaceOf());
    await expect(malformed).rejects.toBeInstanceOf(ConfigError);
    await expect(malformed).rejects.toThrow(/LEDGERLINE_DATABASE_URL: /);
    const unreachable = createKeyValueStore(REDIS_URL, { logger: silentLogger, claim: false, connectTimeoutMs: 500, databaseUrl: "postgres://postgres:secret-pw@127.0.0.1:1/test" });
    await expect(unreachable).rejects.toThrow(/LEDGERLINE_DATABASE_URL: cannot open/);
    await expect(unreachable).rejects.not.toThrow(/secret-pw/);
  });
});
