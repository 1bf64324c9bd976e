import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { POSTGRES_URL, postgresSchema } from "../support/postgres.js";
import { clearGatewayKeys } from "../support/redis.js";
import { bootGateway, killHard, type GatewayProcess } from "../triggers/gateway-process.js";
import { polling, running, until } from "./polling-probe.js";
import { freePort } from "../triggers/sandbox-fleet.js";
import { connectDaftraOrganization, type DaftraOrganization } from "./daftra-organization.js";

/**
 * Two compiled gateways share Redis (store, leases) and PostgreSQL (mirror); one Daftra organization,
 * polled by whichever holds its lease. The holder is killed with no chance to let the lease go
 * (SIGKILL), or frozen past its lease (SIGSTOP): the other instance takes over once the lease lapses
 * (10 s, asked every 2 s), and a frozen holder that wakes up finds it lost and writes nothing over the
 * new holder's state (its fencing token is older).
 */

const ENTRY = "dist/src/main.js";
/** A Redis database of this file's own: the gateway's keys (namespace "ledgerline") are cleared before and after. */
const REDIS_DB = 13;
const STORE_URL = `redis://127.0.0.1:6379/${REDIS_DB}`;
/** The lease lasts 10 s and a standby asks for it every 2 s: failover within this. */
const FAILOVER_WITHIN_MS = 15_000;

const GATEWAY_ENV = {
  LEDGERLINE_TRIGGERS: "on",
  LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: "1",
  LEDGERLINE_TRIGGER_BUDGET_PERCENT: "100",
  LEDGERLINE_TRIGGER_BUDGET_DAFTRA: "6000",
};

const clearRedis = () => clearGatewayKeys(STORE_URL);
const redisUp = await clearRedis();
if (!redisUp) console.warn(`skipping the lease failover tests: Redis is not reachable at ${STORE_URL}`);
const database = redisUp ? await postgresSchema("fence_failover") : undefined;
if (redisUp && !database) console.warn(`skipping the lease failover tests: PostgreSQL is not reachable at ${POSTGRES_URL}`);


/** Two gateways on the shared stores, A polling the organization and B standing by. */
async function pair(dataDir: string, organization: DaftraOrganization, started: GatewayProcess[]) {
  const env = { ...GATEWAY_ENV, LEDGERLINE_STORE_URL: STORE_URL, LEDGERLINE_DATABASE_URL: database!.url, LEDGERLINE_SECRET_KEY: organization.secretKey };
  const a = await bootGateway({ dataDir: await mkdtemp(path.join(dataDir, "a-")), port: await freePort(), env });
  started.push(a);
  await until(() => polling(a, organization.apiKey, organization.organizationId), (p) => p.calls > 0, 20_000, "instance A polls");
  const b = await bootGateway({ dataDir: await mkdtemp(path.join(dataDir, "b-")), port: await freePort(), env });
  started.push(b);
  return { a, b };
}

describe.runIf(redisUp && database)("poll lease failover between two gateways on Redis", () => {
  it("kill -9 of the instance polling an organization: the other polls it within 15 s; a frozen holder that wakes after its lease passed on writes nothing over the new holder's state", async () => {
    expect(existsSync(ENTRY), `${ENTRY} is missing: build first (npx tsc -p tsconfig.json)`).toBe(true);
    const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-failover-"));
    const redis = new Redis({ host: "127.0.0.1", port: 6379, db: REDIS_DB, lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const sql = new pg.Client({ connectionString: POSTGRES_URL });
    let organization: DaftraOrganization | undefined;
    const started: GatewayProcess[] = [];
    try {
      await redis.connect();
      await sql.connect();
      organization = await connectDaftraOrganization({ dataDir, storeUrl: STORE_URL, triggers: { intervalSeconds: 1 } });
      const { apiKey, organizationId } = organization;
      const leaseKey = `ledgerline:lease:triggers:poll:${organizationId}`;
      const fenceKey = `ledgerline:lease:fence:triggers:poll:${organizationId}`;
      const storedFences = async () =>
        (await sql.query<{ fence: string }>(`select fence from ${database!.schema}.mirror_sync where organization_id = $1`, [organizationId])).rows.map((r) => Number(r.fence));

      const { a, b } = await pair(dataDir, organization, started);
      const heldByA = await redis.get(leaseKey);
      expect(heldByA).toBeTruthy();
      expect(await redis.pttl(leaseKey), "the lease is short, and renewed by a heartbeat").toBeLessThanOrEqual(10_000);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect((await polling(b, apiKey, organizationId)).calls, "B stands by while A holds the lease").toBe(0);
      const fenceOfA = Number(await redis.get(fenceKey));
      expect(Math.max(...(await storedFences())), "A's polls carry its token").toBe(fenceOfA);

      // Killed: nothing lets the lease go; it lapses.
      const lastOfA = (await polling(b, apiKey, organizationId)).lastRunAt;
      const killedAt = Date.now();
      await killHard(a);
      await until(() => polling(b, apiKey, organizationId), (p) => p.calls > 0 && p.lastRunAt > lastOfA, FAILOVER_WITHIN_MS, "instance B polls after A was killed");
      const failoverMs = Date.now() - killedAt;
      expect(failoverMs).toBeLessThanOrEqual(FAILOVER_WITHIN_MS);
      const heldByB = await redis.get(leaseKey);
      expect(heldByB).not.toBe(heldByA);
      const fenceOfB = Number(await redis.get(fenceKey));
      expect(fenceOfB).toBeGreaterThan(fenceOfA);

      // C stands by; B freezes past its lease (SIGSTOP): C takes over, and B, woken up, must not write with its older token.
      const c = await bootGateway({ dataDir: await mkdtemp(path.join(dataDir, "c-")), port: await freePort(), env: { ...GATEWAY_ENV, LEDGERLINE_STORE_URL: STORE_URL, LEDGERLINE_DATABASE_URL: database!.url, LEDGERLINE_SECRET_KEY: organization.secretKey } });
      started.push(c);
      const lastOfB = (await polling(c, apiKey, organizationId)).lastRunAt;
      b.child.kill("SIGSTOP");
      const frozenAt = Date.now();
      await until(() => polling(c, apiKey, organizationId), (p) => p.calls > 0 && p.lastRunAt > lastOfB, FAILOVER_WITHIN_MS, "instance C polls while B is frozen");
      expect(Date.now() - frozenAt).toBeLessThanOrEqual(FAILOVER_WITHIN_MS);
      const heldByC = await redis.get(leaseKey);
      const fenceOfC = Number(await redis.get(fenceKey));
      expect(fenceOfC).toBeGreaterThan(fenceOfB);
      b.child.kill("SIGCONT");
      // B wakes with its work where it stopped: over the next polls of C, the lease stays C's and no state goes back to B's token.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(running(b), b.output()).toBe(true);
      expect(await redis.get(leaseKey)).toBe(heldByC);
      const after = await until(() => polling(c, apiKey, organizationId), (p) => p.lastRunAt > Date.now() - 3_000, 10_000, "C keeps polling");
      expect(after.calls).toBeGreaterThan(0);
      const fences = await storedFences();
      expect(Math.max(...fences)).toBe(fenceOfC);
      console.log(`lease failover: kill -9 → B polling seen ${failoverMs} ms; sync rows' tokens after B woke: ${JSON.stringify(fences)} (A ${fenceOfA}, B ${fenceOfB}, C ${fenceOfC})`);
    } finally {
      for (const gateway of started) {
        if (running(gateway)) {
          gateway.child.kill("SIGCONT");
          gateway.child.kill("SIGKILL");
        }
      }
      await Promise.all(started.map((g) => g.exited));
      redis.disconnect();
      await sql.end().catch(() => undefined);
      await organization?.close();
      await clearRedis();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
