import { describe, expect, it } from "vitest";
import { clusterSkipReason, useCluster, xeroBurst } from "./cluster-harness.js";

/**
 * Xero allows an organization 60 API calls a minute, whoever makes them. A burst of 300 live queries
 * spread round-robin over three instances must not turn into 3 × 60: at the Xero sandbox (counted by
 * the gate in front of it) no rolling minute holds more than 60 calls and none is answered 429. The
 * queries that find no room in time are refused by the gateway with a clean PROVIDER_RATE_LIMITED.
 * Triggers are off, so the only callers are the queries.
 */

const skip = await clusterSkipReason();
if (skip) console.warn(`skipping the cluster tests (shared Xero budget): ${skip}`);

const QUERIES = 300;
const XERO_PER_MINUTE = 60;

describe.runIf(!skip).sequential("the Xero budget across a cluster of three", () => {
  let xero: string;
  const fixture = useCluster("c", {
    cluster: { size: 3, schemaPrefix: "cluster_budget", env: { LEDGERLINE_TRIGGERS: "off" } },
    ready: async (cluster) => { xero = (await cluster.connect(["xero"])).xero!; },
  });

  it(`${QUERIES} live queries round-robin over 3 instances: ≤ ${XERO_PER_MINUTE} calls in any minute at Xero, no 429; the rest refused cleanly`, async () => {
    const c = fixture.cluster;
    const result = await xeroBurst(c, xero, QUERIES, [0, 1, 2]);
    console.log(`burst over 3 instances: ${JSON.stringify(result.summary)}`);
    expect(result.transportFailures, "every query answered").toEqual([]);
    expect(result.summary.sandbox429, "HTTP 429 answered by the Xero sandbox").toBe(0);
    expect(result.summary.busiestMinute, "Xero API calls in the busiest rolling minute").toBeLessThanOrEqual(XERO_PER_MINUTE);
    expect(Object.keys(result.errorCodes).filter((code) => code !== "PROVIDER_RATE_LIMITED"), `only budget refusals (${JSON.stringify(result.errorCodes)})`).toEqual([]);
    expect(result.summary.answered, "some queries answered").toBeGreaterThan(0);
  }, 180_000);
});
