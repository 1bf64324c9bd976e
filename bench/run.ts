import "reflect-metadata";
import { benchUpstreamCalls } from "./upstream-calls.js";
import { benchGatewayOverhead } from "./gateway-overhead.js";
import { benchReportsEngine } from "./reports-engine.js";

/** `npm run bench`: every benchmark, each printing figures measured side by side in this run. */
process.env.NO_PROXY = "127.0.0.1,localhost";
const rounds = Number(process.env.BENCH_ROUNDS ?? 300);
await benchUpstreamCalls();
await benchGatewayOverhead({ rounds });
await benchReportsEngine();
