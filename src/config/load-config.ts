import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { LogLevel } from "../infra/logger.js";
import { parseStoreUrl, redact } from "../store/store-url.js";
import { parseDatabaseUrl } from "../mirror/open-mirror-store.js";
import { ConfigError } from "./config-error.js";
import { booleanVar, enumVar, integerVar, optionalIntegerVar, optionalStringVar, parsedVar, secondsVar, secretVar, stringVar, urlVar } from "./env-parsers.js";
import { DEFAULT_RETRY_SCHEDULE_MS, parseRetrySchedule } from "../webhooks/delivery/retry-schedule.js";
import type { WebSocketLimits } from "../server/websocket-limits.js";

/** Credentials of the Xero app the gateway uses for real (non-sandbox) Xero organizations. */
export interface XeroAppConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** `XERO_IDENTITY_URL`: where Xero's identity server is (a sandbox or proxy in tests). @default https://identity.xero.com */
  identityUrl?: string;
  /** `XERO_API_URL`: where Xero's API is. @default https://api.xero.com */
  apiUrl?: string;
}

/** Outbound webhooks to partner endpoints (on whenever triggers are). */
export interface WebhookConfig {
  /** `LEDGERLINE_WEBHOOK_TIMEOUT_SECONDS`: one attempt's limit (connect, answer, first bytes); decimals allowed. @default 10 */
  timeoutMs: number;
  /** `LEDGERLINE_WEBHOOK_RETRY_SCHEDULE`: delay before each attempt. @default "0s,5s,5m,30m,2h,5h,10h,10h" (8 attempts over about 28 hours) */
  scheduleMs: number[];
  /** `LEDGERLINE_WEBHOOK_DISABLE_AFTER_HOURS`: an endpoint failing this long without a success is disabled. @default 120 (5 days) */
  disableAfterHours: number;
  /**
   * `LEDGERLINE_WEBHOOK_LOOPBACK`: whether endpoint URLs may point at this machine (127.0.0.0/8, ::1, localhost, also over http).
   * @default "allow" on the embedded default (a SQLite or memory store), "deny" in a cluster (a Redis store)
   */
  loopback: "allow" | "deny";
}

/** Change detection and events (pollers, webhooks, the event log). */
export interface TriggerConfig {
  /** `LEDGERLINE_TRIGGERS`: detect changes and serve event subscriptions. @default true */
  enabled: boolean;
  /** `LEDGERLINE_EVENT_RETENTION_DAYS`: how long events stay in the log (and can be replayed). @default 30 */
  retentionDays: number;
  /** `LEDGERLINE_TRIGGER_BUDGET_PERCENT`: share of an organization's rate budget the pollers may use. @default 50 */
  budgetPercent: number;
  /**
   * `LEDGERLINE_TRIGGER_BUDGET_XERO` (60), `LEDGERLINE_TRIGGER_BUDGET_DAFTRA` (120), `LEDGERLINE_TRIGGER_BUDGET_CLIENTARY` (120):
   * calls per minute one organization of that provider allows (Xero's is documented; Daftra and Clientary document none, so about 2 calls a second, the pace their users report as safe).
   */
  budgetPerMinute: { XERO: number; DAFTRA: number; CLIENTARY: number };
  /**
   * `LEDGERLINE_TRIGGER_DAILY_BUDGET_XERO` (5000), `LEDGERLINE_TRIGGER_DAILY_BUDGET_DAFTRA` (0), `LEDGERLINE_TRIGGER_DAILY_BUDGET_CLIENTARY` (0):
   * calls one organization of that provider allows in a day; 0 = no daily limit (Daftra and Clientary document none).
   * The pollers take the same share of the day as of the minute.
   */
  budgetPerDay: { XERO: number; DAFTRA: number; CLIENTARY: number };
  /** `LEDGERLINE_TRIGGER_INTERVAL_SECONDS`: fixed time between two polls of one entity kind; 0 = as often as the budget allows. @default 0 */
  intervalSeconds: number;
  /** `LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS`: never poll one entity kind more often than this. @default 5 */
  minIntervalSeconds: number;
  /** `LEDGERLINE_TRIGGER_RECONCILE_MINUTES`: time between full listings that find deleted records. @default 15 */
  reconcileMinutes: number;
}

/** The change-fed mirror the reads come from. */
export interface MirrorConfig {
  /** `LEDGERLINE_MIRROR`: keep a mirror of every organization's books and read from it (needs `LEDGERLINE_TRIGGERS`: the change feed keeps it fresh). @default true */
  enabled: boolean;
  /**
   * `LEDGERLINE_DATABASE_URL`: where the mirror lives: postgres://… (a cluster shares one) or sqlite://<file>.
   * Absent: `mirror.sqlite` beside the SQLite store (in memory with `memory://`).
   */
  databaseUrl?: string;
  /** `LEDGERLINE_MIRROR_MAX_LAG_SECONDS`: an entity whose last completed poll is older than this is STALE, and `source: AUTO` reads it live. @default 600 */
  maxLagSeconds: number;
  /** `LEDGERLINE_MIRROR_REFRESH_SECONDS`: how often entities without triggers (reference data…) are re-listed to keep the mirror fresh. @default 120 */
  refreshSeconds: number;
}

/** The gateway's own bounds on calls to the providers, on top of each provider's limits. */
export interface UpstreamConfig {
  /** `LEDGERLINE_UPSTREAM_TIMEOUT_MS`: longest one upstream call may take, its waits for the organization's budget included. @default 20000 */
  timeoutMs: number;
  /**
   * `LEDGERLINE_KEY_BUDGET_PERCENT`: share of an organization's per-minute budget each API key is sure to find. A key past
   * it may go on only while that much stays free for other keys (and never into the pollers' share). @default 10
   */
  keyBudgetPercent: number;
}

/**
 * Bounds on graphql-ws connections set by environment (`LEDGERLINE_WS_SUBSCRIPTIONS_PER_CONNECTION`,
 * `_SUBSCRIPTIONS_PER_KEY`, `_CONNECTIONS_PER_KEY`, `_INIT_TIMEOUT_MS`); the rest of `WebSocketLimits` keeps its defaults.
 */
export type WebSocketConfig = Pick<WebSocketLimits, "subscriptionsPerConnection" | "subscriptionsPerKey" | "connectionsPerKey" | "initTimeoutMs">;

/** Stopping (on SIGTERM or SIGINT) and readiness (`GET /readyz`). */
export interface LifecycleConfig {
  /**
   * `LEDGERLINE_STOP_DELAY_SECONDS`: once a stop began, keep serving this long with `/readyz` at 503, so a load
   * balancer takes the instance out before it refuses connections (set it to the balancer's probe period × failures). @default 0
   */
  stopDelaySeconds: number;
  /** `LEDGERLINE_DRAIN_SECONDS`: how long running HTTP requests get to finish once new connections are refused; the rest are cut. @default 10 */
  drainSeconds: number;
  /** `LEDGERLINE_READY_TIMEOUT_MS`: how long each `/readyz` check (store, event log, database) may take to answer. @default 1000 */
  readyTimeoutMs: number;
}

/** The gateway's configuration, validated once at start. */
export interface GatewayConfig {
  /** `PORT`; 0 picks a free port. @default 4000 */
  port: number;
  /** `HOST`. @default "127.0.0.1" */
  host: string;
  /** `LEDGERLINE_DATA_DIR`, resolved to an absolute path. @default "./data" */
  dataDir: string;
  /** `LEDGERLINE_STORE_URL`: sqlite://…, redis://…, rediss://… or memory://. @default "sqlite://<dataDir>/ledgerline.sqlite" */
  storeUrl: string;
  /** `LEDGERLINE_SECRET_KEY`; absent means use (or create) `<dataDir>/secret.key`, see `resolveSecretKey`. */
  secretKey?: string;
  /** `LOG_LEVEL`. @default "info" */
  logLevel: LogLevel;
  /** `XERO_CLIENT_ID`, `XERO_CLIENT_SECRET`, `XERO_REDIRECT_URI`: all three or none. */
  xero?: XeroAppConfig;
  /** `LEDGERLINE_MAX_DEPTH`: deepest selection allowed in one operation. @default 10 */
  maxDepth: number;
  /** `LEDGERLINE_MAX_COMPLEXITY`: highest estimated cost allowed for one operation. @default 10000 */
  maxComplexity: number;
  /** `LEDGERLINE_SANDBOX`: start the embedded provider sandboxes. @default true */
  sandbox: boolean;
  /** `XERO_SANDBOX_PORT` (4010), `DAFTRA_SANDBOX_PORT` (4011), `CLIENTARY_SANDBOX_PORT` (4012): ports of the embedded sandboxes; 0 picks free ones. */
  sandboxPorts: { XERO: number; DAFTRA: number; CLIENTARY: number };
  /**
   * `LEDGERLINE_SANDBOX_ACTIVITY_MS`: simulated business activity in the embedded sandboxes, one action
   * (a new invoice, a payment, an edit…) per sandbox every so many milliseconds; 0 = off, the books stay still. @default 4000
   */
  sandboxActivityMs: number;
  /** `LEDGERLINE_SANDBOX_SEED`: seed of that activity, to replay the same actions; absent ⇒ each sandbox's own. */
  sandboxSeed?: number;
  triggers: TriggerConfig;
  mirror: MirrorConfig;
  upstream: UpstreamConfig;
  webSocket: WebSocketConfig;
  lifecycle: LifecycleConfig;
  webhooks: WebhookConfig;
  /** `XERO_WEBHOOK_KEY`: the Xero app's webhook signing key; set, it enables `POST /webhooks/xero`. */
  xeroWebhookKey?: string;
  /** `LEDGERLINE_METRICS`: serve `GET /metrics` (Prometheus text, no API key; it holds no keys, tokens or secrets) on the gateway's port. @default true */
  metrics: boolean;
}

const variables = {
  PORT: integerVar(0, 65535, 4000),
  HOST: stringVar("127.0.0.1", /^[^\s/]+$/, "a host name or IP address"),
  LEDGERLINE_DATA_DIR: stringVar("./data", /.+/, "a folder path"),
  LEDGERLINE_STORE_URL: optionalStringVar(),
  LEDGERLINE_SECRET_KEY: secretVar(32, "for example the output of `openssl rand -base64 32`"),
  LOG_LEVEL: enumVar(["debug", "info", "warn", "error", "silent"] as const, "info"),
  XERO_CLIENT_ID: optionalStringVar(),
  XERO_CLIENT_SECRET: optionalStringVar(),
  XERO_REDIRECT_URI: urlVar(["http:", "https:"]),
  XERO_IDENTITY_URL: urlVar(["http:", "https:"]),
  XERO_API_URL: urlVar(["http:", "https:"]),
  LEDGERLINE_MAX_DEPTH: integerVar(1, 1000, 10),
  LEDGERLINE_MAX_COMPLEXITY: integerVar(1, 10_000_000, 10_000),
  LEDGERLINE_SANDBOX: booleanVar(true),
  XERO_SANDBOX_PORT: integerVar(0, 65535, 4010),
  DAFTRA_SANDBOX_PORT: integerVar(0, 65535, 4011),
  CLIENTARY_SANDBOX_PORT: integerVar(0, 65535, 4012),
  LEDGERLINE_SANDBOX_ACTIVITY_MS: integerVar(0, 86_400_000, 4000),
  LEDGERLINE_SANDBOX_SEED: optionalIntegerVar(0, 2 ** 31 - 1),
  LEDGERLINE_TRIGGERS: booleanVar(true),
  LEDGERLINE_METRICS: booleanVar(true),
  LEDGERLINE_EVENT_RETENTION_DAYS: integerVar(1, 3650, 30),
  LEDGERLINE_TRIGGER_BUDGET_PERCENT: integerVar(1, 100, 50),
  LEDGERLINE_TRIGGER_BUDGET_XERO: integerVar(1, 100_000, 60),
  LEDGERLINE_TRIGGER_BUDGET_DAFTRA: integerVar(1, 100_000, 120),
  LEDGERLINE_TRIGGER_BUDGET_CLIENTARY: integerVar(1, 100_000, 120),
  LEDGERLINE_TRIGGER_DAILY_BUDGET_XERO: integerVar(0, 1_000_000_000, 5000),
  LEDGERLINE_TRIGGER_DAILY_BUDGET_DAFTRA: integerVar(0, 1_000_000_000, 0),
  LEDGERLINE_TRIGGER_DAILY_BUDGET_CLIENTARY: integerVar(0, 1_000_000_000, 0),
  LEDGERLINE_TRIGGER_INTERVAL_SECONDS: integerVar(0, 86_400, 0),
  LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: integerVar(0, 86_400, 5),
  LEDGERLINE_TRIGGER_RECONCILE_MINUTES: integerVar(1, 10_080, 15),
  LEDGERLINE_UPSTREAM_TIMEOUT_MS: integerVar(1000, 300_000, 20_000),
  LEDGERLINE_KEY_BUDGET_PERCENT: integerVar(1, 100, 10),
  LEDGERLINE_WS_SUBSCRIPTIONS_PER_CONNECTION: integerVar(1, 10_000, 20),
  LEDGERLINE_WS_SUBSCRIPTIONS_PER_KEY: integerVar(1, 1_000_000, 200),
  LEDGERLINE_WS_CONNECTIONS_PER_KEY: integerVar(1, 1_000_000, 100),
  LEDGERLINE_WS_INIT_TIMEOUT_MS: integerVar(100, 600_000, 10_000),
  LEDGERLINE_STOP_DELAY_SECONDS: integerVar(0, 300, 0),
  LEDGERLINE_DRAIN_SECONDS: integerVar(0, 600, 10),
  LEDGERLINE_READY_TIMEOUT_MS: integerVar(50, 60_000, 1000),
  LEDGERLINE_MIRROR: booleanVar(true),
  LEDGERLINE_DATABASE_URL: optionalStringVar(),
  LEDGERLINE_MIRROR_MAX_LAG_SECONDS: integerVar(10, 604_800, 600),
  LEDGERLINE_MIRROR_REFRESH_SECONDS: integerVar(10, 86_400, 120),
  LEDGERLINE_WEBHOOK_TIMEOUT_SECONDS: secondsVar(0.1, 120, 10),
  LEDGERLINE_WEBHOOK_RETRY_SCHEDULE: parsedVar<number[] | undefined>(undefined, (raw) => {
    const parsed = parseRetrySchedule(raw);
    return parsed.ok ? { ok: true, value: parsed.delaysMs } : parsed;
  }),
  LEDGERLINE_WEBHOOK_DISABLE_AFTER_HOURS: integerVar(1, 8760, 120),
  LEDGERLINE_WEBHOOK_LOOPBACK: enumVar(["allow", "deny", "auto"] as const, "auto"),
  XERO_WEBHOOK_KEY: secretVar(16, "the webhook key Xero shows for your app's webhook"),
};
type Values = { [K in keyof typeof variables]: z.output<(typeof variables)[K]> };
const XERO_VARS = ["XERO_CLIENT_ID", "XERO_CLIENT_SECRET", "XERO_REDIRECT_URI"] as const;

/**
 * Reads and validates the configuration. Every problem is collected and thrown together as one
 * `ConfigError`, each line naming the variable and what it expects. Creates nothing and opens no
 * connection; the only disk access checks that an existing data folder is a folder.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const problems: string[] = [];
  const values = {} as Record<string, unknown>;
  for (const [name, schema] of Object.entries(variables)) {
    const result = schema.safeParse(env[name]);
    if (result.success) values[name] = result.data;
    else problems.push(...result.error.issues.map((issue) => `${name}: ${issue.message}`));
  }
  const v = values as Values;
  const dataDir = path.resolve(v.LEDGERLINE_DATA_DIR ?? "./data");
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) problems.push(`LEDGERLINE_DATA_DIR: expected a folder, but ${dataDir} is a file`);
  const storeUrl = v.LEDGERLINE_STORE_URL ?? `sqlite://${path.join(dataDir, "ledgerline.sqlite")}`;
  const store = parseStoreUrl(storeUrl);
  if (!store.ok) problems.push(`LEDGERLINE_STORE_URL: ${store.problem}`);
  problems.push(...xeroProblems(env));
  // REDIS_URL was once accepted and ignored: alone, it is refused rather than let a cluster run on separate
  // stores unnoticed; beside an explicit LEDGERLINE_STORE_URL (a platform that injects REDIS_URL) it is left alone.
  if ((env.REDIS_URL ?? "").trim() !== "" && v.LEDGERLINE_STORE_URL === undefined) problems.push("REDIS_URL: not read by Ledgerline; put the Redis URL in LEDGERLINE_STORE_URL=redis://… (it carries the store, leases and events) and unset REDIS_URL");
  const mirrorEnabled = v.LEDGERLINE_MIRROR && v.LEDGERLINE_TRIGGERS;
  problems.push(...mirrorProblems(env, v, store.ok ? store.location.kind : undefined));
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: v.PORT,
    host: v.HOST,
    dataDir,
    storeUrl,
    secretKey: v.LEDGERLINE_SECRET_KEY,
    logLevel: v.LOG_LEVEL,
    xero: v.XERO_CLIENT_ID && v.XERO_CLIENT_SECRET && v.XERO_REDIRECT_URI
      ? {
          clientId: v.XERO_CLIENT_ID,
          clientSecret: v.XERO_CLIENT_SECRET,
          redirectUri: v.XERO_REDIRECT_URI,
          ...(v.XERO_IDENTITY_URL ? { identityUrl: v.XERO_IDENTITY_URL } : {}),
          ...(v.XERO_API_URL ? { apiUrl: v.XERO_API_URL } : {}),
        }
      : undefined,
    maxDepth: v.LEDGERLINE_MAX_DEPTH,
    maxComplexity: v.LEDGERLINE_MAX_COMPLEXITY,
    sandbox: v.LEDGERLINE_SANDBOX,
    sandboxPorts: { XERO: v.XERO_SANDBOX_PORT, DAFTRA: v.DAFTRA_SANDBOX_PORT, CLIENTARY: v.CLIENTARY_SANDBOX_PORT },
    sandboxActivityMs: v.LEDGERLINE_SANDBOX_ACTIVITY_MS,
    sandboxSeed: v.LEDGERLINE_SANDBOX_SEED,
    triggers: {
      enabled: v.LEDGERLINE_TRIGGERS,
      retentionDays: v.LEDGERLINE_EVENT_RETENTION_DAYS,
      budgetPercent: v.LEDGERLINE_TRIGGER_BUDGET_PERCENT,
      budgetPerMinute: { XERO: v.LEDGERLINE_TRIGGER_BUDGET_XERO, DAFTRA: v.LEDGERLINE_TRIGGER_BUDGET_DAFTRA, CLIENTARY: v.LEDGERLINE_TRIGGER_BUDGET_CLIENTARY },
      budgetPerDay: { XERO: v.LEDGERLINE_TRIGGER_DAILY_BUDGET_XERO, DAFTRA: v.LEDGERLINE_TRIGGER_DAILY_BUDGET_DAFTRA, CLIENTARY: v.LEDGERLINE_TRIGGER_DAILY_BUDGET_CLIENTARY },
      intervalSeconds: v.LEDGERLINE_TRIGGER_INTERVAL_SECONDS,
      minIntervalSeconds: v.LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS,
      reconcileMinutes: v.LEDGERLINE_TRIGGER_RECONCILE_MINUTES,
    },
    mirror: {
      enabled: mirrorEnabled,
      ...(v.LEDGERLINE_DATABASE_URL ? { databaseUrl: v.LEDGERLINE_DATABASE_URL } : {}),
      maxLagSeconds: v.LEDGERLINE_MIRROR_MAX_LAG_SECONDS,
      refreshSeconds: v.LEDGERLINE_MIRROR_REFRESH_SECONDS,
    },
    upstream: { timeoutMs: v.LEDGERLINE_UPSTREAM_TIMEOUT_MS, keyBudgetPercent: v.LEDGERLINE_KEY_BUDGET_PERCENT },
    webSocket: {
      subscriptionsPerConnection: v.LEDGERLINE_WS_SUBSCRIPTIONS_PER_CONNECTION,
      subscriptionsPerKey: v.LEDGERLINE_WS_SUBSCRIPTIONS_PER_KEY,
      connectionsPerKey: v.LEDGERLINE_WS_CONNECTIONS_PER_KEY,
      initTimeoutMs: v.LEDGERLINE_WS_INIT_TIMEOUT_MS,
    },
    lifecycle: { stopDelaySeconds: v.LEDGERLINE_STOP_DELAY_SECONDS, drainSeconds: v.LEDGERLINE_DRAIN_SECONDS, readyTimeoutMs: v.LEDGERLINE_READY_TIMEOUT_MS },
    webhooks: {
      timeoutMs: v.LEDGERLINE_WEBHOOK_TIMEOUT_SECONDS,
      scheduleMs: v.LEDGERLINE_WEBHOOK_RETRY_SCHEDULE ?? [...DEFAULT_RETRY_SCHEDULE_MS],
      disableAfterHours: v.LEDGERLINE_WEBHOOK_DISABLE_AFTER_HOURS,
      loopback: v.LEDGERLINE_WEBHOOK_LOOPBACK === "auto" ? (store.ok && store.location.kind === "redis" ? "deny" : "allow") : v.LEDGERLINE_WEBHOOK_LOOPBACK,
    },
    xeroWebhookKey: v.XERO_WEBHOOK_KEY,
    metrics: v.LEDGERLINE_METRICS,
  };
}

/**
 * The mirror needs the change feed, and a database every instance shares when the store is shared
 * (Redis): each instance's own SQLite file would hold a different mirror.
 */
function mirrorProblems(env: NodeJS.ProcessEnv, v: Values, storeKind: string | undefined): string[] {
  const problems: string[] = [];
  const asked = (env.LEDGERLINE_MIRROR ?? "").trim() !== "" && v.LEDGERLINE_MIRROR;
  if (asked && !v.LEDGERLINE_TRIGGERS) problems.push("LEDGERLINE_MIRROR: needs LEDGERLINE_TRIGGERS=on (the change feed keeps the mirror fresh); turn triggers on or leave LEDGERLINE_MIRROR unset");
  const url = v.LEDGERLINE_DATABASE_URL;
  if (url !== undefined) {
    const problem = databaseUrlProblem(url);
    if (problem) problems.push(`LEDGERLINE_DATABASE_URL: ${problem}`);
  } else if (storeKind === "redis" && v.LEDGERLINE_TRIGGERS) {
    problems.push("LEDGERLINE_DATABASE_URL: required with a Redis store while triggers are on, so that every instance shares one mirror (and what detection has seen): set postgres://user@host:5432/database");
  }
  return problems;
}

/** Checks a database URL's shape without connecting: what the mirror can open, with a database named for PostgreSQL. */
export function databaseUrlProblem(url: string): string | undefined {
  const parsed = parseDatabaseUrl(url);
  if (!parsed.ok) return parsed.problem;
  if (parsed.location.kind === "postgres" && new URL(parsed.location.url).pathname.length <= 1) return `the database name is missing in "${redact(url)}": add /<database>`;
  return undefined;
}

/** The Xero app needs all three variables or none; name each one that is missing. */
function xeroProblems(env: NodeJS.ProcessEnv): string[] {
  const present = XERO_VARS.filter((name) => (env[name] ?? "").trim() !== "");
  if (present.length === 0 || present.length === XERO_VARS.length) return [];
  return XERO_VARS.filter((name) => !present.includes(name)).map(
    (name) => `${name}: required because ${present.join(" and ")} ${present.length === 1 ? "is" : "are"} set (set all of ${XERO_VARS.join(", ")}, or none to use only the Xero sandbox)`,
  );
}
