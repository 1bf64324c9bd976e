import { fork } from "node:child_process";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import type { LoadResult, LoadRun } from "./load-client.js";
import { firstLookQuery, machineLoad, mirrorTable, waitForMirror, envNumber, envList, type BenchSource } from "./mirror-support.js";
import { startBenchGateway, percentile, table, type BenchGateway } from "./support.js";
import type { RunningLedgerline } from "../src/app/start-ledgerline.js";

export interface ReadLoadOptions {
  /** Concurrent clients, one run per count and source. @default [20, 100] (`BENCH_CLIENTS`) */
  clients?: number[];
  /** Measured seconds per run. @default 60 (`--seconds N`, `BENCH_SECONDS`) */
  seconds?: number;
  /** How long queries in flight at the window's end may still finish. @default 90 (`BENCH_DRAIN_SECONDS`) */
  drainSeconds?: number;
  /** Idle window before the runs, to count the pollers' own calls. @default min(30, seconds) (`BENCH_IDLE_SECONDS`) */
  idleSeconds?: number;
  /** Sources compared, in this order. @default ["AUTO", "LIVE"] (`BENCH_SOURCES`, e.g. AUTO) */
  sources?: BenchSource[];
}

/** One run's figures, as printed. */
export interface ReadLoadRow {
  clients: number;
  source: BenchSource;
  result: LoadResult;
  /** Requests the Xero sandbox served during the run (window and drain), all callers. */
  upstreamRaw: number;
  /**
   * The part of them the pollers (and webhook lookups) made: as the gateway's scheduler counted them
   * over the last minute when the run was one minute with no drain, else the idle window's rate over
   * the run's duration.
   */
  upstreamBackground: number;
  /** How `upstreamBackground` was found. */
  backgroundFrom: "scheduler" | "idle rate";
  runMs: number;
  /** The gateway's event-loop delay during the window (this process runs the gateway): p99 and max, ms. */
  loopDelay: { p99: number; max: number };
  /** CPU time this process (the gateway, its pollers and its sandboxes) spent during the window, ms; less noisy than latency on a busy machine. */
  cpuMs: number;
}

/** The gateway a read-load runs against, and how to count what its Xero sandbox served. */
export interface ReadLoadTarget {
  url: string;
  apiKey: string;
  organizationId: string;
  /** Requests the Xero sandbox has served so far. */
  upstreamRequests(): number | Promise<number>;
  /** Calls the gateway's pollers and webhook lookups made for the organization in the last rolling minute, as its scheduler counts them. */
  backgroundLastMinute?(): Promise<number | undefined>;
}

/** "Before the mirror" for the same query, 20 clients, 60 s, as measured on the code before it. */
const BEFORE = "before the mirror (same query, 20 clients, 60 s): 40 answers, 0.7 queries/s, p50 32 s, p99 69 s";

/** What a gateway of the bench serves as a read-load target (its Xero organization). */
export function readLoadTarget(gw: BenchGateway): ReadLoadTarget {
  const xero = gw.app.sandboxes.find((s) => s.provider === "XERO")!;
  return {
    url: gw.app.url, apiKey: gw.app.localApiKey!, organizationId: gw.organizationId, upstreamRequests: () => xero.requestCount(),
    backgroundLastMinute: () => schedulerLastMinute(gw.app, gw.organizationId),
  };
}

/** Pollers' and webhook lookups' calls in the last rolling minute, as the organization's scheduler counts them; undefined without one. */
export async function schedulerLastMinute(app: RunningLedgerline, organizationId: string): Promise<number | undefined> {
  const budget = (await app.triggers?.scheduler(organizationId))?.budget();
  return budget ? budget.callsLastMinute + budget.webhookCallsLastMinute : undefined;
}

/** Counts the sandbox's requests over an idle window: what the pollers (and webhook lookups) cost with no client. */
export async function idleUpstreamRate(target: ReadLoadTarget, seconds: number): Promise<{ calls: number; ms: number; perMinute: number }> {
  const before = await target.upstreamRequests();
  const started = performance.now();
  await sleep(seconds * 1000);
  const ms = performance.now() - started;
  const calls = (await target.upstreamRequests()) - before;
  return { calls, ms, perMinute: (calls * 60_000) / ms };
}

/**
 * One run: `clients` loops in a child process sending the README's first query for `seconds`, from
 * `source`. A mirror run sends the query once first, unmeasured, as steady use would have: Xero's own
 * balance sheet in it is then served from the report cache until the books change.
 */
export async function runLoad(target: ReadLoadTarget, clients: number, source: BenchSource, seconds: number, drainSeconds: number, idlePerMs: number): Promise<ReadLoadRow> {
  if (source !== "LIVE") {
    await fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${target.apiKey}` },
      body: JSON.stringify({ query: firstLookQuery(source), variables: { org: target.organizationId } }),
    }).then((response) => response.text());
  }
  const script = fileURLToPath(new URL("./load-client.js", import.meta.url));
  const child = fork(script, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  // Counting starts when the client opens its window (not when its process starts), so a one-minute run is the scheduler's minute.
  let before: Promise<number> | undefined;
  let started = performance.now();
  let atWindowEnd: Promise<{ raw: number; background: number | undefined }> | undefined;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  let cpuMs = 0;
  const done = new Promise<LoadResult>((resolve, reject) => {
    child.on("message", (message: { op: string; result?: LoadResult }) => {
      if (message.op === "window-start") {
        loop.enable();
        cpuAtStart = process.cpuUsage();
        started = performance.now();
        before = Promise.resolve(target.upstreamRequests());
      }
      if (message.op === "window-end") {
        loop.disable();
        const cpu = process.cpuUsage(cpuAtStart);
        cpuMs = (cpu.user + cpu.system) / 1000;
        atWindowEnd = Promise.all([before!, target.upstreamRequests(), target.backgroundLastMinute?.()]).then(([from, now, background]) => ({ raw: now - from, background }));
      }
      if (message.op === "result") resolve(message.result!);
    });
    child.once("exit", (code) => reject(new Error(`the load client exited (code ${code}) before its result`)));
  });
  const run: LoadRun = { op: "run", url: target.url, apiKey: target.apiKey, query: firstLookQuery(source), variables: { org: target.organizationId }, clients, seconds, drainSeconds };
  child.send(run);
  const result = await done;
  const runMs = performance.now() - started;
  const upstreamRaw = (await target.upstreamRequests()) - (await before!);
  const windowEnd = await atWindowEnd;
  const loopDelay = { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
  // The scheduler's rolling minute at the window's end is the window's own when the window is one minute; the drain after it is counted at the idle rate.
  if (windowEnd?.background !== undefined && Math.abs(seconds - 60) < 1) {
    const afterWindowMs = Math.max(0, runMs - seconds * 1000);
    return { clients, source, result, upstreamRaw, upstreamBackground: windowEnd.background + Math.round(idlePerMs * afterWindowMs), backgroundFrom: "scheduler", runMs, loopDelay, cpuMs };
  }
  return { clients, source, result, upstreamRaw, upstreamBackground: Math.round(idlePerMs * runMs), backgroundFrom: "idle rate", runMs, loopDelay, cpuMs };
}

/** Sources from the environment ("AUTO,LIVE"), else `fallback`. */
export function envSources(name: string, fallback: BenchSource[]): BenchSource[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const sources = raw.split(",").map((part) => part.trim().toUpperCase());
  const wrong = sources.filter((part) => !["AUTO", "MIRROR", "LIVE"].includes(part));
  if (wrong.length > 0) throw new Error(`${name}: expected AUTO, MIRROR or LIVE separated by commas, got "${raw}"`);
  return sources as BenchSource[];
}

const fmtMs = (n: number | undefined) => (n === undefined ? "-" : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);

/** The figures of each run as table rows. */
export function readLoadRows(rows: readonly ReadLoadRow[]) {
  return rows.map(({ clients, source, result: r, upstreamRaw, upstreamBackground, backgroundFrom, loopDelay, cpuMs }) => {
    const p = (q: number) => (r.latencies.length ? percentile(r.latencies, q) : undefined);
    const net = Math.max(0, upstreamRaw - upstreamBackground);
    const errors = Object.entries(r.errors).map(([code, n]) => `${n} ${code}`).join(", ") || "0";
    return {
      clients,
      source: source === "AUTO" ? "AUTO (mirror)" : source,
      "queries/s": (r.answeredInWindow / (r.windowMs / 1000)).toFixed(source === "LIVE" ? 2 : 0),
      answered: r.answered,
      p50: fmtMs(p(50)),
      p99: fmtMs(p(99)),
      errors,
      "rate-limited, retried": r.retries,
      unanswered: r.unanswered,
      "upstream calls: all / pollers' (how) / reads": `${upstreamRaw} / ${upstreamBackground} (${backgroundFrom}) / ${net}`,
      "upstream per query": r.answered ? (net / r.answered).toFixed(source === "LIVE" ? 2 : 4) : "-",
      "gateway loop delay p99 / max": `${loopDelay.p99.toFixed(0)} / ${loopDelay.max.toFixed(0)} ms`,
      "gateway CPU per query": r.answeredInWindow ? `${(cpuMs / r.answeredInWindow).toFixed(2)} ms` : "-",
    };
  });
}

/** Whether the 20-client mirror run met the targets: ≥ 200 queries/s, p99 ≤ 250 ms, no upstream call per read. */
export function targetLine(row: ReadLoadRow | undefined): string {
  if (!row) return "target (20 clients, mirror): not run";
  const qps = row.result.answeredInWindow / (row.result.windowMs / 1000);
  const p99 = row.result.latencies.length ? percentile(row.result.latencies, 99) : Number.POSITIVE_INFINITY;
  const perQuery = row.result.answered ? Math.max(0, row.upstreamRaw - row.upstreamBackground) / row.result.answered : Number.POSITIVE_INFINITY;
  const errors = Object.values(row.result.errors).reduce((a, b) => a + b, 0);
  const checks = [
    `≥ 200 queries/s: ${qps >= 200 ? "met" : "NOT met"} (${qps.toFixed(0)})`,
    `p99 ≤ 250 ms: ${p99 <= 250 ? "met" : "NOT met"} (${fmtMs(p99)})`,
    `0 upstream calls per read: ${perQuery === 0 ? "met" : `NOT met (${perQuery.toFixed(4)})`}`,
    `no errors: ${errors === 0 ? "met" : `NOT met (${errors})`}`,
  ];
  return `target (20 clients, mirror): ${checks.join("; ")}`;
}

/**
 * Read load on the gateway as `npm start` runs it (provider rate limits, triggers and mirror on, Xero
 * webhooks wired): the README's first query against the Xero organization, from many concurrent
 * clients in a separate process, the mirror (source AUTO, the default) and `source: LIVE` side by
 * side: queries/s, p50/p99, errors, and upstream calls per query counted at the Xero sandbox with the
 * pollers' own calls (measured in an idle window first) taken out. The sandboxes' simulated activity
 * is off so that every upstream call in a run is either a poller's or a read's.
 */
export async function benchReadLoad({
  clients = envList("BENCH_CLIENTS", [20, 100]),
  seconds = envNumber("BENCH_SECONDS", 60),
  drainSeconds = envNumber("BENCH_DRAIN_SECONDS", 90),
  idleSeconds = envNumber("BENCH_IDLE_SECONDS", Math.min(30, envNumber("BENCH_SECONDS", 60))),
  sources = envSources("BENCH_SOURCES", ["AUTO", "LIVE"]),
}: ReadLoadOptions = {}): Promise<void> {
  const started = performance.now();
  const gw = await startBenchGateway("provider", { LEDGERLINE_TRIGGERS: "on", LEDGERLINE_STORE_URL: "" });
  try {
    const target = readLoadTarget(gw);
    console.error("read-load: waiting for the Xero mirror (Invoice, Contact) to be IN_SYNC…");
    const sync = await waitForMirror(gw, gw.organizationId, ["Invoice", "Contact"]);
    // The balance sheet in the query is Xero's own report: AUTO serves it from the report cache once the ledger entities are IN_SYNC too.
    const all = await waitForMirror(gw, gw.organizationId, "all", 180_000).catch((error: Error) => ({ ms: Number.NaN, status: undefined, error }));
    console.error(`read-load: idle window (${idleSeconds} s) to count the pollers' calls…`);
    const idle = await idleUpstreamRate(target, idleSeconds);
    const rows: ReadLoadRow[] = [];
    const loadBefore = machineLoad();
    for (const count of clients) {
      for (const source of sources) {
        console.error(`read-load: ${count} clients, ${source}, ${seconds} s…`);
        rows.push(await runLoad(target, count, source, seconds, drainSeconds, idle.calls / idle.ms));
      }
    }

    console.log(`\nRead load: the README's first query (FirstLook: 20 invoices with contact names, and the balance sheet) on the Xero organization, ${seconds} s per run`);
    console.log(`Gateway as npm start runs it (provider rate limits, triggers, mirror and Xero webhooks on; sandbox activity off), clients in a separate process on keep-alive connections, one API key.`);
    console.log(`Mirror: Invoice and Contact IN_SYNC after ${(sync.ms / 1000).toFixed(1)} s; ${"error" in all ? `not every entity IN_SYNC (${all.error.message})` : `every entity IN_SYNC after ${(all.ms / 1000 + sync.ms / 1000).toFixed(1)} s`}.`);
    console.log(table(readLoadRows(rows)));
    console.log(`Upstream calls: requests the Xero sandbox served during the run (window + drain); pollers' = the pollers' and webhook lookups' calls, as the gateway's scheduler counted them over the run's minute ("scheduler": over a 60 s window, plus the idle rate over any drain) or the idle window's rate (${idle.perMinute.toFixed(1)} calls/min over ${idleSeconds} s) over the run ("idle rate"); reads = the rest. Rate-limited answers are retried after the wait they name; a query's latency runs from its first attempt. Loop delay: the gateway process's event-loop delay during the window. CPU per query: the gateway process's CPU time in the window (its pollers and embedded sandboxes included) over the queries answered in it.`);
    console.log(`Reference: ${BEFORE}.`);
    const auto20 = rows.find((r) => r.clients === 20 && r.source === "AUTO");
    const live20 = rows.find((r) => r.clients === 20 && r.source === "LIVE");
    if (auto20 && live20 && live20.result.answeredInWindow > 0) {
      const qps = (r: ReadLoadRow) => r.result.answeredInWindow / (r.result.windowMs / 1000);
      console.log(`20 clients, mirror ÷ LIVE: queries/s ×${(qps(auto20) / qps(live20)).toFixed(0)}, p99 ×${(percentile(auto20.result.latencies, 99) / percentile(live20.result.latencies, 99)).toFixed(4)}`);
    }
    console.log(targetLine(auto20));
    if (!("error" in all) && all.status) console.log(`Mirror at the start:\n${mirrorTable(all.status.entities.filter((e) => ["Invoice", "Contact"].includes(e.entity)))}`);
    console.log(`Total run: ${((performance.now() - started) / 1000).toFixed(0)} s; machine: ${loadBefore} before the runs, ${machineLoad()} after.`);
  } finally {
    await gw.app.stop();
  }
}
