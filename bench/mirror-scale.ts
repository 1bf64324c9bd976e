import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ScaleResult, ScaleSetup } from "./mirror-scale-size.js";
import { envList, envNumber, machineLoad } from "./mirror-support.js";
import { readLoadRows } from "./read-load.js";
import { table } from "./support.js";

export interface MirrorScaleOptions {
  /** Invoices and bills in the Xero sandbox, one fresh gateway process per size. @default [1000, 10000, 100000] (`BENCH_SIZES`) */
  sizes?: number[];
  /** Webhook-fed changes measured per size. @default 3 (`BENCH_SCALE_CHANGES`) */
  changes?: number;
  /** Read load at the largest size, seconds per run (20 and 100 clients: `BENCH_SCALE_LOAD_CLIENTS`, mirror and LIVE; 60 lets the scheduler count the pollers' calls exactly). @default 60 (`BENCH_SCALE_LOAD_SECONDS`) */
  loadSeconds?: number;
  /** Idle window after the backfill, for the steady upstream rate. @default 60 (`BENCH_SCALE_IDLE_SECONDS`) */
  idleSeconds?: number;
  /** Each change's byte-counting window (and the idle one before it). @default 5 (`BENCH_SCALE_WINDOW_SECONDS`) */
  windowSeconds?: number;
}

/** Xero's daily call limit per organization. */
const XERO_PER_DAY = 5000;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const kb = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`);
const s = (ms: number | undefined) => (ms === undefined ? "none" : `${(ms / 1000).toFixed(2)} s`);
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : Number.NaN;
};

/** Runs one size in a fresh process (its RSS its own). */
async function runSize(setup: ScaleSetup): Promise<ScaleResult> {
  const script = fileURLToPath(new URL("./mirror-scale-size.js", import.meta.url));
  const child = fork(script, [], { execArgv: ["--expose-gc", "--max-old-space-size=8192"] });
  let result: ScaleResult | undefined;
  child.on("message", (message: { op: string; result?: ScaleResult }) => {
    if (message.op === "result") result = message.result;
  });
  child.send({ op: "run", setup });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once("exit", (c, sig) => resolve([c, sig])));
  if (!result) throw new Error(`the ${setup.documents}-document process ended (${signal ?? `exit code ${code}`}) before its result`);
  return result;
}

/**
 * The mirror at scale: a Xero organization whose books hold 1k, 10k and 100k invoices and bills (the
 * sandbox's seeded books grown in memory, in a process of its own standing in for Xero), each size in
 * a fresh gateway process (provider rate limits, triggers, mirror, Xero webhooks), connected through
 * the consent flow as a real Xero organization is. Per size: the backfill's
 * upstream calls and time (against Xero's 5,000 calls a day), the steady upstream rate afterwards, one
 * webhook-fed change's detection time and the bytes the mirror and the store (event log) write for it
 * (WAL bytes, next to an idle window of the same length), RSS; and the read load at the largest size.
 */
export async function benchMirrorScale({
  sizes = envList("BENCH_SIZES", [1000, 10000, 100000]),
  changes = envNumber("BENCH_SCALE_CHANGES", 3),
  loadSeconds = envNumber("BENCH_SCALE_LOAD_SECONDS", 60),
  idleSeconds = envNumber("BENCH_SCALE_IDLE_SECONDS", 60),
  windowSeconds = envNumber("BENCH_SCALE_WINDOW_SECONDS", 5),
}: MirrorScaleOptions = {}): Promise<void> {
  const results: ScaleResult[] = [];
  const largest = Math.max(...sizes);
  const reconcileMinutes = envNumber("LEDGERLINE_TRIGGER_RECONCILE_MINUTES", 15);
  const loads: string[] = [];
  for (const documents of sizes) {
    console.error(`mirror-scale: ${documents} documents…`);
    loads.push(`${documents}: ${machineLoad()}`);
    results.push(await runSize({
      documents, changes, windowSeconds, idleSeconds, loadClients: envList("BENCH_SCALE_LOAD_CLIENTS", [20, 100]),
      loadSeconds: documents === largest ? loadSeconds : 0,
    }));
  }

  console.log(`\nMirror at scale: a Xero organization with N invoices and bills, each size in a fresh gateway process (provider rate limits, triggers, mirror and webhooks on)`);
  console.log(`The Xero sandbox stands in for Xero in a process of its own (books grown in memory, Xero's limits), connected through the consent flow, its webhooks signed with the app's key; the gateway's figures (RSS included) are its own.`);
  console.log(table(results.map((r) => {
    const invoiceRecords = r.mirror.find((e) => e.entity === "Invoice")?.records ?? 0;
    // A full listing of Invoice and Bill (the /Invoices endpoint) costs what the backfill's /Invoices calls did, every
    // reconcile period: the configured one, or longer when the scheduler spreads listings to fit the day's share.
    const periodMinutes = r.schedule ? r.schedule.reconcileMs / 60_000 : reconcileMinutes;
    const reconcilePerDay = Math.round(r.callsAtInvoiceSync.invoices * ((24 * 60) / periodMinutes));
    return {
      documents: `${r.documents} (${r.invoices} invoices, ${r.bills} bills)`,
      "mirror Invoice rows": invoiceRecords,
      "backfill: /Invoices calls": r.callsAtInvoiceSync.invoices,
      "backfill: Invoice IN_SYNC": s(r.invoiceSyncMs),
      "all entities IN_SYNC (calls, time)": `${r.callsAtAllSync.all} calls, ${s(r.allSyncMs)}`,
      "backfill within 5,000/day": r.callsAtAllSync.all <= XERO_PER_DAY ? "yes" : "NO",
      "steady calls/min (idle) → per day": `${r.idle.perMinute.toFixed(1)} → ${Math.round(r.idle.perMinute * 1440)}`,
      "full re-listing: every → per day": `${periodMinutes >= 120 ? `${(periodMinutes / 60).toFixed(1)} h` : `${Math.round(periodMinutes)} min`} → ${reconcilePerDay}`,
      "pollers' share of the day (used so far)": r.schedule?.pollerLimitPerDay != null ? `${r.schedule.pollerLimitPerDay} (${r.schedule.callsLastDay})` : "no daily limit",
    };
  })));
  console.log(`Calls counted at the Xero sandbox from the gateway's start (the consent flow's before it excluded). Steady: an idle ${idleSeconds} s after every entity was IN_SYNC (safety-net and paced polls, no full re-listing in it); the periodic full re-listing (reconcile) of Invoice and Bill costs the backfill's /Invoices calls again each period, on top; its period is the scheduler's at the end of the run (${reconcileMinutes} min configured, spread further apart when the day's share cannot afford it).`);

  console.log(`\nOne webhook-fed change (a new invoice, PUT /Invoices at the sandbox) per row: write → event at a subscriber, → first node(id, source: MIRROR) showing it; WAL bytes written over ${windowSeconds} s from the write, next to the ${windowSeconds} s just before it (idle)`);
  console.log(table(results.map((r) => ({
    documents: r.documents,
    changes: r.changes.length,
    "event (median)": s(median(r.changes.flatMap((c) => (c.event === undefined ? [] : [c.event])))),
    "mirrored read (median)": s(median(r.changes.flatMap((c) => (c.read === undefined ? [] : [c.read])))),
    "each (event / read)": r.changes.map((c) => `${s(c.event)}/${s(c.read)}`).join(", "),
    "mirror.sqlite WAL: change / idle (median)": `${kb(median(r.changes.map((c) => c.mirror.change)))} / ${kb(median(r.changes.map((c) => c.mirror.idle)))}${r.changes.every((c) => c.mirror.exact) ? "" : " (≥)"}`,
    "store (event log) WAL: change / idle (median)": `${kb(median(r.changes.map((c) => c.store.change)))} / ${kb(median(r.changes.map((c) => c.store.idle)))}${r.changes.every((c) => c.store.exact) ? "" : " (≥)"}`,
  }))));

  console.log(`\nMemory and files`);
  console.log(table(results.map((r) => ({
    documents: r.documents,
    "RSS at start (GC)": mb(r.rssAtStart),
    "RSS after GC": mb(r.rssAfterGc),
    "RSS peak": mb(r.rssPeak),
    "heap after GC": mb(r.heapAfterGc),
    "sandbox books (its own process)": mb(r.booksHeap),
    "mirror.sqlite + WAL": mb(r.mirrorFileBytes),
    "ledgerline.sqlite + WAL": mb(r.storeFileBytes),
    "gateway start": s(r.startMs),
    "Xero webhooks": r.webhooks,
  }))));

  console.log(`Machine at the start of each size: ${loads.join("; ")}; at the end: ${machineLoad()}.`);
  const loaded = results.find((r) => r.load.length > 0);
  if (loaded) {
    console.log(`\nRead load at ${loaded.documents} documents: the README's first query, ${[...new Set(loaded.load.map((row) => row.clients))].join(" and ")} clients, ${loaded.load[0]!.result.windowMs / 1000} s per run`);
    console.log(table(readLoadRows(loaded.load)));
  }
}
