import { afterAll, describe, expect, it } from "vitest";
import { startUpstreamGate, type UpstreamGate } from "../support/upstream-gate.js";
import { clusterSkipReason, useCluster, until, type ClusterOrganizations } from "./cluster-harness.js";

/**
 * Three gateways started as the README's cluster recipe says, on one Redis and one PostgreSQL schema,
 * with one organization of each provider: each organization is polled by exactly one instance (the
 * holder of its poll lease). Then administration from all three at once: API keys and organizations
 * created concurrently through different instances are all kept, once each, and seen by every instance.
 */

const skip = await clusterSkipReason();
if (skip) console.warn(`skipping the cluster tests (one poller per organization): ${skip}`);

/** Long enough for several polls of every entity kind at the recipe's pace, and for a standby's lease tries (every 2 s). */
const WINDOW_MS = 20_000;
const KEYS_PER_INSTANCE = 20;
const ORGS_PER_INSTANCE = 5;

describe.runIf(!skip).sequential("a cluster of three gateways on Redis and PostgreSQL", () => {
  let orgs: ClusterOrganizations;
  const fixture = useCluster("a", {
    cluster: { size: 3, schemaPrefix: "cluster_pollers", env: { LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: "1" }, connectFirst: ["daftra", "clientary"] },
    ready: async (cluster) => { orgs = { ...cluster.organizations, ...(await cluster.connect(["xero"])) }; },
  });

  it("exactly one instance polls each organization (Xero, Daftra, Clientary) over 20 s", async () => {
    const c = fixture.cluster;
    const ids = [orgs.xero!, orgs.daftra!, orgs.clientary!];
    // Organizations are picked up by whichever instance takes their lease first; Xero, connected while
    // the instances run, at their next reading of the organization list (every 15 s).
    for (const id of ids) {
      await until(async () => (await c.upstreamCalls(id)).reduce<number>((sum, n) => sum + (n ?? 0), 0), (n) => n > 0, 75_000, `an instance polls ${id}`);
    }
    const perOrganization = await Promise.all(ids.map((id) => c.pollersOver(id, WINDOW_MS)));
    const report = ids.map((id, i) => `${id}: ${perOrganization[i]!.map((n, slot) => `#${slot} ${n}`).join(", ")}`);
    console.log(`upstream calls per instance over ${WINDOW_MS / 1000} s:\n  ${report.join("\n  ")}`);
    for (const [i, calls] of perOrganization.entries()) {
      expect(calls.every((n) => n !== undefined), `every instance answers /metrics (${report[i]})`).toBe(true);
      expect(calls.filter((n) => n! > 0), `one poller for ${ids[i]} (${report[i]})`).toHaveLength(1);
    }
  }, 150_000);

  describe.sequential("administration from three instances at once", () => {
    const gates: UpstreamGate[] = [];
    afterAll(async () => {
      await Promise.all(gates.map((g) => g.close()));
    });

    it(`${KEYS_PER_INSTANCE} createApiKey and ${ORGS_PER_INSTANCE} connectDaftra per instance, concurrently: every one listed by every instance, once`, async () => {
      const c = fixture.cluster;
      const { daftra } = fixture.sandboxes.ready;
      // Each organization needs a site of its own (a site is connected once): a gate each, all in front of the same Daftra sandbox.
      const sites = await Promise.all(Array.from({ length: 3 * ORGS_PER_INSTANCE }, () => startUpstreamGate(daftra.siteUrl)));
      gates.push(...sites);
      const createKey = `mutation($name: String!) { createApiKey(name: $name, scopes: [READ], organizationIds: []) { key apiKey { id name } } }`;
      const connect = `mutation($site: String!, $key: String!, $name: String) { connectDaftra(siteUrl: $site, apiKey: $key, name: $name) { id name siteUrl } }`;
      const work = [0, 1, 2].flatMap((slot) => [
        ...Array.from({ length: KEYS_PER_INSTANCE }, (_, i) => c.graphql(slot, createKey, { name: `race-key-${slot}-${i}` })),
        ...Array.from({ length: ORGS_PER_INSTANCE }, (_, i) => c.graphql(slot, connect, { site: sites[slot * ORGS_PER_INSTANCE + i]!.url, key: daftra.apiKey, name: `race-org-${slot}-${i}` })),
      ]);
      const settled = await Promise.allSettled(work);
      const refused = settled.filter((s) => s.status === "rejected").map((s) => String((s as PromiseRejectedResult).reason).slice(0, 300));
      expect(refused, "every creation answered without errors").toEqual([]);

      const keyNames = [0, 1, 2].flatMap((slot) => Array.from({ length: KEYS_PER_INSTANCE }, (_, i) => `race-key-${slot}-${i}`)).sort();
      const orgNames = [0, 1, 2].flatMap((slot) => Array.from({ length: ORGS_PER_INSTANCE }, (_, i) => `race-org-${slot}-${i}`)).sort();
      for (const slot of [0, 1, 2]) {
        const { data } = await c.graphql<{ apiKeys: Array<{ name: string }>; connectedOrganizations: Array<{ name: string }> }>(slot, `{ apiKeys { name } connectedOrganizations { name } }`);
        expect(data.apiKeys.map((k) => k.name).filter((n) => n.startsWith("race-key-")).sort(), `keys listed by instance ${slot}`).toEqual(keyNames);
        expect(data.connectedOrganizations.map((o) => o.name).filter((n) => n.startsWith("race-org-")).sort(), `organizations listed by instance ${slot}`).toEqual(orgNames);
      }
    }, 90_000);

    it("the same Daftra site connected from three instances at once (5 tries each) is kept once; the other tries are refused naming siteUrl", async () => {
      const c = fixture.cluster;
      const site = await startUpstreamGate(fixture.sandboxes.ready.daftra.siteUrl);
      gates.push(site);
      const connect = `mutation($site: String!, $key: String!, $name: String) { connectDaftra(siteUrl: $site, apiKey: $key, name: $name) { id } }`;
      const answers = await Promise.all([0, 1, 2].flatMap((slot) =>
        Array.from({ length: 5 }, (_, i) => c.graphql<{ connectDaftra: { id: string } | null }>(slot, connect, { site: site.url, key: fixture.sandboxes.ready.daftra.apiKey, name: `same-site-${slot}-${i}` }, true)),
      ));
      const connected = answers.filter((a) => a.data?.connectDaftra);
      const refusals = answers.flatMap((a) => (a.errors ?? []) as Array<{ message: string; extensions?: { code?: string; fields?: Array<{ field: string }> } }>);
      const { data } = await c.graphql<{ connectedOrganizations: Array<{ id: string; siteUrl: string | null }> }>(0, `{ connectedOrganizations { id siteUrl } }`);
      const kept = data.connectedOrganizations.filter((o) => o.siteUrl?.startsWith(site.url));
      expect(kept.map((o) => o.id), `organizations for ${site.url}`).toHaveLength(1);
      expect(connected).toHaveLength(1);
      expect(refusals).toHaveLength(14);
      for (const refusal of refusals) {
        // Already connected (BAD_USER_INPUT), or being connected by another request at this moment (CONFLICT).
        expect(["BAD_USER_INPUT", "CONFLICT"]).toContain(refusal.extensions?.code);
        expect(refusal.message + JSON.stringify(refusal.extensions)).toMatch(/siteUrl/);
      }
    }, 60_000);
  });
});
