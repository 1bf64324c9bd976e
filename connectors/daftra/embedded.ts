import path from "node:path";
import { Provider } from "../../schema/common/provider.enum.js";
import type { EmbeddedSandbox, EmbeddedSandboxOptions } from "../../src/connector/embedded.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import { organizationScope } from "../../src/organizations/adapter-pool.js";
import { daftraCredentialsStore } from "./auth/credentials-store.js";
import type { DaftraSettingsInput } from "./config.js";
import { createDaftraSandbox, type DaftraSandbox } from "./sandbox/server.js";

/** Daftra documents no limit; "provider" keeps the sandbox's defensive default. */
const PROVIDER_PER_MINUTE = 120;
const RELAXED_PER_MINUTE = 1_000_000;

/** The embedded default's Daftra: the sandbox, and one organization holding its sealed API key. */
export const daftraEmbeddedSandbox: EmbeddedSandbox = {
  provider: Provider.DAFTRA,
  async start(options) {
    const relaxed = options.limits === "relaxed";
    const perMinute = relaxed ? RELAXED_PER_MINUTE : typeof options.limits === "object" ? (options.limits.perMinute ?? PROVIDER_PER_MINUTE) : PROVIDER_PER_MINUTE;
    const sandbox = await createDaftraSandbox({
      port: options.port, dataFile: path.join(options.dataDir, "daftra-sandbox.json"), ratePerMinute: perMinute,
      activity: options.activity ?? null,
    });
    try {
      const organization = await ensureOrganization(sandbox, options, relaxed);
      return { provider: Provider.DAFTRA, url: sandbox.url, organization, sandbox, requestCount: () => sandbox.stats.total, close: () => sandbox.close() };
    } catch (error) {
      await sandbox.close();
      throw error;
    }
  },
};

function settingsFor(sandbox: DaftraSandbox, relaxed: boolean): DaftraSettingsInput & { sandbox: true } {
  return {
    sandbox: true,
    baseUrl: sandbox.url,
    ...(relaxed ? { limits: { maxConcurrent: 100, perMinute: RELAXED_PER_MINUTE } } : { limits: { maxConcurrent: 2, perMinute: PROVIDER_PER_MINUTE } }),
  };
}

/** Reuses the sandbox organization across restarts (its URL may move); creates it once, then keeps its key sealed. */
async function ensureOrganization(sandbox: DaftraSandbox, options: EmbeddedSandboxOptions, relaxed: boolean): Promise<OrganizationRecord> {
  const settings = settingsFor(sandbox, relaxed);
  const existing = (await options.organizations.list()).find((o) => o.provider === Provider.DAFTRA && o.settings.sandbox === true);
  const organization = existing
    ? { ...existing, settings }
    : await options.organizations.create({ provider: Provider.DAFTRA, name: sandbox.books.site.business_name, settings });
  if (existing) await options.organizations.update(organization);
  const credentials = daftraCredentialsStore(organizationScope(options.connectorStore, organization.id), options.secrets);
  const stored = await credentials.load(organization.id);
  if (stored?.apiKey !== sandbox.apiKey) await credentials.save(organization.id, { apiKey: sandbox.apiKey });
  if (!existing) options.logger.info("connected the Daftra sandbox organization", { organizationId: organization.id });
  return organization;
}
