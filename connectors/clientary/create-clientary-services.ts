import type { ConnectorOptions } from "../../src/connector/adapter.js";
import { ErrorCode, GatewayError } from "../../src/errors/index.js";
import { createReadThroughCache } from "../../src/store/read-through-cache.js";
import { createUpstreamGovernor } from "../../src/upstream/index.js";
import { clientaryCredentialsStore } from "./auth/credentials-store.js";
import { createClientaryApi, PROVIDER_NAME } from "./client/clientary-api.js";
import { parseClientarySettings } from "./config.js";

/** The long-lived pieces of one organization's connection: settings, governor, API client and a short cache for joined lists. */
export function createClientaryServices(options: ConnectorOptions) {
  const settings = parseClientarySettings(options.organization.settings);
  const organizationId = options.organization.id;
  const credentials = clientaryCredentialsStore(options.store, options.secrets);
  const governor = createUpstreamGovernor({ ...settings.limits, ...options.upstream, clock: options.clock, provider: PROVIDER_NAME });
  const token = async () => {
    const secret = await credentials.load(organizationId);
    if (!secret) {
      throw new GatewayError(ErrorCode.PROVIDER_AUTH_EXPIRED, "This Clientary organization has no API token stored. Reconnect it with a user's API token.", {
        details: { provider: PROVIDER_NAME },
      });
    }
    return secret.apiToken;
  };
  const api = createClientaryApi({ apiUrl: settings.apiUrl, token, governor });
  const lists = createReadThroughCache(options.cache.namespace(`clientary-lists:${organizationId}`), settings.listCacheTtlMs);
  return { settings, organizationId, governor, api, lists, clock: options.clock };
}
export type ClientaryServices = ReturnType<typeof createClientaryServices>;
