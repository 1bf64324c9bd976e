import type { ConnectorOptions } from "../../src/connector/adapter.js";
import { ErrorCode, GatewayError } from "../../src/errors/index.js";
import { createReadThroughCache } from "../../src/store/read-through-cache.js";
import { createUpstreamGovernor } from "../../src/upstream/index.js";
import { daftraCredentialsStore } from "./auth/credentials-store.js";
import { createDaftraApi } from "./client/daftra-api.js";
import { parseDaftraSettings } from "./config.js";

/**
 * The long-lived pieces of one organization's connection, built from the injected options: its
 * governor, the API client (the sealed key is opened on first use) and the reference-data cache.
 */
export function createDaftraServices(options: ConnectorOptions) {
  const settings = parseDaftraSettings(options.organization.settings);
  const organizationId = options.organization.id;
  const credentials = daftraCredentialsStore(options.store, options.secrets);
  const apiKey = async () => {
    const secret = await credentials.load(organizationId);
    if (!secret) {
      throw new GatewayError(ErrorCode.PROVIDER_AUTH_EXPIRED, "This Daftra organization has no API key stored. Reconnect it with a key from Settings → API.", {
        details: { provider: "DAFTRA" },
      });
    }
    return secret.apiKey;
  };
  const governor = createUpstreamGovernor({ ...settings.limits, ...options.upstream, clock: options.clock, provider: "Daftra" });
  const api = createDaftraApi({ baseUrl: settings.baseUrl, apiKey, governor });
  const reference = createReadThroughCache(options.cache.namespace(`daftra-reference:${organizationId}`), settings.referenceDataTtlMs);
  return { settings, organizationId, governor, api, reference };
}
export type DaftraServices = ReturnType<typeof createDaftraServices>;
