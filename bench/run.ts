import "reflect-metadata";
import { benchUpstreamCalls } from "./upstream-calls.js";
import { benchGatewayOverhead } from "./gateway-overhead.js";
import { benchReportsEngine } from "./reports-engine.js";
import { benchTriggerLatency } from "./trigger-latency.js";
import { benchFanOut } from "./fan-out.js";
import { benchReplayStorm } from "./replay-storm.js";

/**
 * `npm run bench`: every benchmark, each printing figures measured side by side in this run.
 * `npm run bench -- triggers fan-out` (or `node dist/bench/run.js …`) runs only the ones named.
 */
process.env.NO_PROXY = "127.0.0.1,localhost";
const rounds = Number(process.env.BENCH_ROUNDS ?? 300);
const benchmarks: Record<string, () => Promise<void>> = {
  "upstream-calls": () => benchUpstreamCalls(),
  "gateway-overhead": () => benchGatewayOverhead({ rounds }),
  "reports-engine": () => benchReportsEngine(),
  triggers: () => benchTriggerLatency(),
  "fan-out": () => benchFanOut(),
  "replay-storm": () => benchReplayStorm(),
};
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}; choose from: ${Object.keys(benchmarks).join(", ")}.`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : Object.keys(benchmarks)) await benchmarks[name]!();
