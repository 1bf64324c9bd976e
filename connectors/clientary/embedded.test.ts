import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { guardCapabilities } from "../../src/connector/capability-guard.js";
import { systemClock } from "../../src/infra/clock.js";
import { silentLogger } from "../../src/infra/logger.js";
import { organizationScope } from "../../src/organizations/adapter-pool.js";
import { createOrganizationRepository } from "../../src/organizations/organization-repository.js";
import { createSecretBox } from "../../src/secrets/secret-box.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import { clientaryConnector, clientaryEmbeddedSandbox } from "./index.js";
import { seedBooks } from "./sandbox/books/seed.js";
import { loadBooks } from "./sandbox/state/persistence.js";

const dataDir = mkdtempSync(path.join(tmpdir(), "clientary-embedded-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("clientaryEmbeddedSandbox", () => {
  it("connects one organization, stores its token sealed, and reuses it across restarts", async () => {
    const state = memoryStore();
    const connectorStore = memoryStore();
    const secrets = createSecretBox("embedded-test-key");
    const options = { dataDir, port: 0, organizations: createOrganizationRepository(state), connectorStore, secrets, logger: silentLogger };

    const first = await clientaryEmbeddedSandbox.start(options);
    const sealed = await organizationScope(connectorStore, first.organization.id).namespace("clientary-credentials").get<Record<string, unknown>>(first.organization.id);
    expect(JSON.stringify(sealed)).not.toContain("clientary-sandbox-token");
    const adapter = guardCapabilities(clientaryConnector.create({
      organization: first.organization, store: organizationScope(connectorStore, first.organization.id), cache: memoryStore(), secrets, logger: silentLogger, clock: systemClock,
    }));
    const page = await adapter.list("Invoice", { first: 3, offset: 0, filter: {} });
    expect(page.totalCount).toBe(250);
    expect(first.requestCount()).toBeGreaterThan(0);
    await first.close();

    const second = await clientaryEmbeddedSandbox.start(options);
    expect(second.organization.id).toBe(first.organization.id);
    expect((await options.organizations.list()).filter((o) => o.provider === "CLIENTARY")).toHaveLength(1);
    expect(second.organization.settings.apiUrl).toBe(second.url);
    await second.close();
  });

  it("passes the activity option to the sandbox, whose simulated business lands in its data file", async () => {
    const activityDir = mkdtempSync(path.join(tmpdir(), "clientary-embedded-activity-"));
    try {
      const state = memoryStore();
      const options = {
        dataDir: activityDir, port: 0, organizations: createOrganizationRepository(state), connectorStore: memoryStore(),
        secrets: createSecretBox("embedded-test-key"), logger: silentLogger, activity: { everyMs: 5, seed: 2 },
      };
      const running = await clientaryEmbeddedSandbox.start(options);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await running.close();
      const saved = loadBooks(path.join(activityDir, "clientary-sandbox.json"))!;
      const seeded = seedBooks(saved.seed, saved.today);
      expect(saved).not.toEqual(seeded);
      expect(Object.entries(saved.sequences).some(([name, value]) => value > seeded.sequences[name as keyof typeof seeded.sequences])).toBe(true);
    } finally {
      rmSync(activityDir, { recursive: true, force: true });
    }
  });
});
