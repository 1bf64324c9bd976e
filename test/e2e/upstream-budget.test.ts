import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { startLedgerline } from "../../src/app/start-ledgerline.js";
import { silentLogger } from "../../src/infra/logger.js";

/** `Organization.upstreamBudget`: each organization's limits and what is left, seen through GraphQL without any upstream call. */
const BUDGET = `query($id: ID!) { organization(id: $id) { provider upstreamBudget { perMinute perDay maxConcurrent remainingThisMinute remainingToday scope } } }`;
const LIVE_CONTACTS = `query($id: ID!) { organization(id: $id) { contacts(first: 5, source: LIVE) { edges { node { id } } } } }`;

describe("the upstream budget of an organization", () => {
  it("shows the provider's limits and the calls left, which fall as live reads are made", { timeout: 60_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-budget-"));
    const app = await startLedgerline({
      config: loadConfig({ PORT: "0", XERO_SANDBOX_PORT: "0", DAFTRA_SANDBOX_PORT: "0", CLIENTARY_SANDBOX_PORT: "0", LEDGERLINE_TRIGGERS: "off", LEDGERLINE_DATA_DIR: dataDir, LEDGERLINE_SANDBOX_ACTIVITY_MS: "0" }),
      logger: silentLogger,
    });
    const post = async (query: string, id: string) => {
      const response = await fetch(app.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${app.localApiKey}` }, body: JSON.stringify({ query, variables: { id } }) });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      return body.data.organization;
    };
    try {
      const xero = app.sandboxes.find((s) => s.provider === "XERO")!.organization.id;
      const before = (await post(BUDGET, xero)).upstreamBudget;
      expect(before).toMatchObject({ perMinute: 60, perDay: 5000, maxConcurrent: 5, scope: "PROCESS" });
      await post(LIVE_CONTACTS, xero);
      const after = (await post(BUDGET, xero)).upstreamBudget;
      expect(after.remainingThisMinute).toBeLessThan(before.remainingThisMinute);
      expect(before.remainingToday - after.remainingToday).toBe(before.remainingThisMinute - after.remainingThisMinute);
      for (const sandbox of app.sandboxes) {
        const organization = await post(BUDGET, sandbox.organization.id);
        expect(organization.upstreamBudget.perMinute, organization.provider).toBeGreaterThan(0);
        expect(organization.upstreamBudget.remainingThisMinute).toBeLessThanOrEqual(organization.upstreamBudget.perMinute);
      }
    } finally {
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
