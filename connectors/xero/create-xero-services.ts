import type { ConnectorOptions } from "../../src/connector/adapter.js";
import { createReadThroughCache } from "../../src/store/read-through-cache.js";
import { createUpstreamGovernor } from "../../src/upstream/index.js";
import { xeroCredentialsStore } from "./auth/credentials-store.js";
import { createTokenManager } from "./auth/token-manager.js";
import { createXeroApi } from "./client/xero-api.js";
import { parseXeroSettings } from "./config.js";

/**
 * The long-lived pieces of one organization's connection, built from the injected options: its
 * governor (Xero: 5 concurrent, 60 a minute, 5,000 a day), token manager, API client and reference-data cache.
 */
export function createXeroServices(options: ConnectorOptions) {
  const settings = parseXeroSettings(options.organization.settings);
  const organizationId = options.organization.id;
  const tokens = createTokenManager({
    organizationId,
    settings,
    credentials: xeroCredentialsStore(options.store, options.secrets),
    clock: options.clock,
    leases: options.store.leases,
  });
  const governor = createUpstreamGovernor({ ...settings.limits, ...options.upstream, clock: options.clock, provider: "Xero" });
  const api = createXeroApi({ apiUrl: settings.apiUrl, tenantId: settings.tenantId, tokens, governor, timeoutMs: options.upstream?.timeoutMs });
  const reference = createReadThroughCache(options.cache.namespace(`xero-reference:${organizationId}`), settings.referenceDataTtlMs);
  return { settings, organizationId, tokens, governor, api, reference };
}
export type XeroServices = ReturnType<typeof createXeroServices>;
