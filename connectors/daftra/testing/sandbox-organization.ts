import { Provider } from "../../../schema/common/provider.enum.js";
import type { ConnectorOptions } from "../../../src/connector/adapter.js";
import { guardCapabilities } from "../../../src/connector/capability-guard.js";
import { systemClock, type Clock } from "../../../src/infra/clock.js";
import { silentLogger } from "../../../src/infra/logger.js";
import type { OrganizationRecord } from "../../../src/organizations/organization-record.js";
import { createSecretBox } from "../../../src/secrets/secret-box.js";
import { memoryStore } from "../../../src/store/key-value-store.js";
import { createDaftraAdapter } from "../adapter.js";
import { daftraCredentialsStore } from "../auth/credentials-store.js";
import type { DaftraSettingsInput } from "../config.js";
import { createDaftraSandbox, type DaftraSandboxOptions } from "../sandbox/server.js";

export interface SandboxOrganizationOptions {
  sandbox?: DaftraSandboxOptions;
  settings?: Partial<DaftraSettingsInput>;
  clock?: Clock;
}

/** A running Daftra sandbox with one organization whose sealed key opens it, and the guarded adapter. */
export async function startSandboxOrganization(options: SandboxOrganizationOptions = {}) {
  const sandbox = await createDaftraSandbox({ ratePerMinute: 100_000, ...options.sandbox });
  const organization: OrganizationRecord = {
    id: `org-${Math.random().toString(36).slice(2, 10)}`,
    provider: Provider.DAFTRA,
    name: "Daftra sandbox books",
    settings: { baseUrl: sandbox.url, limits: { maxConcurrent: 4, perMinute: 100_000 }, ...options.settings },
    createdAt: new Date().toISOString(),
  };
  const store = memoryStore();
  const secrets = createSecretBox("daftra-test-key");
  await daftraCredentialsStore(store, secrets).save(organization.id, { apiKey: sandbox.apiKey });
  const connectorOptions: ConnectorOptions = { organization, store, cache: memoryStore(), secrets, logger: silentLogger, clock: options.clock ?? systemClock };
  const raw = createDaftraAdapter(connectorOptions);
  return { sandbox, organization, connectorOptions, store, secrets, raw, adapter: guardCapabilities(raw) };
}
export type SandboxOrganization = Awaited<ReturnType<typeof startSandboxOrganization>>;
