import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { clearGatewayKeys } from "../support/redis.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bootGateway, type GatewayProcess } from "../triggers/gateway-process.js";
import { freePort } from "../triggers/sandbox-fleet.js";
import { postgresSchema, type PostgresSchema } from "../support/postgres.js";
import { startTcpGate, type TcpGate } from "./tcp-gate.js";

/**
 * `/readyz` of the compiled gateway on Redis (reached through a TCP gate the test can pause, as a paused
 * or overloaded Redis) and PostgreSQL: ready when every store answers, 503 naming the one that does
 * not, 503 draining once a stop began; `/healthz` stays 200 throughout.
 */

const ENTRY = "dist/src/main.js";
/** A Redis database of this file's own: the gateway's keys (namespace "ledgerline") are cleared before and after. */
const REDIS_DB = 11;
const PG_PASSWORD = "pg-pass-never-shown";

const clearRedis = () => clearGatewayKeys(`redis://127.0.0.1:6379/${REDIS_DB}`);

const redisUp = await clearRedis();
if (!redisUp) console.warn("skipping the /readyz tests: Redis is not reachable at 127.0.0.1:6379");
const database = redisUp ? await postgresSchema("readyz") : undefined;
if (redisUp && !database) console.warn("skipping the /readyz tests: PostgreSQL is not reachable at 127.0.0.1:5432");

interface ReadyBody {
  status: string;
  checks?: Record<string, { kind: string; status: string; ms: number; error?: string }>;
}

async function readyz(origin: string): Promise<{ status: number; body: ReadyBody; text: string }> {
  const response = await fetch(`${origin}/readyz`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as ReadyBody, text };
}

const healthz = (origin: string) => fetch(`${origin}/healthz`).then((r) => r.status);

describe.runIf(redisUp && database)("GET /readyz on Redis and PostgreSQL", () => {
  let dataDir: string;
  let gate: TcpGate;
  let gateway: GatewayProcess;
  let origin: string;
  let schema: PostgresSchema;

  beforeAll(async () => {
    expect(existsSync(ENTRY), `${ENTRY} is missing: build first (npx tsc -p tsconfig.json)`).toBe(true);
    schema = database!;
    dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-readyz-"));
    gate = await startTcpGate({ host: "127.0.0.1", port: 6379 });
    // The trust-authenticated test server ignores the password; it is there to prove it is never shown.
    const databaseUrl = schema.url.replace("postgres://postgres@", `postgres://postgres:${PG_PASSWORD}@`);
    gateway = await bootGateway({
      dataDir, port: await freePort(),
      env: {
        LEDGERLINE_STORE_URL: `redis://127.0.0.1:${gate.port}/${REDIS_DB}`, LEDGERLINE_DATABASE_URL: databaseUrl, LEDGERLINE_TRIGGERS: "on",
        LEDGERLINE_READY_TIMEOUT_MS: "500", LEDGERLINE_STOP_DELAY_SECONDS: "3",
      },
    });
    origin = new URL(gateway.url).origin;
  });

  afterAll(async () => {
    if (gateway && gateway.child.exitCode === null && gateway.child.signalCode === null) gateway.child.kill("SIGKILL");
    await gate?.close();
    await clearRedis();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("is 200 with every check when the stores answer", async () => {
    const { status, body, text } = await readyz(origin);
    expect(status, text).toBe(200);
    expect(body).toMatchObject({
      status: "ready",
      checks: { store: { kind: "redis", status: "ok" }, keyValue: { kind: "postgres", status: "ok" }, eventLog: { kind: "redis", status: "ok" }, database: { kind: "postgres", status: "ok" } },
    });
    expect(text).not.toContain(PG_PASSWORD);
    expect(text).not.toContain(schema.schema);
  });

  it("is 503 naming the store while Redis does not answer, 200 again once it does; /healthz stays 200", async () => {
    gate.pause();
    try {
      const { status, body, text } = await readyz(origin);
      expect(status, text).toBe(503);
      expect(body.status).toBe("unready");
      expect(body.checks!.store).toMatchObject({ kind: "redis", status: "failed", error: "no answer within 500 ms" });
      expect(body.checks!.database).toMatchObject({ kind: "postgres", status: "ok" });
      expect(body.checks!.keyValue).toMatchObject({ kind: "postgres", status: "ok" });
      expect(text).not.toContain(PG_PASSWORD);
      expect(await healthz(origin)).toBe(200);
    } finally {
      gate.resume();
    }
    await vi.waitFor(async () => expect((await readyz(origin)).status).toBe(200), { timeout: 10_000, interval: 100 });
  });

  it("is 503 draining as soon as SIGTERM arrives, while /healthz stays 200; then the process exits 0", async () => {
    gateway.child.kill("SIGTERM");
    // LEDGERLINE_STOP_DELAY_SECONDS=3: the server still answers, to say it is going away.
    await vi.waitFor(async () => expect((await readyz(origin)).body).toEqual({ status: "draining" }), { timeout: 2_500, interval: 50 });
    expect((await readyz(origin)).status).toBe(503);
    expect(await healthz(origin)).toBe(200);
    expect(await gateway.exited, gateway.output()).toBe(0);
  });
});
