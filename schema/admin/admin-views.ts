import type { AdminAccess, GatewayContext } from "../../src/context/gateway-context.js";
import type { ApiKeySummary } from "../../src/auth/api-key-service.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import { notSupported } from "../../src/errors/index.js";
import type { ApiKey } from "./api-key.type.js";
import type { ConnectedOrganization } from "./connected-organization.type.js";

/** The administration services, or NOT_SUPPORTED where the gateway offers none. */
export function adminOf(ctx: GatewayContext): AdminAccess {
  if (!ctx.admin) throw notSupported("This gateway", "administration over GraphQL", "Use the `ledgerline` command line on the gateway's store.");
  return ctx.admin;
}

export const toApiKey = (key: ApiKeySummary): ApiKey => ({
  id: key.id,
  name: key.name,
  scopes: key.scopes,
  organizationIds: key.organizationIds === "*" ? ["*"] : key.organizationIds,
  createdAt: key.createdAt,
  revokedAt: key.revokedAt ?? null,
});

export const toConnectedOrganization = (o: OrganizationRecord): ConnectedOrganization => {
  const site = o.settings.baseUrl ?? o.settings.apiUrl;
  return {
    id: o.id,
    name: o.name,
    provider: o.provider,
    siteUrl: o.provider !== "XERO" && typeof site === "string" ? site : null,
    sandbox: o.settings.sandbox === true,
    createdAt: o.createdAt,
  };
};
