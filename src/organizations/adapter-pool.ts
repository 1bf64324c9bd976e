import type { ConnectorAdapter, ConnectorDefinition } from "../connector/adapter.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { SecretBox } from "../secrets/secret-box.js";
import type { Logger } from "../infra/logger.js";
import type { Clock } from "../infra/clock.js";
import type { OrganizationRecord } from "./organization-record.js";
import { GatewayError, ErrorCode } from "../errors/index.js";
import { guardCapabilities } from "../connector/capability-guard.js";

export interface AdapterPoolOptions {
  connectors: readonly ConnectorDefinition[];
  store: KeyValueStore;
  cache: KeyValueStore;
  secrets: SecretBox;
  logger: Logger;
  clock: Clock;
}

/** The slice of the connector store an organization's adapter sees (tokens and cursors live here). */
export function organizationScope(connectorStore: KeyValueStore, organizationId: string): KeyValueStore {
  return connectorStore.namespace(`org:${organizationId}`);
}

/** One long-lived adapter per organization (it holds the token manager and rate governor). */
export function createAdapterPool({ connectors, store, cache, secrets, logger, clock }: AdapterPoolOptions) {
  const adapters = new Map<string, ConnectorAdapter>();
  const byProvider = new Map(connectors.map((c) => [c.provider, c]));
  return {
    adapterFor(organization: OrganizationRecord): ConnectorAdapter {
      let adapter = adapters.get(organization.id);
      if (!adapter) {
        const connector = byProvider.get(organization.provider);
        if (!connector) {
          throw new GatewayError(ErrorCode.NOT_SUPPORTED, `No connector is registered for provider ${organization.provider}.`);
        }
        adapter = guardCapabilities(connector.create({
          organization,
          store: organizationScope(store, organization.id),
          cache: organizationScope(cache, organization.id),
          secrets,
          logger: logger.child({ organizationId: organization.id, provider: organization.provider }),
          clock,
        }));
        adapters.set(organization.id, adapter);
      }
      return adapter;
    },
    connectors,
  };
}
export type AdapterPool = ReturnType<typeof createAdapterPool>;
