import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { openSqliteEventLog } from "../../src/triggers/event-log/sqlite-event-log.js";
import type { StoredEvent } from "../../src/triggers/event.js";

const ENTRY = "dist/src/main.js";

/** The compiled gateway (`node dist/src/main.js`) running as a child process. */
export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | string>;
  /** What it printed (the last 20,000 characters), for failure messages. */
  output(): string;
}

export interface BootOptions {
  dataDir: string;
  port: number;
  /** Variables over the defaults below (which already turn its own sandboxes off). */
  env?: Record<string, string>;
  /** @default 30000 */
  timeoutMs?: number;
}

/** The test's environment without the gateway's own variables, so nothing from outside changes what the child does. */
function cleanEnv(): NodeJS.ProcessEnv {
  const own = /^(LEDGERLINE_|XERO_|DAFTRA_|CLIENTARY_|REDIS_URL$|PORT$|HOST$|LOG_LEVEL$)/;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !own.test(name)));
}

/** Starts the gateway on `dataDir` with its embedded sandboxes off, and resolves once GET /healthz answers 200. */
export async function bootGateway({ dataDir, port, env = {}, timeoutMs = 30_000 }: BootOptions): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [ENTRY], {
    env: { ...cleanEnv(), LEDGERLINE_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LEDGERLINE_SANDBOX: "false", LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  let exitedWith: number | string | undefined;
  void exited.then((how) => (exitedWith = how));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitedWith !== undefined) throw new Error(`the gateway exited (${exitedWith}) before it was healthy:\n${out}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the gateway was not healthy within ${timeoutMs} ms:\n${out}`);
    }
    const ok = await fetch(`${origin}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await sleep(100);
  }
  return { child, url: `${origin}/graphql`, wsUrl: `ws://127.0.0.1:${port}/graphql`, exited, output: () => out };
}

/** Kills the process with no chance to clean up (SIGKILL), and resolves once it is gone. */
export async function killHard(gateway: GatewayProcess): Promise<void> {
  gateway.child.kill("SIGKILL");
  await gateway.exited;
}

/** Asks the process to stop (SIGTERM) and resolves with how it exited. */
export async function stopGracefully(gateway: GatewayProcess): Promise<number | string> {
  gateway.child.kill("SIGTERM");
  return gateway.exited;
}

/** POSTs a GraphQL operation with `key`; throws on transport errors and on GraphQL errors unless `allowErrors`. */
export async function graphql<T = Record<string, any>>(url: string, key: string, query: string, variables?: Record<string, unknown>, allowErrors = false): Promise<{ data: T; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors && !allowErrors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body;
}

/** Pollers as fast as the scheduler allows (a poll of each kind about every second), on a generous budget: the crash tests' gateways. */
export const FAST_POLLING_ENV: Readonly<Record<string, string>> = {
  LEDGERLINE_TRIGGERS: "on",
  LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: "1",
  LEDGERLINE_TRIGGER_BUDGET_PERCENT: "100",
  LEDGERLINE_TRIGGER_BUDGET_XERO: "6000",
  LEDGERLINE_TRIGGER_DAILY_BUDGET_XERO: "0",
  LEDGERLINE_TRIGGER_BUDGET_DAFTRA: "6000",
  LEDGERLINE_TRIGGER_BUDGET_CLIENTARY: "6000",
};

/**
 * Clientary serves some listings (all staff) from its connector's list cache, so a poll sees a new staff member
 * only once the cached list expires (60 s by default): 1 s in the crash tests keeps the wait short.
 */
export const FAST_LIST_CACHE_TTL_MS = 1000;

/** Per organization: a full listing every 6 s (the environment's minimum is a minute), so deletions are found within a test, and the short list cache. */
export function fastCatchUpSettings(provider: string): Record<string, unknown> {
  return { triggers: { reconcileMinutes: 0.1 }, ...(provider === "CLIENTARY" ? { listCacheTtlMs: FAST_LIST_CACHE_TTL_MS } : {}) };
}

/** Polls `check` every 250 ms until it holds; fails after `timeoutMs` saying what it waited for. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: () => string | Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${await what()}`);
    await sleep(250);
  }
}

/** Every event in the log of a gateway data folder, read from its SQLite file. */
export async function readLog(dataDir: string): Promise<StoredEvent[]> {
  const log = await openSqliteEventLog(path.join(dataDir, "ledgerline.sqlite"));
  try {
    return await log.readAfter(undefined, 1_000_000);
  } finally {
    await log.close();
  }
}
