import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll } from "vitest";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { bootGateway, graphql, type GatewayProcess } from "../triggers/gateway-process.js";
import { freePort } from "../triggers/sandbox-fleet.js";
import { runCli, type CliRun } from "../support/run-cli.js";
import { clearGatewayKeys } from "../support/redis.js";
import { postgresSchema, type PostgresSchema } from "../support/postgres.js";
import { startUpstreamGate, type UpstreamGate } from "../support/upstream-gate.js";
import { startBalancer, type Balancer } from "../support/balancer.js";
import { until } from "../support/until.js";
export { until };
import { encodeCursor } from "../../src/triggers/event-log/event-log.js";

/**
 * A Ledgerline cluster as the README's recipe runs it: the provider sandboxes in one process of their
 * own (`dist/src/scripts/sandboxes.js`), N compiled gateways (`dist/src/main.js`) sharing one Redis
 * (store, leases, events) and one PostgreSQL schema (the mirror), the first ADMIN key made with the
 * `ledgerline` CLI, organizations connected with the CLI (Xero by its consent link), and a round-robin
 * balancer in front. Between the gateways and each sandbox sits an upstream gate that records every
 * request (arrival time and the sandbox's status), so tests see who called the provider, when, and
 * whether the provider answered 429.
 */

/** The Redis database the cluster tests and bench use; its `ledgerline*` keys are cleared before and after. */
export const CLUSTER_REDIS_DB = 8;
export const CLUSTER_STORE_URL = `redis://127.0.0.1:6379/${CLUSTER_REDIS_DB}`;
export const SANDBOXES_SCRIPT = "dist/src/scripts/sandboxes.js";
const GATEWAY_ENTRY = "dist/src/main.js";
/** Outside the `ledgerline*` keys, so clearing the gateway's keys leaves it alone. */
const LOCK_KEY = "cluster-tests:lock";

/** What `sandboxes.js` prints on its `SANDBOXES_READY` line. */
export interface SandboxesReady {
  xero: { url: string; clientId: string; clientSecret: string };
  daftra: { url: string; siteUrl: string; apiKey: string };
  clientary: { url: string; siteUrl: string; token: string };
}

export interface RunningSandboxes {
  ready: SandboxesReady;
  child: ChildProcess;
  output(): string;
  close(): Promise<void>;
}

/**
 * Why the cluster tests cannot run here (Redis or PostgreSQL absent), or undefined. The compiled
 * gateway and sandboxes script are not checked here: missing, the tests fail saying to build.
 */
export async function clusterSkipReason(): Promise<string | undefined> {
  if (!(await clearGatewayKeys(CLUSTER_STORE_URL))) return `Redis is not reachable at ${CLUSTER_STORE_URL}`;
  if (!(await postgresSchema("cluster_probe"))) return "PostgreSQL is not reachable at 127.0.0.1:5432";
  return undefined;
}

/** Runs `node dist/src/scripts/sandboxes.js --data-dir … --*-port 0 --activity-ms n` and waits for its SANDBOXES_READY line. */
export async function startSandboxes({ dataDir, activityMs = 0, timeoutMs = 30_000 }: { dataDir: string; activityMs?: number; timeoutMs?: number }): Promise<RunningSandboxes> {
  if (!existsSync(SANDBOXES_SCRIPT)) throw new Error(`${SANDBOXES_SCRIPT} is missing: build first (npx tsc -p tsconfig.json)`);
  const args = [SANDBOXES_SCRIPT, "--data-dir", dataDir, "--xero-port", "0", "--daftra-port", "0", "--clientary-port", "0", "--activity-ms", String(activityMs)];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" } });
  let out = "";
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  const ready = await new Promise<SandboxesReady>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`sandboxes.js printed no SANDBOXES_READY line within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const keep = (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-20_000);
      const line = /^SANDBOXES_READY (\{.*\})\s*$/m.exec(out);
      if (line) {
        clearTimeout(timer);
        try {
          resolve(JSON.parse(line[1]!) as SandboxesReady);
        } catch (error) {
          reject(new Error(`sandboxes.js printed a SANDBOXES_READY line that is not JSON: ${line[1]} (${(error as Error).message})`));
        }
      }
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`sandboxes.js exited (${how}) before it was ready:\n${out}`));
    });
  });
  return {
    ready,
    child,
    output: () => out,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const how = await Promise.race([exited, sleep(5000).then(() => "timeout")]);
        if (how === "timeout") {
          child.kill("SIGKILL");
          await exited;
        }
      }
    },
  };
}

/**
 * Waits until no other cluster run (test file or bench) uses the cluster's Redis database, then holds
 * it; vitest runs test files in parallel, and they all clear and use the same keys. Returns the release.
 */
async function takeClusterLock(waitMs: number): Promise<() => Promise<void>> {
  const redis = new Redis(CLUSTER_STORE_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const holder = randomBytes(8).toString("hex");
  const deadline = Date.now() + waitMs;
  const renew = async () => {
    const ok = await redis.set(LOCK_KEY, holder, "PX", 60_000, "NX");
    if (ok === "OK") return true;
    if ((await redis.get(LOCK_KEY)) === holder) {
      await redis.pexpire(LOCK_KEY, 60_000);
      return true;
    }
    return false;
  };
  while (!(await renew())) {
    if (Date.now() > deadline) {
      redis.disconnect();
      throw new Error(`another cluster run held ${LOCK_KEY} in Redis db ${CLUSTER_REDIS_DB} for ${waitMs} ms`);
    }
    await sleep(250);
  }
  const heartbeat = setInterval(() => void renew().catch(() => undefined), 20_000);
  return async () => {
    clearInterval(heartbeat);
    await redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, LOCK_KEY, holder).catch(() => undefined);
    redis.disconnect();
  };
}

export interface ClusterOptions {
  /** Gateway instances. */
  size: number;
  sandboxes: RunningSandboxes;
  /** Prefix of the PostgreSQL schema made for this cluster (a random suffix is added). */
  schemaPrefix: string;
  /** Variables over the recipe's (all instances and the CLI). */
  env?: Record<string, string>;
  /** How long to wait for another cluster run to finish with the Redis database. @default 240000 */
  lockWaitMs?: number;
  /** Organizations connected with the CLI before the instances start (Xero needs a running instance for its consent). @default none */
  connectFirst?: Array<"daftra" | "clientary">;
}

/** One organization of each provider, connected through the CLI. */
export interface ClusterOrganizations {
  xero?: string;
  daftra?: string;
  clientary?: string;
}

/** An upstream call counter sampled from one instance's `/metrics`. */
export type CallCounts = Array<number | undefined>;

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

/**
 * Starts `size` gateways as the recipe says (same store, database, secret key; own port and data
 * folder each), behind a round-robin balancer, waits until the balancer has each one ready, and makes
 * the first ADMIN key with the CLI. Everything is undone by `close`.
 */
export async function startCluster({ size, sandboxes, schemaPrefix, env: extra = {}, lockWaitMs = 240_000, connectFirst = [] }: ClusterOptions) {
  if (!existsSync(GATEWAY_ENTRY)) throw new Error(`${GATEWAY_ENTRY} is missing: build first (npx tsc -p tsconfig.json)`);
  const release = await takeClusterLock(lockWaitMs);
  const cleanups: Array<() => Promise<unknown>> = [release];
  /** Undoes what was set up, last first; a second call finds nothing left to do. */
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    await clearGatewayKeys(CLUSTER_STORE_URL);
    cleanups.push(() => clearGatewayKeys(CLUSTER_STORE_URL));
    const database = await postgresSchema(schemaPrefix);
    if (!database) throw new Error("PostgreSQL is not reachable at 127.0.0.1:5432");
    cleanups.push(() => database.drop());
    const root = await mkdtemp(path.join(tmpdir(), "ledgerline-cluster-"));
    cleanups.push(() => rm(root, { recursive: true, force: true }));

    const { ready } = sandboxes;
    const gates = {
      xero: await startUpstreamGate(ready.xero.url),
      daftra: await startUpstreamGate(new URL(ready.daftra.url).origin),
      clientary: await startUpstreamGate(new URL(ready.clientary.url).origin),
    };
    cleanups.push(() => Promise.all(Object.values(gates).map((g) => g.close())));
    const balancer = await startBalancer();
    cleanups.push(() => balancer.close());

    const shared: Record<string, string> = {
      LEDGERLINE_SANDBOX: "false",
      LEDGERLINE_STORE_URL: CLUSTER_STORE_URL,
      LEDGERLINE_DATABASE_URL: database.url,
      LEDGERLINE_SECRET_KEY: randomBytes(32).toString("base64"),
      XERO_CLIENT_ID: ready.xero.clientId,
      XERO_CLIENT_SECRET: ready.xero.clientSecret,
      XERO_IDENTITY_URL: ready.xero.url,
      // The Xero API through the counting gate: every call an instance makes to Xero is seen there.
      XERO_API_URL: gates.xero.url,
      // One public address for the callback: the consent may be completed by any instance.
      XERO_REDIRECT_URI: `${balancer.origin}/connect/xero/callback`,
      LOG_LEVEL: "silent",
      ...extra,
    };
    const ports = await Promise.all(Array.from({ length: size }, () => freePort()));
    const dataDirs = await Promise.all(ports.map(async (_, slot) => {
      const dir = path.join(root, `instance-${slot}`);
      await mkdir(dir, { recursive: true });
      return dir;
    }));
    const instances: Array<GatewayProcess | undefined> = new Array(size).fill(undefined);
    /** What each slot's earlier processes printed (for failure reports). */
    const earlier: string[][] = Array.from({ length: size }, () => []);
    const running = (slot: number) => {
      const g = instances[slot];
      return !!g && g.child.exitCode === null && g.child.signalCode === null;
    };
    cleanups.push(async () => {
      await Promise.all(instances.map(async (g, slot) => {
        if (g && running(slot)) g.child.kill("SIGKILL");
        await g?.exited;
      }));
    });
    const origin = (slot: number) => `http://127.0.0.1:${ports[slot]}`;
    for (let slot = 0; slot < size; slot++) balancer.add(origin(slot));

    /** Boots instance `slot` (again) on its own port and data folder, and waits until the balancer has it in rotation. */
    async function start(slot: number): Promise<GatewayProcess> {
      if (running(slot)) throw new Error(`instance ${slot} is running already`);
      const gateway = await bootGateway({ dataDir: dataDirs[slot]!, port: ports[slot]!, env: shared, timeoutMs: 60_000 });
      instances[slot] = gateway;
      void gateway.exited.then(() => earlier[slot]!.push(gateway.output()));
      const deadline = Date.now() + 30_000;
      for (;;) {
        await balancer.probeNow();
        if (balancer.ready().includes(origin(slot))) break;
        if (Date.now() > deadline) throw new Error(`instance ${slot} started but /readyz did not answer 200 within 30 s:\n${gateway.output()}`);
        await sleep(100);
      }
      return gateway;
    }
    const cliDir = path.join(root, "cli");
    await mkdir(cliDir);
    /** `node dist/src/cli/main.js …args` with the instances' environment; throws on a non-zero exit. */
    async function cli(args: string[], input?: string): Promise<CliRun> {
      const run = await runCli(args, { ...shared, LEDGERLINE_DATA_DIR: cliDir }, input);
      if (run.code !== 0) throw new Error(`ledgerline ${args.join(" ")} exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
      return run;
    }

    const admin = (await cli(["--json", "keys", "create", "--name", "ops", "--scopes", "all", "--orgs", "*"])).json<{ id: string; key: string }>();

    /**
     * Connects one organization of each provider named, with the CLI: Daftra and Clientary by site
     * and secret (their site being the gate in front of the sandbox), Xero by the consent link
     * `orgs connect-xero` prints, followed as a browser would (the sandbox consents at once and
     * sends it to XERO_REDIRECT_URI, the balancer, where a running instance completes it).
     */
    async function connect(providers: Array<keyof ClusterOrganizations>): Promise<ClusterOrganizations> {
      const found: ClusterOrganizations = {};
      if (providers.includes("daftra")) {
        found.daftra = (await cli(["--json", "orgs", "connect-daftra", "--site", gates.daftra.url, "--api-key", ready.daftra.apiKey])).json<{ id: string }>().id;
      }
      if (providers.includes("clientary")) {
        found.clientary = (await cli(["--json", "orgs", "connect-clientary", "--site", gates.clientary.url, "--token", ready.clientary.token])).json<{ id: string }>().id;
      }
      if (providers.includes("xero")) {
        const { consentUrl } = (await cli(["--json", "orgs", "connect-xero", "--key", admin.id])).json<{ consentUrl: string }>();
        const consent = await fetch(consentUrl, { redirect: "manual" });
        const callback = consent.headers.get("location");
        if (!callback) throw new Error(`the Xero sandbox's consent answered ${consent.status} without a redirect`);
        const landed = await fetch(callback);
        const page = await landed.text();
        if (!landed.ok) throw new Error(`the gateway's Xero callback answered ${landed.status}: ${page.slice(0, 500)}`);
        const listed = (await cli(["--json", "orgs", "list"])).json<Array<{ id: string; provider: string }>>();
        found.xero = listed.find((o) => o.provider === "XERO")?.id;
        if (!found.xero) throw new Error(`no Xero organization after the consent: ${JSON.stringify(listed)}`);
      }
      return found;
    }
    // Organizations connected before the instances start are polled at once; one connected later is
    // picked up at the instances' next reading of the organization list (every 15 s).
    const connectedFirst = await connect(connectFirst);
    await Promise.all(Array.from({ length: size }, (_, slot) => start(slot)));

    const gatewayOf = (slot: number): GatewayProcess => {
      const g = instances[slot];
      if (!g) throw new Error(`instance ${slot} was never started`);
      return g;
    };

    return {
      size,
      sandboxes,
      gates,
      balancer,
      database,
      /** The environment every instance shares (the CLI's too, with its own data folder). */
      env: shared,
      adminKey: admin.key,
      adminKeyId: admin.id,
      instances,
      /** Everything instance `slot`'s processes printed, earlier ones first (the last 20,000 characters of each). */
      output: (slot: number) => [...earlier[slot]!, running(slot) ? instances[slot]!.output() : ""].join("\n"),
      /** The GraphQL URL of instance `slot` (its own port, not the balancer). */
      url: (slot: number) => `${origin(slot)}/graphql`,
      origin,
      running,
      cli,
      start,
      /** kill -9: the instance gets no chance to release anything. */
      async kill(slot: number): Promise<void> {
        const g = gatewayOf(slot);
        g.child.kill("SIGKILL");
        await g.exited;
      },
      /** SIGTERM, and how it exited. */
      async stop(slot: number): Promise<number | string> {
        const g = gatewayOf(slot);
        g.child.kill("SIGTERM");
        return g.exited;
      },
      /** A GraphQL operation on instance `slot` with the admin key; throws on GraphQL errors unless `allowErrors`. */
      graphql<T = Record<string, any>>(slot: number, query: string, variables?: Record<string, unknown>, allowErrors = false) {
        return graphql<T>(`${origin(slot)}/graphql`, admin.key, query, variables, allowErrors);
      },

      /** Organizations connected (by `connectFirst`) before the instances started. */
      organizations: connectedFirst,
      /** Connects organizations now, with the CLI (Xero: through its consent link, completed by a running instance). */
      connect: (providers: Array<keyof ClusterOrganizations> = ["xero", "daftra", "clientary"]) => connect(providers),

      /** `ledgerline_upstream_calls_total` for `organizationId` on each instance (undefined: not running). */
      async upstreamCalls(organizationId: string): Promise<CallCounts> {
        return Promise.all(instances.map(async (_, slot) => (running(slot) ? upstreamCallsOf(origin(slot), organizationId) : undefined)));
      },

      /** Calls each instance made for `organizationId` over the next `windowMs` (undefined: not running at the end). */
      async pollersOver(organizationId: string, windowMs: number): Promise<CallCounts> {
        const before = await this.upstreamCalls(organizationId);
        await sleep(windowMs);
        const after = await this.upstreamCalls(organizationId);
        return after.map((n, slot) => (n === undefined ? undefined : n - (before[slot] ?? 0)));
      },

      /** The events in the shared log (the Redis stream), oldest first. */
      async loggedEvents(): Promise<LoggedEvent[]> {
        return readEventLog();
      },

      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

const CALLS_LINE = /^ledgerline_upstream_calls_total\{([^}]*)\} (\S+)$/gm;

/** Sum of one instance's `ledgerline_upstream_calls_total` samples for an organization. */
export async function upstreamCallsOf(origin: string, organizationId: string): Promise<number | undefined> {
  const text = await fetch(`${origin}/metrics`).then((r) => (r.ok ? r.text() : undefined), () => undefined);
  if (text === undefined) return undefined;
  let sum = 0;
  for (const [, labels, value] of text.matchAll(CALLS_LINE)) if (labels!.includes(`organization="${organizationId}"`)) sum += Number(value);
  return sum;
}

/** An event as the Redis stream holds it. */
export interface LoggedEvent {
  id: string;
  type: string;
  entity: string;
  change: string;
  organizationId: string;
  remoteId: string;
  detectedAt: string;
  cursor: string;
}

/** Every event in the cluster's Redis stream (`ledgerline:events:stream`), oldest first. */
export async function readEventLog(): Promise<LoggedEvent[]> {
  const redis = new Redis(CLUSTER_STORE_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const entries = (await redis.xrange("ledgerline:events:stream", "-", "+")) as Array<[string, string[]]>;
    return entries.map(([streamId, fields]) => ({ ...(JSON.parse(fields[1]!) as Omit<LoggedEvent, "cursor">), cursor: encodeCursor(streamId) }));
  } finally {
    redis.disconnect();
  }
}

/** The cursor before every event: replaying after it delivers the whole log. */
export const START_OF_LOG = encodeCursor("0-0");

/** A gate's requests for one path prefix, as arrival times. */
export function arrivals(gate: UpstreamGate, pathPrefix = "", since = 0): number[] {
  return gate.answered.filter((a) => a.at >= since && a.line.split(" ")[1]!.startsWith(pathPrefix)).map((a) => a.at).sort((a, b) => a - b);
}

/** The longest time between two consecutive times, and the edges of the window (`from`, `to`) counted as times too. */
export function longestGap(times: number[], from: number, to: number): number {
  const all = [from, ...times.filter((t) => t >= from && t <= to), to].sort((a, b) => a - b);
  let gap = 0;
  for (let i = 1; i < all.length; i++) gap = Math.max(gap, all[i]! - all[i - 1]!);
  return gap;
}

/** The most requests in any rolling `windowMs` (default one minute). */
export function busiestWindow(times: number[], windowMs = 60_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/**
 * A graphql-ws subscriber that keeps going across instance restarts, as the README tells clients to:
 * when the connection closes (1012 from a draining instance, or anything else) it connects again
 * (through the balancer, to another instance) and subscribes with `after: <last cursor received>`.
 */
export function resumingSubscriber(wsUrl: string, key: string, { after = START_OF_LOG, organizationIds }: { after?: string; organizationIds?: string[] } = {}) {
  const received: Array<{ id: string; cursor: string; type: string; organizationId: string }> = [];
  const closeCodes: number[] = [];
  const errors: unknown[] = [];
  let cursor = after;
  let client: Client | undefined;
  let stopped = false;
  let resubscribes = 0;
  const query = `subscription($after: String, $orgs: [ID!]) { events(filter: { after: $after, organizationIds: $orgs }) { id cursor type organizationId } }`;
  const connect = () => {
    if (stopped) return;
    client = createClient({
      url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: { authorization: `Bearer ${key}` },
      on: { closed: (event) => void closeCodes.push((event as { code?: number }).code ?? 0) },
    });
    const current = client;
    current.subscribe<{ events: { id: string; cursor: string; type: string; organizationId: string } }>(
      { query, variables: { after: cursor, ...(organizationIds ? { orgs: organizationIds } : {}) } },
      {
        next: (result) => {
          if (result.errors) errors.push(...result.errors);
          const event = result.data?.events;
          if (event) {
            received.push(event);
            cursor = event.cursor;
          }
        },
        error: () => {
          void current.dispose();
          if (stopped) return;
          resubscribes++;
          setTimeout(connect, 50);
        },
        complete: () => undefined,
      },
    );
  };
  connect();
  return {
    received,
    closeCodes,
    errors,
    get resubscribes() {
      return resubscribes;
    },
    get cursor() {
      return cursor;
    },
    async stop() {
      stopped = true;
      await client?.dispose();
    },
  };
}

/**
 * Queries sent in a loop by `clients` concurrent clients until stopped, counting answers that were
 * not a clean HTTP 200 without errors ("failed": transport errors, non-200, GraphQL errors).
 */
export function queryLoad(url: () => string, key: string, query: string, variables: () => Record<string, unknown>, clients: number, pauseMs = 20) {
  let stopped = false;
  const failures: string[] = [];
  let ok = 0;
  const loop = async () => {
    while (!stopped) {
      try {
        const response = await fetch(url(), { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables: variables() }) });
        const text = await response.text();
        if (response.status !== 200) failures.push(`HTTP ${response.status}: ${text.slice(0, 200)}`);
        else if (JSON.parse(text).errors) failures.push(`errors: ${text.slice(0, 300)}`);
        else ok++;
      } catch (error) {
        failures.push(`transport: ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? "")}`);
      }
      await sleep(pauseMs);
    }
  };
  const running = Array.from({ length: clients }, loop);
  return {
    failures,
    get ok() {
      return ok;
    },
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}

/** Creates one Daftra client straight at the sandbox (as another app on the same books would); its id. */
export async function createDaftraClient(sandboxes: SandboxesReady, name: string): Promise<string> {
  const response = await fetch(`${sandboxes.daftra.url}/clients.json`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", apikey: sandboxes.daftra.apiKey },
    body: JSON.stringify({ Client: { business_name: name, email: `${name.toLowerCase().replace(/\W+/g, "-")}@cluster.example` } }),
  });
  const body = (await response.json().catch(() => ({}))) as { id?: unknown };
  if (response.status >= 300 || body.id === undefined) throw new Error(`the Daftra sandbox refused the client: HTTP ${response.status} ${JSON.stringify(body)}`);
  return String(body.id);
}

/**
 * The instance polling `organizationId` now: the only running one whose `/metrics` counts upstream
 * calls for it over a 3-second window (at the cluster tests' pace every entity kind is polled each
 * second or so). Waits up to `timeoutMs` for exactly one; throws naming the counts otherwise.
 */
export async function pollHolder(cluster: Cluster, organizationId: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last: Array<number | undefined> = [];
  while (Date.now() < deadline) {
    last = await cluster.pollersOver(organizationId, 3_000);
    const polling = last.flatMap((n, slot) => (n !== undefined && n > 0 ? [slot] : []));
    if (polling.length === 1) return polling[0]!;
  }
  throw new Error(`no single instance polls ${organizationId} within ${timeoutMs} ms (calls per instance over the last 3 s: ${JSON.stringify(last)})`);
}

/** What a burst of live Xero queries did, at the gateways and at the Xero sandbox. */
export interface BurstResult {
  summary: {
    queries: number;
    instances: number;
    /** Queries answered without errors. */
    answered: number;
    /** Queries answered with errors (their codes in `errorCodes`). */
    refused: number;
    /** Xero API requests that reached the sandbox from the burst's start until every query was answered. */
    sandboxCalls: number;
    /** The most of them in any rolling minute. */
    busiestMinute: number;
    /** Calls past Xero's 60 in that minute. */
    overLimit: number;
    /** Requests the sandbox answered 429. */
    sandbox429: number;
    /** From the first query sent to the last answer. */
    ms: number;
  };
  errorCodes: Record<string, number>;
  transportFailures: string[];
}

/** A list read live from Xero: every query makes at least one call to the Xero API. */
export const LIVE_XERO_QUERY = `query($o: ID!) { organization(id: $o) { contacts(first: 5, source: LIVE) { edges { node { id } } } } }`;

/**
 * Sends `queries` live Xero queries at once, the i-th to instance `slots[i % slots.length]`, waits for
 * every answer, and counts what reached the Xero sandbox through the gate meanwhile.
 */
export async function xeroBurst(cluster: Cluster, organizationId: string, queries: number, slots: number[]): Promise<BurstResult> {
  const since = Date.now();
  const errorCodes: Record<string, number> = {};
  const transportFailures: string[] = [];
  let answered = 0;
  let refused = 0;
  await Promise.all(Array.from({ length: queries }, async (_, i) => {
    try {
      const { errors } = await cluster.graphql(slots[i % slots.length]!, LIVE_XERO_QUERY, { o: organizationId }, true);
      if (!errors || errors.length === 0) {
        answered++;
        return;
      }
      refused++;
      const code = String((errors[0] as { extensions?: { code?: string } }).extensions?.code ?? "NO_CODE");
      errorCodes[code] = (errorCodes[code] ?? 0) + 1;
    } catch (error) {
      transportFailures.push(String((error as Error).message).slice(0, 200));
    }
  }));
  const ms = Date.now() - since;
  const calls = cluster.gates.xero.answered.filter((a) => a.at >= since && a.line.includes(" /api.xro/"));
  const busiestMinute = busiestWindow(calls.map((a) => a.at));
  return {
    summary: {
      queries, instances: slots.length, answered, refused, sandboxCalls: calls.length, busiestMinute,
      overLimit: Math.max(0, busiestMinute - 60), sandbox429: calls.filter((a) => a.status === 429).length, ms,
    },
    errorCodes,
    transportFailures,
  };
}

/** One instance's turn in a rolling restart. */
export interface RestartStep {
  slot: number;
  /** How it exited after SIGTERM (0 = a clean stop). */
  exit: number | string;
  /** SIGTERM → process gone. */
  stopMs: number;
  /** Process gone → the restarted instance in the balancer's rotation. */
  startMs: number;
  /** When SIGTERM was sent (Date.now()). */
  signalledAt: number;
}

/**
 * Restarts every instance in turn, as a deployment does: SIGTERM, wait for the process to exit,
 * start it again on the same port and data folder, wait until the balancer has it back (its
 * `/readyz` answers 200), then the next. Returns each step and the window it took.
 */
export async function rollingRestart(cluster: Cluster): Promise<{ from: number; to: number; steps: RestartStep[] }> {
  const from = Date.now();
  const steps: RestartStep[] = [];
  for (let slot = 0; slot < cluster.size; slot++) {
    const signalled = Date.now();
    const exit = await cluster.stop(slot);
    const gone = Date.now();
    await cluster.start(slot);
    steps.push({ slot, exit, stopMs: gone - signalled, startMs: Date.now() - gone, signalledAt: signalled });
  }
  return { from, to: Date.now(), steps };
}

/** Gaps longer than `overMs` between requests to `gate` (under `pathPrefix`) in the window, as [start, length] relative to `from`. */
export function gapsOver(gate: UpstreamGate, pathPrefix: string, from: number, to: number, overMs: number): Array<[number, number]> {
  const all = [from, ...arrivals(gate, pathPrefix, from).filter((t) => t <= to), to];
  const gaps: Array<[number, number]> = [];
  for (let i = 1; i < all.length; i++) if (all[i]! - all[i - 1]! > overMs) gaps.push([all[i - 1]! - from, all[i]! - all[i - 1]!]);
  return gaps;
}

/** The longest time without a request from the gateways to `gate` (under `pathPrefix`) between `from` and `to`. */
export function pollingGap(gate: UpstreamGate, pathPrefix: string, from: number, to: number): number {
  return longestGap(arrivals(gate, pathPrefix, from), from, to);
}

export type { GatewayProcess, Balancer, UpstreamGate, PostgresSchema };

/**
 * The sandboxes and a cluster on them for one test file: started before its tests (then `ready`, e.g.
 * connecting Xero), stopped and cleaned up after them.
 */
export function useCluster(
  name: string,
  options: { activityMs?: number; cluster: Omit<ClusterOptions, "sandboxes">; ready?: (cluster: Cluster) => Promise<void> },
): { readonly cluster: Cluster; readonly sandboxes: RunningSandboxes } {
  const state: { dataDir?: string; sandboxes?: RunningSandboxes; cluster?: Cluster } = {};
  beforeAll(async () => {
    state.dataDir = await mkdtemp(path.join(tmpdir(), `ledgerline-cluster-${name}-`));
    state.sandboxes = await startSandboxes({ dataDir: path.join(state.dataDir, "sandboxes"), ...(options.activityMs ? { activityMs: options.activityMs } : {}) });
    state.cluster = await startCluster({ ...options.cluster, sandboxes: state.sandboxes });
    await options.ready?.(state.cluster);
  }, 360_000);
  afterAll(async () => {
    await state.cluster?.close();
    await state.sandboxes?.close();
    if (state.dataDir) await rm(state.dataDir, { recursive: true, force: true });
  }, 60_000);
  return { get cluster() { return state.cluster!; }, get sandboxes() { return state.sandboxes!; } };
}
