import { randomBytes } from "node:crypto";
import { Provider } from "../../../schema/common/provider.enum.js";
import type { Principal } from "../../../src/context/gateway-context.js";
import type { ApiKeyService } from "../../../src/auth/index.js";
import type { KeyValueStore } from "../../../src/store/key-value-store.js";
import type { SecretBox } from "../../../src/secrets/secret-box.js";
import type { Clock } from "../../../src/infra/clock.js";
import type { OrganizationRecord } from "../../../src/organizations/organization-record.js";
import type { OrganizationRepository } from "../../../src/organizations/organization-repository.js";
import { organizationScope } from "../../../src/organizations/adapter-pool.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { buildConsentUrl, exchangeAuthorizationCode, listTenants, type XeroAppCredentials } from "../auth/connect-organization.js";
import { xeroCredentialsStore } from "../auth/credentials-store.js";
import { XERO_API_URL, XERO_IDENTITY_URL } from "../config.js";

const PENDING_TTL_MS = 10 * 60_000;

interface Pending {
  apiKeyId: string;
  createdAt: string;
}

export interface XeroConnectFlowOptions {
  app: XeroAppCredentials;
  /** Holds the pending `state` values (single use, 10 minutes). */
  store: KeyValueStore;
  organizations: OrganizationRepository;
  connectorStore: KeyValueStore;
  secrets: SecretBox;
  apiKeys: ApiKeyService;
  clock: Clock;
}

export interface XeroConnectFlow {
  /** A consent URL for a person to open; the organization(s) they pick are granted to the calling key. */
  start(principal: Principal): Promise<{ consentUrl: string; expiresAt: string }>;
  /**
   * Handles Xero's redirect back: trades the code and connects the organisation just consented to
   * (the newest connection), granting it to the key that started. One organisation per consent:
   * Xero rotates the refresh token on every use, so two organizations must not share one token set.
   */
  complete(query: { code?: string; state?: string; error?: string }): Promise<OrganizationRecord>;
}

const refused = (message: string) => new GatewayError(ErrorCode.BAD_USER_INPUT, message, { details: { provider: "XERO" } });

/** Connecting real Xero organisations: OAuth authorization code, bound to the API key that asked. */
export function createXeroConnectFlow(options: XeroConnectFlowOptions): XeroConnectFlow {
  const { app, organizations, connectorStore, secrets, apiKeys, clock } = options;
  const pending = options.store.namespace("xero-connect");
  const apiUrl = app.apiUrl ?? XERO_API_URL;

  async function connectTenant(tenant: { tenantId: string; tenantName?: string | null }, secret: Parameters<ReturnType<typeof xeroCredentialsStore>["save"]>[1]) {
    const existing = (await organizations.list()).find((o) => o.provider === Provider.XERO && o.settings.tenantId === tenant.tenantId && o.settings.sandbox !== true);
    const settings = { apiUrl, identityUrl: app.identityUrl ?? XERO_IDENTITY_URL, tenantId: tenant.tenantId, clientId: app.clientId };
    const organization = existing ?? (await organizations.create({ provider: Provider.XERO, name: tenant.tenantName ?? "Xero organisation", settings }));
    await xeroCredentialsStore(organizationScope(connectorStore, organization.id), secrets).save(organization.id, secret);
    return organization;
  }

  return {
    async start(principal) {
      const state = randomBytes(24).toString("base64url");
      await pending.set<Pending>(state, { apiKeyId: principal.apiKeyId, createdAt: clock.now().toISOString() }, PENDING_TTL_MS);
      return { consentUrl: await buildConsentUrl(app, state), expiresAt: new Date(clock.now().getTime() + PENDING_TTL_MS).toISOString() };
    },

    async complete({ code, state, error }) {
      if (error) throw refused(`Xero did not connect the organisation (${error}). Start again with connectXeroOrganization.`);
      const found = state ? await pending.get<Pending>(state) : undefined;
      if (!state || !found) throw refused("This connection link is unknown, used or expired. Start again with connectXeroOrganization.");
      await pending.delete(state);
      if (!code) throw refused("Xero's redirect carried no code. Start again with connectXeroOrganization.");
      const tokenSet = await exchangeAuthorizationCode(app, code);
      const tenants = (await listTenants(apiUrl, tokenSet.accessToken)).filter((t) => t.tenantType === "ORGANISATION");
      const newest = tenants.sort((a, b) => (b.createdDateUtc ?? "").localeCompare(a.createdDateUtc ?? ""))[0];
      if (!newest) throw refused("The Xero user connected no organisation. Start again and pick one.");
      const organization = await connectTenant(newest, { clientSecret: app.clientSecret, tokenSet });
      const key = (await apiKeys.list()).find((k) => k.id === found.apiKeyId);
      if (key && key.organizationIds !== "*" && !key.organizationIds.includes(organization.id)) {
        await apiKeys.grant(key.id, [...key.organizationIds, organization.id]);
      }
      return organization;
    },
  };
}
