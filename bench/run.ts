import "reflect-metadata";
import { benchUpstreamCalls } from "./upstream-calls.js";
import { benchGatewayOverhead } from "./gateway-overhead.js";
import { benchReportsEngine } from "./reports-engine.js";
import { benchStandardReports } from "./standard-reports.js";
import { benchTriggerLatency } from "./trigger-latency.js";
import { benchFanOut } from "./fan-out.js";
import { benchReplayStorm } from "./replay-storm.js";
import { benchReadLoad } from "./read-load.js";
import { benchStaleness } from "./staleness.js";
import { benchMirrorScale } from "./mirror-scale.js";
import { benchCluster } from "./cluster.js";
import { benchWebhooks } from "./webhooks.js";

/**
 * `npm run bench`: every benchmark, each printing figures measured side by side in this run.
 * `npm run bench -- triggers fan-out` (or `node dist/bench/run.js …`) runs only the ones named.
 * `--name value` options become `BENCH_NAME` for the benchmarks (`--seconds 10` → BENCH_SECONDS=10).
 * `mirror-scale` (seeds up to 100,000 documents; ≈25 min) runs only when named.
 * `cluster` (gateway processes on Redis db 8 and PostgreSQL; ≈10 min) runs only when named.
 */
process.env.NO_PROXY = "127.0.0.1,localhost";
const rounds = Number(process.env.BENCH_ROUNDS ?? 300);
const benchmarks: Record<string, () => Promise<void>> = {
  "upstream-calls": () => benchUpstreamCalls(),
  "gateway-overhead": () => benchGatewayOverhead({ rounds }),
  "reports-engine": () => benchReportsEngine(),
  "standard-reports": () => benchStandardReports(),
  triggers: () => benchTriggerLatency(),
  "fan-out": () => benchFanOut(),
  "replay-storm": () => benchReplayStorm(),
  "read-load": () => benchReadLoad(),
  staleness: () => benchStaleness(),
  "mirror-scale": () => benchMirrorScale(),
  cluster: () => benchCluster(),
  webhooks: () => benchWebhooks(),
};
const onlyWhenNamed = new Set(["mirror-scale", "cluster"]);
const asked: string[] = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i]!;
  const option = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/i.exec(arg);
  if (!option) {
    asked.push(arg);
    continue;
  }
  const value = option[2] ?? process.argv[++i];
  if (value === undefined) {
    console.error(`${arg} needs a value, e.g. ${arg} 10.`);
    process.exit(2);
  }
  process.env[`BENCH_${option[1]!.toUpperCase().replaceAll("-", "_")}`] = value;
}
const unknown = asked.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}; choose from: ${Object.keys(benchmarks).join(", ")}.`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : Object.keys(benchmarks).filter((n) => !onlyWhenNamed.has(n))) await benchmarks[name]!();
