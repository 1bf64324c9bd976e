import "reflect-metadata";
import { fork, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { loadConfig } from "../src/config/index.js";
import { startLedgerline, type RunningLedgerline } from "../src/app/start-ledgerline.js";
import { toGlobalId } from "../src/ids/global-id.js";
import { garbageCollector } from "./fan-out-process.js";
import { watchEvents } from "./event-watch.js";
import { waitForMirror, type MirrorEntityRow } from "./mirror-support.js";
import { envSources, idleUpstreamRate, runLoad, schedulerLastMinute, type ReadLoadRow, type ReadLoadTarget } from "./read-load.js";
import type { ScaleSandboxInfo, ScaleSandboxRequest } from "./scale-sandbox.js";
import { walMeter } from "./store-bytes.js";

/**
 * One size of the mirror-scale benchmark: the gateway in this process (its memory is this size's
 * alone), the Xero sandbox with the grown books in another (bench/scale-sandbox.ts), connected as a
 * real Xero organization is (the consent flow, webhooks signed with the app's key). Driven over IPC by
 * bench/mirror-scale.ts:
 *
 *   → { op: "run", setup: ScaleSetup }
 *   ← { op: "result", result: ScaleResult }   then exits
 */
export interface ScaleSetup {
  /** Invoices and bills in the Xero sandbox. */
  documents: number;
  /** Webhook-fed changes measured one by one. */
  changes: number;
  /** Each change's window for counting bytes written (an idle window of the same length before it). */
  windowSeconds: number;
  /** Idle window after the backfill, for the steady upstream rate. */
  idleSeconds: number;
  /** Read load (each client count, mirror and LIVE) for this many seconds each; 0: none. */
  loadSeconds: number;
  /** Concurrent clients of each read-load run, one run per count and source. */
  loadClients: number[];
}

export interface ChangeFigures {
  /** Write → event at a graphql-ws subscriber, and → first mirrored read showing it (ms). */
  event?: number;
  read?: number;
  /** WAL bytes written while the change was detected, and in an idle window of the same length just before. */
  mirror: { change: number; idle: number; exact: boolean };
  store: { change: number; idle: number; exact: boolean };
}

export interface ScaleResult {
  documents: number;
  invoices: number;
  bills: number;
  /** Heap the grown books take in the sandbox's process (not the gateway's). */
  booksHeap: number;
  /** Gateway start with the organization already connected (its second start). */
  startMs: number;
  /** From the gateway's start until Invoice, then every entity, was IN_SYNC. */
  invoiceSyncMs: number;
  allSyncMs: number;
  /** Requests the Xero sandbox served by then: all, and to /Invoices. */
  callsAtInvoiceSync: { all: number; invoices: number };
  callsAtAllSync: { all: number; invoices: number };
  mirror: MirrorEntityRow[];
  idle: { calls: number; ms: number; perMinute: number; invoicesCalls: number };
  /** The scheduler's budget at the end: how far apart it now plans full listings, and its daily share. */
  schedule: { reconcileMs: number; pollerLimitPerDay: number | null; callsLastDay: number } | null;
  changes: ChangeFigures[];
  rssAfterGc: number;
  heapAfterGc: number;
  rssPeak: number;
  /** RSS after GC right after the start, before the backfill. */
  rssAtStart: number;
  mirrorFileBytes: number;
  storeFileBytes: number;
  load: ReadLoadRow[];
  webhooks: string;
}

const NODE = `query($id: ID!) { node(id: $id, source: MIRROR) { id } }`;
const WEBHOOK_KEY = "ledgerline-bench-xero-webhook-key-0123456789";
const CONNECT = `mutation { connectOrganization(provider: XERO) { consentUrl } }`;

/** The scale sandbox's process, asked one thing at a time over IPC. */
function sandboxProcess() {
  const child: ChildProcess = fork(fileURLToPath(new URL("./scale-sandbox.js", import.meta.url)), [], { execArgv: ["--expose-gc", "--max-old-space-size=8192"] });
  let queue: Promise<unknown> = Promise.resolve();
  const ask = <T>(message: ScaleSandboxRequest): Promise<T> => {
    const answer = queue.then(() => new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the scale sandbox exited (code ${code})`));
      child.once("exit", onExit);
      child.once("message", (reply) => {
        child.off("exit", onExit);
        resolve(reply as T);
      });
      child.send(message);
    }));
    queue = answer.catch(() => undefined);
    return answer;
  };
  return {
    start: (documents: number) => ask<{ sandbox: ScaleSandboxInfo }>({ op: "start", documents }).then((a) => a.sandbox),
    webhooks: (url: string, key: string) => ask<{ ok: boolean; problems: string[] }>({ op: "webhooks", url, key }),
    stats: () => ask<{ total: number; invoices: number }>({ op: "stats" }),
    close: () => {
      child.send({ op: "close" });
      return new Promise<void>((resolve) => child.once("exit", () => resolve()));
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** A GraphQL client of the gateway with one key; throws on errors. */
function client(app: RunningLedgerline, key: string) {
  return {
    async query(query: string, variables: Record<string, unknown>): Promise<unknown> {
      const response = await fetch(app.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`gateway answered errors: ${JSON.stringify(body.errors)}`);
      return body;
    },
  };
}

/** Waits until `node(id, source: MIRROR)` answers the invoice; the moment it first did. */
async function firstMirroredRead(app: RunningLedgerline, key: string, organizationId: string, remoteId: string, timeoutMs: number): Promise<number | undefined> {
  const id = toGlobalId({ organizationId, type: "Invoice", remoteId });
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const response = await fetch(app.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query: NODE, variables: { id } }) });
    const at = performance.now();
    const body = (await response.json()) as { data?: { node: { id: string } | null } };
    if (body.data?.node?.id === id) return at;
    await sleep(50);
  }
  return undefined;
}

/** A client-credentials client for the sandbox's own API (another app writing to the same Xero organization). */
async function xeroApi(sandbox: ScaleSandboxInfo) {
  const token = await fetch(`${sandbox.url}/connect/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
  });
  const { access_token } = (await token.json()) as { access_token: string };
  return {
    async put(resource: string, body: unknown): Promise<any> {
      const response = await fetch(`${sandbox.url}/api.xro/2.0/${resource}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${access_token}`, "xero-tenant-id": sandbox.tenantId, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`PUT ${resource}: ${response.status} ${await response.text()}`);
      return response.json();
    },
  };
}

/** Connects the sandbox's organization through Xero's consent flow (as a partner app's owner would), with the gateway's triggers off. */
async function connect(env: Record<string, string>): Promise<{ key: string; organizationId: string }> {
  const app = await startLedgerline({ config: loadConfig({ ...env, LEDGERLINE_TRIGGERS: "off" }), sandboxLimits: "provider" });
  try {
    const { key } = await app.services.apiKeys.create({ name: "mirror-scale", organizationIds: [] });
    const started = (await client(app, key).query(CONNECT, {})) as { data: { connectOrganization: { consentUrl: string } } };
    const consent = await fetch(started.data.connectOrganization.consentUrl, { redirect: "manual" });
    const landed = await fetch(consent.headers.get("location")!);
    const organizationId = /organization <code>([^<]+)<\/code>/.exec(await landed.text())?.[1];
    if (!organizationId) throw new Error(`the Xero consent flow connected no organization (callback answered ${landed.status})`);
    return { key, organizationId };
  } finally {
    await app.stop();
  }
}

async function measure(setup: ScaleSetup): Promise<ScaleResult> {
  const gc = garbageCollector();
  const sandboxes = sandboxProcess();
  const info = await sandboxes.start(setup.documents);
  const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-scale-"));
  const port = await freePort();
  const env = {
    PORT: String(port), LEDGERLINE_DATA_DIR: dataDir, LOG_LEVEL: "silent", LEDGERLINE_SANDBOX: "off",
    XERO_CLIENT_ID: info.clientId, XERO_CLIENT_SECRET: info.clientSecret, XERO_REDIRECT_URI: `http://127.0.0.1:${port}/connect/xero/callback`,
    XERO_IDENTITY_URL: info.url, XERO_API_URL: info.url, XERO_WEBHOOK_KEY: WEBHOOK_KEY, LEDGERLINE_TRIGGERS: "on",
  };
  const { key, organizationId } = await connect(env);

  let rssPeak = 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 1000);
  const atStart = await sandboxes.stats();
  const started = performance.now();
  const app = await startLedgerline({ config: loadConfig(env), sandboxLimits: "provider" });
  const startMs = performance.now() - started;
  gc?.();
  const rssAtStart = process.memoryUsage().rss;
  const gw = client(app, key);
  const calls = async () => {
    const now = await sandboxes.stats();
    return { all: now.total - atStart.total, invoices: now.invoices - atStart.invoices };
  };
  const webhooks = await sandboxes.webhooks(new URL("/webhooks/xero", app.url).toString(), WEBHOOK_KEY);
  const watch = await watchEvents(app.wsUrl, key);
  const mirrorDb = walMeter(path.join(dataDir, "mirror.sqlite"));
  const storeDb = walMeter(path.join(dataDir, "ledgerline.sqlite"));
  try {
    const timeout = 40 * 60_000;
    await waitForMirror(gw, organizationId, ["Invoice"], timeout);
    const invoiceSyncMs = performance.now() - started;
    const callsAtInvoiceSync = await calls();
    await waitForMirror(gw, organizationId, "all", timeout);
    const allSyncMs = performance.now() - started;
    const callsAtAllSync = await calls();

    // Steady state: what watching these books costs with nobody reading.
    const idleFrom = await calls();
    const idleStart = performance.now();
    await sleep(setup.idleSeconds * 1000);
    const idleMs = performance.now() - idleStart;
    const idleTo = await calls();
    const idle = { calls: idleTo.all - idleFrom.all, ms: idleMs, perMinute: ((idleTo.all - idleFrom.all) * 60_000) / idleMs, invoicesCalls: idleTo.invoices - idleFrom.invoices };

    const api = await xeroApi(info);
    const changes: ChangeFigures[] = [];
    const windowMs = setup.windowSeconds * 1000;
    for (let i = 0; i < setup.changes; i++) {
      // An idle window first, of the same length, for the writes that happen anyway (poll state, safety-net polls).
      await mirrorDb.reset();
      await storeDb.reset();
      await sleep(windowMs);
      const idleMirror = mirrorDb.bytes();
      const idleStore = storeDb.bytes();
      await mirrorDb.reset();
      await storeDb.reset();
      const at = performance.now();
      const today = new Date().toISOString().slice(0, 10);
      const { contactId, accountCode, taxType } = info.template;
      const line = { Description: `Scale bench change ${i}`, Quantity: 1, UnitAmount: 123.45, AccountCode: accountCode, TaxType: taxType };
      const answer = await api.put("Invoices", { Invoices: [{ Type: "ACCREC", Contact: { ContactID: contactId }, Date: today, DueDate: today, Status: "AUTHORISED", Reference: `Scale change ${i}`, LineItems: [line] }] });
      const remoteId = String(answer.Invoices[0].InvoiceID);
      const [eventAt, readAt] = await Promise.all([
        watch.firstAfter({ entity: "Invoice", organizationId, remoteId }, at, windowMs * 6),
        firstMirroredRead(app, key, organizationId, remoteId, windowMs * 6),
      ]);
      await sleep(Math.max(0, at + windowMs - performance.now()));
      const changeMirror = mirrorDb.bytes();
      const changeStore = storeDb.bytes();
      changes.push({
        ...(eventAt !== undefined ? { event: eventAt - at } : {}),
        ...(readAt !== undefined ? { read: readAt - at } : {}),
        mirror: { change: changeMirror.wal, idle: idleMirror.wal, exact: changeMirror.exact && idleMirror.exact },
        store: { change: changeStore.wal, idle: idleStore.wal, exact: changeStore.exact && idleStore.exact },
      });
    }

    const load: ReadLoadRow[] = [];
    if (setup.loadSeconds > 0) {
      const target: ReadLoadTarget = {
        url: app.url, apiKey: key, organizationId,
        upstreamRequests: async () => (await sandboxes.stats()).total,
        backgroundLastMinute: () => schedulerLastMinute(app, organizationId),
      };
      const before = await idleUpstreamRate(target, Math.min(30, setup.loadSeconds));
      for (const clients of setup.loadClients) {
        for (const source of envSources("BENCH_SOURCES", ["AUTO", "LIVE"])) load.push(await runLoad(target, clients, source, setup.loadSeconds, 60, before.calls / before.ms));
      }
    }

    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    const status = await waitForMirror(gw, organizationId, "all", timeout);
    const budget = (await app.triggers?.scheduler(organizationId))?.budget();
    const schedule = budget ? { reconcileMs: budget.reconcileIntervalMs, pollerLimitPerDay: budget.pollerLimitPerDay, callsLastDay: budget.callsLastDay } : null;
    return {
      schedule,
      documents: info.invoices + info.bills, invoices: info.invoices, bills: info.bills, booksHeap: info.booksHeap, startMs, invoiceSyncMs, allSyncMs, callsAtInvoiceSync, callsAtAllSync,
      mirror: status.status.entities, idle, changes, rssAfterGc: rss, heapAfterGc: heapUsed, rssPeak: Math.max(rssPeak, rss), rssAtStart,
      mirrorFileBytes: mirrorDb.size(), storeFileBytes: storeDb.size(), load,
      webhooks: webhooks.ok ? "configured at the sandbox, intent to receive passed" : `FAILED: ${webhooks.problems.join("; ")}`,
    };
  } finally {
    clearInterval(sampler);
    mirrorDb.close();
    storeDb.close();
    await watch.close();
    await app.stop();
    await sandboxes.close();
    // The mirror of 100,000 documents takes about a gigabyte of /tmp.
    await rm(dataDir, { recursive: true, force: true });
  }
}

process.on("message", (message: { op: "run"; setup: ScaleSetup }) => {
  if (message.op !== "run") return;
  measure(message.setup).then(
    (result) => process.send!({ op: "result", result }, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
