import path from "node:path";
import { Provider } from "../../schema/common/provider.enum.js";
import type { EmbeddedSandbox, EmbeddedSandboxOptions } from "../../src/connector/embedded.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import { organizationScope } from "../../src/organizations/adapter-pool.js";
import { clientaryCredentialsStore } from "./auth/credentials-store.js";
import type { ClientarySettingsInput } from "./config.js";
import { createClientarySandbox, type ClientarySandbox } from "./sandbox/server.js";

const RELAXED_PER_MINUTE = 1_000_000;
/** The sandbox's own default rate, which the organization's governor keeps under. */
const PROVIDER_PER_MINUTE = 120;

function sandboxRate(limits: EmbeddedSandboxOptions["limits"]): number {
  if (limits === "relaxed") return RELAXED_PER_MINUTE;
  return typeof limits === "object" && limits.perMinute ? limits.perMinute : PROVIDER_PER_MINUTE;
}

function settingsFor(sandbox: ClientarySandbox, options: EmbeddedSandboxOptions): ClientarySettingsInput & { sandbox: true } {
  const relaxed = options.limits === "relaxed";
  return {
    sandbox: true,
    apiUrl: sandbox.url,
    currency: sandbox.books.account.currency,
    limits: relaxed ? { maxConcurrent: 1_000, perMinute: RELAXED_PER_MINUTE } : { maxConcurrent: 3, perMinute: 60 },
  };
}

/** Reuses the sandbox organization across restarts (its URL may move); creates it once, storing its token sealed. */
async function ensureOrganization(sandbox: ClientarySandbox, options: EmbeddedSandboxOptions): Promise<OrganizationRecord> {
  const settings = settingsFor(sandbox, options);
  const existing = (await options.organizations.list()).find((o) => o.provider === Provider.CLIENTARY && o.settings.sandbox === true);
  const organization = existing
    ? { ...existing, settings }
    : await options.organizations.create({ provider: Provider.CLIENTARY, name: sandbox.books.account.name, settings });
  if (existing) await options.organizations.update(organization);
  const credentials = clientaryCredentialsStore(organizationScope(options.connectorStore, organization.id), options.secrets);
  if ((await credentials.load(organization.id))?.apiToken !== sandbox.apiToken) {
    await credentials.save(organization.id, { apiToken: sandbox.apiToken });
    options.logger.info("connected the Clientary sandbox organization", { organizationId: organization.id });
  }
  return organization;
}

/** The embedded default's Clientary: the sandbox, and one organization connected to it with the sandbox's API token. */
export const clientaryEmbeddedSandbox: EmbeddedSandbox = {
  provider: Provider.CLIENTARY,
  async start(options) {
    const sandbox = await createClientarySandbox({
      port: options.port,
      dataFile: path.join(options.dataDir, "clientary-sandbox.json"),
      ratePerMinute: sandboxRate(options.limits),
      activity: options.activity ?? undefined,
    });
    try {
      const organization = await ensureOrganization(sandbox, options);
      return { provider: Provider.CLIENTARY, url: sandbox.url, organization, sandbox, requestCount: () => sandbox.stats.total, close: () => sandbox.close() };
    } catch (error) {
      await sandbox.close();
      throw error;
    }
  },
};
