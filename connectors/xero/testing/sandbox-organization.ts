import { Provider } from "../../../schema/common/provider.enum.js";
import type { ConnectorOptions } from "../../../src/connector/adapter.js";
import { systemClock, type Clock } from "../../../src/infra/clock.js";
import { silentLogger } from "../../../src/infra/logger.js";
import type { OrganizationRecord } from "../../../src/organizations/organization-record.js";
import { createSecretBox } from "../../../src/secrets/secret-box.js";
import { memoryStore } from "../../../src/store/key-value-store.js";
import { createXeroAdapter } from "../adapter.js";
import { guardCapabilities } from "../../../src/connector/capability-guard.js";
import { connectOrganization } from "../auth/connect-organization.js";
import { xeroCredentialsStore } from "../auth/credentials-store.js";
import type { XeroSettingsInput } from "../config.js";
import { createXeroSandbox, type XeroSandboxOptions } from "../sandbox/server.js";

export interface SandboxOrganizationOptions {
  sandbox?: XeroSandboxOptions;
  /** Overrides of the organization's Xero settings (limits, tenantId…). */
  settings?: Partial<XeroSettingsInput>;
  organizationId?: string;
  clock?: Clock;
}

/** A running sandbox with one organization connected to it through the real OAuth flow. */
export async function startSandboxOrganization(options: SandboxOrganizationOptions = {}) {
  const sandbox = await createXeroSandbox({ limits: { perMinute: 100_000, concurrent: 5, perDay: 1_000_000 }, ...options.sandbox });
  const app = {
    clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, redirectUri: "http://127.0.0.1:8765/xero/callback",
    identityUrl: sandbox.url, apiUrl: sandbox.url,
  };
  const connected = await connectOrganization(app);
  const organization: OrganizationRecord = {
    id: options.organizationId ?? `org-${Math.random().toString(36).slice(2, 10)}`,
    provider: Provider.XERO,
    name: "Sandbox books",
    settings: {
      apiUrl: sandbox.url, identityUrl: sandbox.url, tenantId: connected.tenants[0].tenantId, clientId: sandbox.clientId,
      limits: { maxConcurrent: 5, perMinute: 100_000, perDay: 1_000_000 }, ...options.settings,
    },
    createdAt: new Date().toISOString(),
  };
  const store = memoryStore();
  const secrets = createSecretBox("sandbox-test-key");
  await xeroCredentialsStore(store, secrets).save(organization.id, { clientSecret: sandbox.clientSecret, tokenSet: connected.tokenSet });
  const connectorOptions: ConnectorOptions = {
    organization, store, cache: memoryStore(), secrets, logger: silentLogger, clock: options.clock ?? systemClock,
  };
  return { sandbox, app, connected, organization, connectorOptions, store, secrets, adapter: guardCapabilities(createXeroAdapter(connectorOptions)) };
}
export type SandboxOrganization = Awaited<ReturnType<typeof startSandboxOrganization>>;
