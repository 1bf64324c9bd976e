import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig, resolveSecretKey } from "../src/config/index.js";

const XERO = { XERO_CLIENT_ID: "client-id", XERO_CLIENT_SECRET: "client-secret-value", XERO_REDIRECT_URI: "http://localhost:4000/xero/callback" };

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected loadConfig to throw");
}

describe("loadConfig", () => {
  test("defaults", () => {
    const dataDir = path.resolve("./data");
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: "127.0.0.1",
      dataDir,
      storeUrl: `sqlite://${dataDir}/ledgerline.sqlite`,
      secretKey: undefined,
      logLevel: "info",
      xero: undefined,
      maxDepth: 10,
      maxComplexity: 10_000,
      sandbox: true,
      sandboxPorts: { XERO: 4010, DAFTRA: 4011, CLIENTARY: 4012 },
      sandboxActivityMs: 4000,
      sandboxSeed: undefined,
      triggers: { enabled: true, retentionDays: 30, budgetPercent: 50, budgetPerMinute: { XERO: 60, DAFTRA: 120, CLIENTARY: 120 }, budgetPerDay: { XERO: 5000, DAFTRA: 0, CLIENTARY: 0 }, intervalSeconds: 0, minIntervalSeconds: 5, reconcileMinutes: 15 },
      mirror: { enabled: true, maxLagSeconds: 600, refreshSeconds: 120 },
      upstream: { timeoutMs: 20_000, keyBudgetPercent: 10 },
      webSocket: { subscriptionsPerConnection: 20, subscriptionsPerKey: 200, connectionsPerKey: 100, initTimeoutMs: 10_000 },
      lifecycle: { stopDelaySeconds: 0, drainSeconds: 10, readyTimeoutMs: 1000 },
      webhooks: { timeoutMs: 10_000, scheduleMs: [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000], disableAfterHours: 120, loopback: "allow" },
      xeroWebhookKey: undefined,
      metrics: true,
    });
  });

  test("blank values count as unset", () => {
    expect(loadConfig({ PORT: "", LOG_LEVEL: "  ", XERO_CLIENT_ID: "" })).toMatchObject({ port: 4000, logLevel: "info", xero: undefined });
  });

  test("every variable, set well", () => {
    const config = loadConfig({
      PORT: "0", HOST: "0.0.0.0", LEDGERLINE_DATA_DIR: "/tmp/ll-data", LEDGERLINE_STORE_URL: "redis://:pw@127.0.0.1:6379/2",
      LEDGERLINE_SECRET_KEY: "k".repeat(32), LOG_LEVEL: "DEBUG",
      LEDGERLINE_MAX_DEPTH: "7", LEDGERLINE_MAX_COMPLEXITY: "250", LEDGERLINE_SANDBOX: "off", XERO_SANDBOX_PORT: "0", ...XERO,
      LEDGERLINE_SANDBOX_ACTIVITY_MS: "0", LEDGERLINE_SANDBOX_SEED: "1234",
      LEDGERLINE_TRIGGERS: "off", LEDGERLINE_EVENT_RETENTION_DAYS: "7", LEDGERLINE_TRIGGER_BUDGET_PERCENT: "25", LEDGERLINE_TRIGGER_BUDGET_DAFTRA: "40",
      LEDGERLINE_TRIGGER_DAILY_BUDGET_XERO: "1000", LEDGERLINE_TRIGGER_DAILY_BUDGET_CLIENTARY: "20000",
      LEDGERLINE_TRIGGER_INTERVAL_SECONDS: "30", LEDGERLINE_TRIGGER_RECONCILE_MINUTES: "60", XERO_WEBHOOK_KEY: "w".repeat(40),
      LEDGERLINE_UPSTREAM_TIMEOUT_MS: "15000", LEDGERLINE_KEY_BUDGET_PERCENT: "40",
      LEDGERLINE_WS_SUBSCRIPTIONS_PER_CONNECTION: "5", LEDGERLINE_WS_SUBSCRIPTIONS_PER_KEY: "50", LEDGERLINE_WS_CONNECTIONS_PER_KEY: "8", LEDGERLINE_WS_INIT_TIMEOUT_MS: "2500",
      LEDGERLINE_STOP_DELAY_SECONDS: "5", LEDGERLINE_DRAIN_SECONDS: "25", LEDGERLINE_READY_TIMEOUT_MS: "750",
      LEDGERLINE_MIRROR: "off", LEDGERLINE_DATABASE_URL: "postgres://ll@db.internal:5432/books", LEDGERLINE_MIRROR_MAX_LAG_SECONDS: "30", LEDGERLINE_MIRROR_REFRESH_SECONDS: "45",
      LEDGERLINE_METRICS: "off",
      LEDGERLINE_WEBHOOK_TIMEOUT_SECONDS: "2.5", LEDGERLINE_WEBHOOK_RETRY_SCHEDULE: "0s,250ms,1m,1h", LEDGERLINE_WEBHOOK_DISABLE_AFTER_HOURS: "48",
    });
    expect(config).toEqual({
      port: 0, host: "0.0.0.0", dataDir: "/tmp/ll-data", storeUrl: "redis://:pw@127.0.0.1:6379/2",
      secretKey: "k".repeat(32), logLevel: "debug",
      xero: { clientId: "client-id", clientSecret: "client-secret-value", redirectUri: XERO.XERO_REDIRECT_URI },
      maxDepth: 7, maxComplexity: 250, sandbox: false, sandboxPorts: { XERO: 0, DAFTRA: 4011, CLIENTARY: 4012 },
      sandboxActivityMs: 0, sandboxSeed: 1234,
      triggers: { enabled: false, retentionDays: 7, budgetPercent: 25, budgetPerMinute: { XERO: 60, DAFTRA: 40, CLIENTARY: 120 }, budgetPerDay: { XERO: 1000, DAFTRA: 0, CLIENTARY: 20_000 }, intervalSeconds: 30, minIntervalSeconds: 5, reconcileMinutes: 60 },
      mirror: { enabled: false, databaseUrl: "postgres://ll@db.internal:5432/books", maxLagSeconds: 30, refreshSeconds: 45 },
      upstream: { timeoutMs: 15_000, keyBudgetPercent: 40 },
      webSocket: { subscriptionsPerConnection: 5, subscriptionsPerKey: 50, connectionsPerKey: 8, initTimeoutMs: 2500 },
      lifecycle: { stopDelaySeconds: 5, drainSeconds: 25, readyTimeoutMs: 750 },
      webhooks: { timeoutMs: 2500, scheduleMs: [0, 250, 60_000, 3_600_000], disableAfterHours: 48, loopback: "deny" },
      xeroWebhookKey: "w".repeat(40),
      metrics: false,
    });
    expect(loadConfig({ LEDGERLINE_STORE_URL: "memory://" }).storeUrl).toBe("memory://");
  });

  const file = path.join(mkdtempSync(path.join(tmpdir(), "ll-config-")), "not-a-folder");
  writeFileSync(file, "x");

  test.each([
    ["PORT", { PORT: "http" }, 'an integer from 0 to 65535, got "http"'],
    ["PORT", { PORT: "70000" }, "from 0 to 65535"],
    ["HOST", { HOST: "my host" }, "a host name or IP address"],
    ["LEDGERLINE_DATA_DIR", { LEDGERLINE_DATA_DIR: file }, "expected a folder"],
    ["LEDGERLINE_STORE_URL", { LEDGERLINE_STORE_URL: "postgres://db/ledgerline" }, "expected sqlite://"],
    ["LEDGERLINE_STORE_URL", { LEDGERLINE_STORE_URL: "sqlite://" }, "path is empty"],
    ["REDIS_URL", { REDIS_URL: "redis://127.0.0.1:6379" }, "put the Redis URL in LEDGERLINE_STORE_URL=redis://"],
    ["LEDGERLINE_WEBHOOK_TIMEOUT_SECONDS", { LEDGERLINE_WEBHOOK_TIMEOUT_SECONDS: "ten" }, "expected a number of seconds from 0.1 to 120"],
    ["LEDGERLINE_WEBHOOK_RETRY_SCHEDULE", { LEDGERLINE_WEBHOOK_RETRY_SCHEDULE: "0s,5parsecs" }, "5parsecs"],
    ["LEDGERLINE_WEBHOOK_LOOPBACK", { LEDGERLINE_WEBHOOK_LOOPBACK: "maybe" }, "expected one of allow, deny, auto"],
    ["LEDGERLINE_STOP_DELAY_SECONDS", { LEDGERLINE_STOP_DELAY_SECONDS: "-1" }, "an integer from 0 to 300"],
    ["LEDGERLINE_DRAIN_SECONDS", { LEDGERLINE_DRAIN_SECONDS: "ten" }, 'an integer from 0 to 600, got "ten"'],
    ["LEDGERLINE_READY_TIMEOUT_MS", { LEDGERLINE_READY_TIMEOUT_MS: "10" }, "an integer from 50 to 60000"],
    ["LEDGERLINE_SECRET_KEY", { LEDGERLINE_SECRET_KEY: "tooshort" }, "at least 32 characters"],
    ["LOG_LEVEL", { LOG_LEVEL: "verbose" }, "one of debug, info, warn, error, silent"],
    ["XERO_CLIENT_SECRET", { XERO_CLIENT_ID: "id", XERO_REDIRECT_URI: XERO.XERO_REDIRECT_URI }, "required because XERO_CLIENT_ID and XERO_REDIRECT_URI are set"],
    ["XERO_CLIENT_ID", { XERO_CLIENT_SECRET: "s", XERO_REDIRECT_URI: XERO.XERO_REDIRECT_URI }, "required because"],
    ["XERO_REDIRECT_URI", { ...XERO, XERO_REDIRECT_URI: "ftp://example.com/cb" }, "a URL starting with http:// or https://"],
    ["LEDGERLINE_MAX_DEPTH", { LEDGERLINE_MAX_DEPTH: "0" }, "an integer from 1 to 1000"],
    ["LEDGERLINE_MAX_COMPLEXITY", { LEDGERLINE_MAX_COMPLEXITY: "lots" }, 'got "lots"'],
    ["LEDGERLINE_SANDBOX", { LEDGERLINE_SANDBOX: "maybe" }, "expected true or false"],
    ["XERO_SANDBOX_PORT", { XERO_SANDBOX_PORT: "-1" }, "from 0 to 65535"],
    ["LEDGERLINE_SANDBOX_ACTIVITY_MS", { LEDGERLINE_SANDBOX_ACTIVITY_MS: "fast" }, 'an integer from 0 to 86400000, got "fast"'],
    ["LEDGERLINE_SANDBOX_SEED", { LEDGERLINE_SANDBOX_SEED: "-3" }, "an integer from 0 to 2147483647"],
    ["XERO_IDENTITY_URL", { ...XERO, XERO_IDENTITY_URL: "identity.xero.com" }, "a URL starting with http:// or https://"],
    ["LEDGERLINE_TRIGGERS", { LEDGERLINE_TRIGGERS: "sometimes" }, "expected true or false"],
    ["LEDGERLINE_EVENT_RETENTION_DAYS", { LEDGERLINE_EVENT_RETENTION_DAYS: "0" }, "an integer from 1 to 3650"],
    ["LEDGERLINE_TRIGGER_BUDGET_PERCENT", { LEDGERLINE_TRIGGER_BUDGET_PERCENT: "150" }, "an integer from 1 to 100"],
    ["LEDGERLINE_TRIGGER_DAILY_BUDGET_XERO", { LEDGERLINE_TRIGGER_DAILY_BUDGET_XERO: "5k" }, 'an integer from 0 to 1000000000, got "5k"'],
    ["LEDGERLINE_TRIGGER_DAILY_BUDGET_DAFTRA", { LEDGERLINE_TRIGGER_DAILY_BUDGET_DAFTRA: "-1" }, "an integer from 0 to 1000000000"],
    ["XERO_WEBHOOK_KEY", { XERO_WEBHOOK_KEY: "short" }, "at least 16 characters"],
    ["LEDGERLINE_UPSTREAM_TIMEOUT_MS", { LEDGERLINE_UPSTREAM_TIMEOUT_MS: "0" }, "an integer from 1000 to 300000"],
    ["LEDGERLINE_KEY_BUDGET_PERCENT", { LEDGERLINE_KEY_BUDGET_PERCENT: "0" }, "an integer from 1 to 100"],
    ["LEDGERLINE_WS_SUBSCRIPTIONS_PER_CONNECTION", { LEDGERLINE_WS_SUBSCRIPTIONS_PER_CONNECTION: "0" }, "an integer from 1 to 10000"],
    ["LEDGERLINE_WS_INIT_TIMEOUT_MS", { LEDGERLINE_WS_INIT_TIMEOUT_MS: "soon" }, "an integer from 100 to 600000"],
    ["LEDGERLINE_DATABASE_URL", { LEDGERLINE_DATABASE_URL: "mysql://db/books" }, "expected postgres://"],
    ["LEDGERLINE_DATABASE_URL", { LEDGERLINE_DATABASE_URL: "postgres://:secret@db.internal:5432" }, "the database name is missing"],
    ["LEDGERLINE_DATABASE_URL", { LEDGERLINE_STORE_URL: "redis://127.0.0.1:6379/2" }, "required with a Redis store"],
    ["LEDGERLINE_MIRROR", { LEDGERLINE_MIRROR: "on", LEDGERLINE_TRIGGERS: "off" }, "needs LEDGERLINE_TRIGGERS=on"],
    ["LEDGERLINE_MIRROR_MAX_LAG_SECONDS", { LEDGERLINE_MIRROR_MAX_LAG_SECONDS: "5" }, "an integer from 10 to 604800"],
  ])("%s: a bad value is named with what is expected (%j)", (name, env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(problems.filter((p) => p.startsWith("XERO_")).length > 1 ? 2 : 1);
    const mine = problems.find((p) => p.startsWith(`${name}: `));
    expect(mine).toBeDefined();
    expect(mine).toContain(expected);
  });

  test("REDIS_URL is refused with the variable to use, and its password is not echoed", () => {
    const problems = problemsOf({ REDIS_URL: "redis://:hunter2@cache.internal:6379" });
    expect(problems).toEqual([expect.stringMatching(/^REDIS_URL: .*LEDGERLINE_STORE_URL=redis:\/\//)]);
    expect(problems.join("\n")).not.toContain("hunter2");
    expect(loadConfig({ REDIS_URL: "  " })).not.toHaveProperty("redisUrl");
  });

  test("REDIS_URL beside an explicit LEDGERLINE_STORE_URL (a platform that injects it) is left alone", () => {
    const beside = loadConfig({ REDIS_URL: "redis://cache.internal:6379", LEDGERLINE_STORE_URL: "redis://127.0.0.1:6379", LEDGERLINE_DATABASE_URL: "postgres://u@db:5432/ledgerline" });
    expect(beside.storeUrl).toBe("redis://127.0.0.1:6379");
    expect(beside).not.toHaveProperty("redisUrl");
    expect(() => loadConfig({ REDIS_URL: "redis://cache.internal:6379", LEDGERLINE_STORE_URL: "memory://" })).not.toThrow();
  });

  test("a database password never shows in a problem", () => {
    expect(problemsOf({ LEDGERLINE_DATABASE_URL: "mysql://me:hunter2@db/books" }).join("\n")).not.toContain("hunter2");
  });

  test("the mirror follows the triggers unless turned off, and takes a database URL", () => {
    expect(loadConfig({ LEDGERLINE_TRIGGERS: "off" }).mirror.enabled).toBe(false);
    expect(loadConfig({ LEDGERLINE_MIRROR: "off" }).mirror.enabled).toBe(false);
    expect(loadConfig({ LEDGERLINE_STORE_URL: "redis://127.0.0.1:6379/2", LEDGERLINE_DATABASE_URL: "postgresql://127.0.0.1/test" }).mirror)
      .toEqual({ enabled: true, databaseUrl: "postgresql://127.0.0.1/test", maxLagSeconds: 600, refreshSeconds: 120 });
  });

  test("a missing partner is named for each absent Xero variable", () => {
    expect(problemsOf({ XERO_CLIENT_ID: "id" }).map((p) => p.split(":")[0])).toEqual(["XERO_CLIENT_SECRET", "XERO_REDIRECT_URI"]);
  });

  test("all problems are reported at once, in one error", () => {
    const env = { PORT: "x", LOG_LEVEL: "loud", LEDGERLINE_SANDBOX: "perhaps", LEDGERLINE_STORE_URL: "mongodb://x" };
    expect(() => loadConfig(env)).toThrowError(/4 problems/);
    expect(problemsOf(env).map((p) => p.split(":")[0]).sort()).toEqual(["LEDGERLINE_SANDBOX", "LEDGERLINE_STORE_URL", "LOG_LEVEL", "PORT"]);
  });

  test("secret values are never echoed in messages", () => {
    const message = (() => {
      try {
        loadConfig({ LEDGERLINE_SECRET_KEY: "hunter2-secret", LEDGERLINE_STORE_URL: "ftp://user:pa55word@host" });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain("LEDGERLINE_SECRET_KEY");
    expect(message).not.toContain("hunter2-secret");
    expect(message).not.toContain("pa55word");
  });
});

describe("resolveSecretKey", () => {
  test("generates <dataDir>/secret.key once, mode 0600, and reuses it", () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "ll-secret-")), "nested", "data");
    const first = resolveSecretKey({ dataDir });
    const file = path.join(dataDir, "secret.key");
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveSecretKey({ dataDir })).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
  });

  test("LEDGERLINE_SECRET_KEY wins over the file", () => {
    expect(resolveSecretKey({ dataDir: "/nonexistent", secretKey: "s".repeat(40) })).toBe("s".repeat(40));
  });
});
