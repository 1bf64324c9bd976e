import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectors, embeddedSandboxes } from "../connectors/index.js";
import { ENTITY_NAMES } from "../src/connector/entities.js";
import type { ConnectorAdapter, ListFilter } from "../src/connector/adapter.js";
import type { ListFilterName } from "../src/connector/capabilities.js";
import type { EmbeddedSandbox, RunningSandbox } from "../src/connector/embedded.js";
import { memoryStore } from "../src/store/key-value-store.js";
import { createSecretBox } from "../src/secrets/secret-box.js";
import { silentLogger } from "../src/infra/logger.js";
import { systemClock } from "../src/infra/clock.js";
import { createOrganizationRepository } from "../src/organizations/organization-repository.js";
import { createAdapterPool } from "../src/organizations/adapter-pool.js";
import { fromGlobalId } from "../src/ids/global-id.js";
import { ReportBasis, ReportTimeframe } from "../schema/report/report-enums.js";

type Sample = { status?: string; contactRef?: { remoteId: string } | null; name?: string; number?: string | null };

/** A filter value for each filter, taken from a record the provider listed, so it is valid for any provider. */
const SAMPLE_FILTER: Record<ListFilterName, (sample: Sample) => ListFilter> = {
  status: (sample) => ({ status: [sample.status ?? "ACTIVE"] }),
  contact: (sample) => ({ contactRemoteId: sample.contactRef?.remoteId ?? "unknown-contact" }),
  dateRange: () => ({ dateFrom: "2025-01-01", dateTo: "2026-12-31" }),
  updatedSince: () => ({ updatedSince: "2020-01-01T00:00:00.000Z" }),
  search: (sample) => ({ search: (sample.number ?? sample.name ?? "a").slice(0, 3) }),
};
const ALL_FILTERS = Object.keys(SAMPLE_FILTER) as ListFilterName[];

/**
 * The contract every connector passes over its own sandbox, through the capability guard exactly as
 * the gateway uses it: each declared capability works, each undeclared one answers NOT_SUPPORTED.
 */
function defineConnectorContract(embedded: EmbeddedSandbox) {
  const connector = connectors.find((c) => c.provider === embedded.provider)!;
  const declared = connector.capabilities;

  describe(`${embedded.provider} connector contract`, () => {
    let dataDir: string;
    let running: RunningSandbox;
    let adapter: ConnectorAdapter;

    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), `contract-${embedded.provider}-`));
      const store = memoryStore();
      const secrets = createSecretBox("contract-tests-secret-key-000000000");
      const organizations = createOrganizationRepository(store);
      const connectorStore = store.namespace("connector");
      running = await embedded.start({ dataDir, port: 0, organizations, connectorStore, secrets, logger: silentLogger, limits: "relaxed" });
      adapter = createAdapterPool({ connectors, store: connectorStore, cache: memoryStore(), secrets, logger: silentLogger, clock: systemClock }).adapterFor(running.organization);
    });
    afterAll(async () => {
      await running?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    it("describes its organization", async () => {
      const profile = await adapter.profile();
      expect(profile.name).toBeTruthy();
      expect(profile.baseCurrency).toMatch(/^[A-Z]{3}$/);
    });

    for (const entity of ENTITY_NAMES) {
      const capability = declared.entities[entity];
      if (!capability?.operations.includes("list")) {
        it(`${entity}: list answers NOT_SUPPORTED naming ${embedded.provider}`, async () => {
          await expect(adapter.list(entity, { first: 1, offset: 0, filter: {} })).rejects.toMatchObject({ extensions: { code: "NOT_SUPPORTED", provider: embedded.provider } });
        });
        continue;
      }
      it(`${entity}: lists unified records, pages without overlap, and fetches them by id`, async () => {
        const first = await adapter.list(entity, { first: 3, offset: 0, filter: {} });
        expect(first.items.length, `${entity} has records in the sandbox`).toBeGreaterThan(0);
        for (const item of first.items) {
          expect(item).toMatchObject({ organizationId: running.organization.id, provider: embedded.provider });
          expect(fromGlobalId(item.id)).toEqual({ organizationId: running.organization.id, type: entity, remoteId: item.remoteId });
        }
        if (first.hasNextPage) {
          const second = await adapter.list(entity, { first: 3, offset: 3, filter: {} });
          const ids = new Set(first.items.map((i) => i.id));
          expect(second.items.some((i) => ids.has(i.id))).toBe(false);
        }
        if (capability.operations.includes("get")) {
          const remoteIds = first.items.map((i) => i.remoteId);
          const fetched = await adapter.getMany(entity, [...remoteIds].reverse());
          expect(fetched.map((r) => r?.remoteId)).toEqual([...remoteIds].reverse());
        } else {
          await expect(adapter.getMany(entity, [first.items[0].remoteId])).rejects.toMatchObject({ extensions: { code: "NOT_SUPPORTED" } });
        }
      });
      it(`${entity}: declared filters are applied, undeclared ones answer NOT_SUPPORTED`, async () => {
        const samples = (await adapter.list(entity, { first: 20, offset: 0, filter: {} })).items as Sample[];
        for (const filter of ALL_FILTERS) {
          const sample = (filter === "contact" ? samples.find((s) => s.contactRef) : undefined) ?? samples[0];
          if (filter === "contact" && !sample.contactRef && capability.filters?.includes(filter)) continue;
          const run = adapter.list(entity, { first: 5, offset: 0, filter: SAMPLE_FILTER[filter](sample) });
          if (!capability.filters?.includes(filter)) {
            await expect(run, `${entity} by ${filter}`).rejects.toMatchObject({ extensions: { code: "NOT_SUPPORTED" } });
            continue;
          }
          const page = await run;
          if (filter === "status" && sample.status) expect(page.items.every((i) => (i as Sample).status === sample.status), `${entity} by status`).toBe(true);
          if (filter === "contact" && sample.contactRef) {
            expect(page.items.length).toBeGreaterThan(0);
            expect(page.items.every((i) => (i as Sample).contactRef?.remoteId === sample.contactRef!.remoteId), `${entity} by contact`).toBe(true);
          }
        }
      });
    }

    it("reports: declared ones balance, undeclared ones answer NOT_SUPPORTED", async () => {
      const bs = adapter.balanceSheet({ date: "2026-06-30", periods: 1, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL });
      const pl = adapter.profitAndLoss({ fromDate: "2026-01-01", toDate: "2026-06-30", periods: 0, timeframe: ReportTimeframe.QUARTER, basis: ReportBasis.ACCRUAL });
      for (const [name, run] of [["BalanceSheet", bs], ["ProfitAndLoss", pl]] as const) {
        if (declared.reports[name]) await expect(run, name).resolves.toMatchObject({ balanced: true, provider: embedded.provider });
        else await expect(run, name).rejects.toMatchObject({ extensions: { code: "NOT_SUPPORTED" } });
      }
    });
  });
}

for (const embedded of embeddedSandboxes) defineConnectorContract(embedded);
