import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  arrivals, clusterSkipReason, pollHolder, pollingGap, rollingRestart, startCluster, startSandboxes, until, xeroBurst,
  type BurstResult, type Cluster, type RunningSandboxes,
} from "../test/cluster/cluster-harness.js";
import { envNumber, machineLoad } from "./mirror-support.js";
import { percentile, table } from "./support.js";

export interface ClusterBenchOptions {
  /** kill -9 rounds per cluster size. @default 10 (`BENCH_KILLS`) */
  kills?: number;
  /** Live Xero queries in the burst. @default 300 (`BENCH_BURST`) */
  burst?: number;
}

/** Failover and rolling-restart figures of one cluster size. */
interface LifecycleFigures {
  size: number;
  /** kill -9 of the Daftra organization's poll holder → the organization's next poll at the sandbox, ms, one per kill. */
  failoverMs: number[];
  /** Longest time without a poll of each organization during a restart of every instance in turn (SIGTERM, exit, start), ms. */
  restartGapMs: { daftra: number; clientary: number };
  /** The same measure over 20 quiet seconds before: how far apart polls are anyway. */
  steadyGapMs: { daftra: number; clientary: number };
}

const POLL_ENV = { LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: "1", LEDGERLINE_STOP_DELAY_SECONDS: "1" };

async function withSandboxes<T>(activityMs: number, run: (sandboxes: RunningSandboxes) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "ledgerline-bench-cluster-"));
  const sandboxes = await startSandboxes({ dataDir: dir, activityMs });
  try {
    return await run(sandboxes);
  } finally {
    await sandboxes.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * kill -9 of the instance polling the Daftra organization, `kills` times. With one instance the process
 * is started again at once (as a supervisor would), and polls once it is up and the dead process's
 * lease has lapsed; with three, another instance takes the lapsed lease, and the killed one is started
 * again before the next round.
 */
async function measureLifecycle(size: number, kills: number): Promise<LifecycleFigures> {
  return withSandboxes(0, async (sandboxes) => {
    const cluster = await startCluster({ size, sandboxes, schemaPrefix: `bench_cluster_${size}`, env: POLL_ENV, connectFirst: ["daftra", "clientary"], lockWaitMs: 600_000 });
    try {
      const { daftra, clientary } = cluster.organizations;
      // First the restart, on a cluster that has only polled (a quiet window for comparison), then the kills.
      await pollHolder(cluster, daftra!, 60_000);
      const quietFrom = Date.now();
      await sleep(20_000);
      const steadyGapMs = { daftra: pollingGap(cluster.gates.daftra, "/api2/", quietFrom, Date.now()), clientary: pollingGap(cluster.gates.clientary, "/api/", quietFrom, Date.now()) };
      const restart = await rollingRestart(cluster);
      await sleep(3_000);
      const to = Date.now();
      const restartGapMs = { daftra: pollingGap(cluster.gates.daftra, "/api2/", restart.from, to), clientary: pollingGap(cluster.gates.clientary, "/api/", restart.from, to) };
      const failoverMs: number[] = [];
      for (let round = 0; round < kills; round++) {
        const holder = await pollHolder(cluster, daftra!, 60_000);
        const killedAt = Date.now();
        await cluster.kill(holder);
        const restarted = size === 1 ? cluster.start(holder) : undefined;
        const first = await until(async () => arrivals(cluster.gates.daftra, "/api2/", killedAt + 50)[0], (at) => at !== undefined, 120_000, "the organization is polled again");
        failoverMs.push(first! - killedAt);
        await (restarted ?? cluster.start(holder));
        process.stdout.write(`  ${size} instance${size > 1 ? "s" : ""}: kill ${round + 1}/${kills}: polled again after ${first! - killedAt} ms\n`);
      }
      return { size, failoverMs, restartGapMs, steadyGapMs };
    } finally {
      await cluster.close();
    }
  });
}

/** A burst of live Xero queries spread round-robin over every instance of a cluster of `size` (triggers off, a fresh Xero sandbox). */
async function measureBurst(size: number, queries: number): Promise<BurstResult> {
  return withSandboxes(0, async (sandboxes) => {
    const cluster: Cluster = await startCluster({ size, sandboxes, schemaPrefix: `bench_burst_${size}`, env: { LEDGERLINE_TRIGGERS: "off" }, lockWaitMs: 600_000 });
    try {
      const { xero } = await cluster.connect(["xero"]);
      return await xeroBurst(cluster, xero!, queries, Array.from({ length: size }, (_, slot) => slot));
    } finally {
      await cluster.close();
    }
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * `npm run bench -- cluster`: the README's cluster recipe (sandboxes once, gateways on one Redis and one
 * PostgreSQL schema, a round-robin balancer) with one instance and with three, side by side: failover
 * time after kill -9 of the poll holder (p50/p99 over `BENCH_KILLS`), the longest polling gap during a
 * rolling restart, and what a 300-query cross-instance burst of live Xero reads does at the Xero sandbox
 * (429s, calls past 60 in the busiest minute). Needs Redis (db 8) and PostgreSQL on 127.0.0.1.
 */
export async function benchCluster({ kills = envNumber("BENCH_KILLS", 10), burst = envNumber("BENCH_BURST", 300) }: ClusterBenchOptions = {}): Promise<void> {
  const skip = await clusterSkipReason();
  if (skip) {
    console.log(`\nCluster: skipped (${skip}).`);
    return;
  }
  const loadBefore = machineLoad();
  const started = Date.now();
  console.log(`\nCluster: 1 instance vs 3 (Redis db 8 + PostgreSQL, sandboxes in their own process, ${kills} kill -9 rounds, a ${burst}-query burst)`);
  const lifecycle: LifecycleFigures[] = [];
  for (const size of [1, 3]) lifecycle.push(await measureLifecycle(size, kills));
  const bursts: BurstResult[] = [];
  for (const size of [1, 3]) bursts.push(await measureBurst(size, burst));

  const rows = [1, 3].map((size, i) => {
    const l = lifecycle[i]!;
    const b = bursts[i]!.summary;
    const sorted = [...l.failoverMs].sort((x, y) => x - y);
    return {
      instances: size,
      "failover p50": seconds(percentile(sorted, 50)),
      "failover p99": seconds(percentile(sorted, 99)),
      "failover max": seconds(sorted.at(-1)!),
      "gap in restart (Daftra/Clientary)": `${seconds(l.restartGapMs.daftra)} / ${seconds(l.restartGapMs.clientary)}`,
      "gap steady (Daftra/Clientary)": `${seconds(l.steadyGapMs.daftra)} / ${seconds(l.steadyGapMs.clientary)}`,
      "burst answered/refused": `${b.answered}/${b.refused}`,
      "Xero calls (busiest min)": `${b.sandboxCalls} (${b.busiestMinute})`,
      "over 60/min": b.overLimit,
      "429s at Xero": b.sandbox429,
    };
  });
  console.log(table(rows));
  console.log(
    "failover: kill -9 of the Daftra organization's poll holder → its next request at the Daftra sandbox (1 instance: restarted at once; 3: another instance takes the lapsed lease). "
    + "gap: longest time without a request for the organization at its sandbox, during a SIGTERM → exit → start of every instance in turn (measured first, on a cluster that has only polled), and over 20 quiet seconds before it for comparison. "
    + `burst: ${burst} queries reading Xero contacts with source: LIVE sent at once, round-robin over the instances, triggers off; refused = answered with PROVIDER_RATE_LIMITED (${bursts.map((b) => JSON.stringify(b.errorCodes)).join(" / ")}).`,
  );
  console.log(`Total run: ${((Date.now() - started) / 1000).toFixed(0)} s; machine: ${loadBefore} before, ${machineLoad()} after.`);
}
