import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Provider } from "../../schema/common/provider.enum.js";
import { silentLogger } from "../../src/infra/logger.js";
import { organizationScope } from "../../src/organizations/adapter-pool.js";
import { createOrganizationRepository } from "../../src/organizations/organization-repository.js";
import { createSecretBox } from "../../src/secrets/secret-box.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import { systemClock } from "../../src/infra/clock.js";
import { guardCapabilities } from "../../src/connector/capability-guard.js";
import { daftraConnector, daftraEmbeddedSandbox } from "./index.js";

const dataDir = mkdtempSync(path.join(tmpdir(), "daftra-embedded-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("daftraEmbeddedSandbox", () => {
  it("creates the organization once, seals its key, and reuses both after a restart", async () => {
    const store = memoryStore();
    const secrets = createSecretBox("embedded-test");
    const organizations = createOrganizationRepository(store);
    const connectorStore = store.namespace("connectors");
    const start = () => daftraEmbeddedSandbox.start({ dataDir, port: 0, organizations, connectorStore, secrets, logger: silentLogger });

    const first = await start();
    await first.close();
    const second = await start();
    try {
      expect(second.organization.id).toBe(first.organization.id);
      expect(second.organization.settings.baseUrl).toBe(second.url);
      expect((await organizations.list()).filter((o) => o.provider === Provider.DAFTRA)).toHaveLength(1);
      const scoped = organizationScope(connectorStore, second.organization.id);
      expect(JSON.stringify(await scoped.namespace("daftra-credentials").get(second.organization.id))).not.toContain("daftra-sandbox-key");

      const adapter = guardCapabilities(daftraConnector.create({
        organization: second.organization, store: scoped, cache: memoryStore(), secrets, logger: silentLogger, clock: systemClock,
      }));
      expect(await adapter.profile()).toMatchObject({ name: "Nakheel Office Solutions", baseCurrency: "SAR", countryCode: "SA" });
      expect((await adapter.list("Invoice", { first: 1, offset: 0, filter: {} })).totalCount).toBe(400);
      expect(second.requestCount()).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
  it("passes simulated activity on to the sandbox: the books change on their own, then stop on close", async () => {
    const store = memoryStore();
    const dir = mkdtempSync(path.join(tmpdir(), "daftra-embedded-activity-"));
    const running = await daftraEmbeddedSandbox.start({
      dataDir: dir, port: 0, organizations: createOrganizationRepository(store), connectorStore: store.namespace("connectors"),
      secrets: createSecretBox("embedded-test"), logger: silentLogger, limits: "relaxed", activity: { everyMs: 5, seed: 2 },
    });
    const journals = async () => {
      const response = await fetch(`${running.url}/journals.json?limit=1`, { headers: { apikey: "daftra-sandbox-key" } });
      return ((await response.json()) as { pagination: { total_results: number } }).pagination.total_results;
    };
    try {
      const first = await journals();
      let latest = first;
      for (let i = 0; i < 100 && latest === first; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        latest = await journals();
      }
      expect(latest).not.toBe(first);
    } finally {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
