import { Provider } from "../../../schema/common/provider.enum.js";
import type { ConnectorOptions } from "../../../src/connector/adapter.js";
import { guardCapabilities } from "../../../src/connector/capability-guard.js";
import { systemClock, type Clock } from "../../../src/infra/clock.js";
import { silentLogger } from "../../../src/infra/logger.js";
import type { OrganizationRecord } from "../../../src/organizations/organization-record.js";
import { createSecretBox } from "../../../src/secrets/secret-box.js";
import { memoryStore } from "../../../src/store/key-value-store.js";
import { createClientaryAdapter } from "../adapter.js";
import { clientaryCredentialsStore } from "../auth/credentials-store.js";
import type { ClientarySettingsInput } from "../config.js";
import { createClientarySandbox, type ClientarySandboxOptions } from "../sandbox/server.js";

export interface SandboxOrganizationOptions {
  sandbox?: ClientarySandboxOptions;
  /** Overrides of the organization's Clientary settings. */
  settings?: Partial<ClientarySettingsInput>;
  clock?: Clock;
  /** Store a token other than the sandbox's (to test refusals). */
  apiToken?: string;
}

/** A running sandbox with one organization connected to it, its adapter wrapped in the capability guard as the gateway wraps it. */
export async function startSandboxOrganization(options: SandboxOrganizationOptions = {}) {
  const sandbox = await createClientarySandbox({ ratePerMinute: 100_000, ...options.sandbox });
  const organization: OrganizationRecord = {
    id: `org-${Math.random().toString(36).slice(2, 10)}`,
    provider: Provider.CLIENTARY,
    name: sandbox.books.account.name,
    settings: { apiUrl: sandbox.url, limits: { maxConcurrent: 4, perMinute: 100_000 }, ...options.settings },
    createdAt: new Date().toISOString(),
  };
  const store = memoryStore();
  const secrets = createSecretBox("sandbox-test-key");
  await clientaryCredentialsStore(store, secrets).save(organization.id, { apiToken: options.apiToken ?? sandbox.apiToken });
  const connectorOptions: ConnectorOptions = { organization, store, cache: memoryStore(), secrets, logger: silentLogger, clock: options.clock ?? systemClock };
  return { sandbox, organization, connectorOptions, store, secrets, adapter: guardCapabilities(createClientaryAdapter(connectorOptions)) };
}
export type SandboxOrganization = Awaited<ReturnType<typeof startSandboxOrganization>>;
