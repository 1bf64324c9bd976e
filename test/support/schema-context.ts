import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { ConnectorAdapter } from "../../src/connector/adapter.js";
import { createIdempotency } from "../../src/actions/idempotency.js";
import { createLoaders } from "../../src/loaders/loaders.js";
import { silentLogger } from "../../src/infra/logger.js";
import type { MirrorAccess } from "../../src/mirror/mirror-access.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import { memoryStore } from "../../src/store/key-value-store.js";

/** An organization a schema test serves: its record and its adapter. */
export interface ContextOrganization {
  organization: OrganizationRecord;
  adapter: ConnectorAdapter;
}

/**
 * The request context a schema test executes operations with: a key that reads every organization
 * given (and no others), each organization's adapter, fresh loaders, and the mirror when given.
 */
export function schemaContext(given: ContextOrganization | readonly ContextOrganization[], options: { mirror?: MirrorAccess } = {}): GatewayContext & { mirror?: MirrorAccess } {
  const all = Array.isArray(given) ? (given as readonly ContextOrganization[]) : [given as ContextOrganization];
  const byId = new Map(all.map((o) => [o.organization.id, o]));
  const find = (id: string) => {
    const found = byId.get(id) ?? (all.length === 1 ? all[0] : undefined);
    if (!found) throw new Error(`schemaContext: no organization ${id}`);
    return found;
  };
  const organizations = {
    list: async () => all.map((o) => o.organization),
    get: async (id: string) => find(id).organization,
    adapter: async (id: string) => find(id).adapter,
  };
  return {
    requestId: "r-1",
    principal: { apiKeyId: "k", name: "test", organizationIds: "*", scopes: [] },
    organizations,
    loaders: createLoaders(organizations.adapter, options.mirror),
    logger: silentLogger,
    connectFlows: {},
    idempotency: createIdempotency(memoryStore()),
    ...(options.mirror ? { mirror: options.mirror } : {}),
  } as GatewayContext & { mirror?: MirrorAccess };
}
