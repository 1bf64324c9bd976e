import { randomBytes } from "node:crypto";
import { Provider } from "../../../schema/common/provider.enum.js";
import type { Principal } from "../../../src/context/gateway-context.js";
import type { ApiKeyService, ApiKeySummary } from "../../../src/auth/index.js";
import type { KeyValueStore } from "../../../src/store/key-value-store.js";
import type { SecretBox } from "../../../src/secrets/secret-box.js";
import type { Clock } from "../../../src/infra/clock.js";
import type { OrganizationRecord } from "../../../src/organizations/organization-record.js";
import type { OrganizationRepository } from "../../../src/organizations/organization-repository.js";
import { organizationScope } from "../../../src/organizations/adapter-pool.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { buildConsentUrl, exchangeAuthorizationCode, listTenants, type XeroAppCredentials } from "../auth/connect-organization.js";
import { xeroCredentialsStore } from "../auth/credentials-store.js";
import { XERO_API_URL, XERO_IDENTITY_URL, type XeroSecret } from "../config.js";

const PENDING_TTL_MS = 10 * 60_000;
/** A used or expired state is remembered this long after its link expired, to say "used" or "expired" rather than "unknown". */
const REMEMBER_MS = 60 * 60_000;
/** How a person starts over, in every refusal. */
export const START_AGAIN = "Start again with the mutation connectOrganization(provider: XERO).";

interface Pending {
  apiKeyId: string;
  createdAt: string;
  expiresAt: string;
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
  /** A consent URL for a person to open; the organization they pick is granted to the calling key. */
  start(principal: Principal): Promise<{ consentUrl: string; expiresAt: string }>;
  /**
   * Handles Xero's redirect back: takes the single-use `state` (bound to the key that started, 10
   * minutes), trades the code and connects the organisation just consented to (the newest
   * connection), granting it to that key. A tenant already connected here is reconnected only
   * through a key that holds its organization; any other key is refused with FORBIDDEN and the
   * stored token set is left as it was. One organisation per consent: Xero rotates the refresh
   * token on every use, so two organizations must not share one token set.
   */
  complete(query: { code?: string; state?: string; error?: string }): Promise<OrganizationRecord>;
}

const refused = (message: string) => new GatewayError(ErrorCode.BAD_USER_INPUT, message, { details: { provider: "XERO" } });
const forbidden = (message: string) => new GatewayError(ErrorCode.FORBIDDEN, message, { details: { provider: "XERO" } });
const holds = (key: ApiKeySummary, organizationId: string) => key.organizationIds === "*" || key.organizationIds.includes(organizationId);

/** Connecting real Xero organisations: OAuth authorization code, bound to the API key that asked. */
export function createXeroConnectFlow(options: XeroConnectFlowOptions): XeroConnectFlow {
  const { app, organizations, connectorStore, secrets, apiKeys, clock } = options;
  const pending = options.store.namespace("xero-connect");
  const apiUrl = app.apiUrl ?? XERO_API_URL;

  /**
   * Takes a state once: a lease makes two concurrent callbacks with the same state race for it
   * (across instances on Redis), and the state is marked used before anything else happens.
   */
  async function take(state: string | undefined): Promise<Pending> {
    if (!state) throw refused(`This callback carries no connection state. ${START_AGAIN}`);
    const holder = await pending.leases.acquire(`take:${state}`, 60_000);
    if (!holder) throw refused(`This connection link is being used right now; each link works once. ${START_AGAIN}`);
    let found: Pending | { usedAt: string } | undefined;
    try {
      found = await pending.get<Pending | { usedAt: string }>(state);
      if (found && !("usedAt" in found)) await pending.set(state, { usedAt: clock.now().toISOString() }, REMEMBER_MS);
    } finally {
      await pending.leases.release(`take:${state}`, holder.holder);
    }
    if (!found) throw refused(`This connection link is unknown or expired. ${START_AGAIN}`);
    if ("usedAt" in found) throw refused(`This connection link was already used (${found.usedAt}); each link works once. ${START_AGAIN}`);
    if (Date.parse(found.expiresAt) <= clock.now().getTime()) throw refused(`This connection link expired at ${found.expiresAt}. ${START_AGAIN}`);
    return found;
  }

  /** The key that started, as it is now (it may have been revoked, or granted more, since). */
  async function starter(apiKeyId: string): Promise<ApiKeySummary> {
    const key = (await apiKeys.list()).find((k) => k.id === apiKeyId && !k.revokedAt);
    if (!key) throw forbidden(`The API key that started this connection no longer exists or was revoked. ${START_AGAIN}`);
    return key;
  }

  async function connectTenant(key: ApiKeySummary, tenant: { tenantId: string; tenantName?: string | null }, secret: XeroSecret) {
    const existing = (await organizations.list()).find((o) => o.provider === Provider.XERO && o.settings.tenantId === tenant.tenantId && o.settings.sandbox !== true);
    if (existing && !holds(key, existing.id)) {
      throw forbidden(
        `The Xero organisation '${tenant.tenantName ?? tenant.tenantId}' is already connected to another API key's organization; its connection was left as it was. ` +
          "Ask the owner of that key to grant you its organization, or to reconnect it themselves.",
      );
    }
    const settings = { apiUrl, identityUrl: app.identityUrl ?? XERO_IDENTITY_URL, tenantId: tenant.tenantId, clientId: app.clientId };
    const organization = existing ?? (await organizations.create({ provider: Provider.XERO, name: tenant.tenantName ?? "Xero organisation", settings }));
    await xeroCredentialsStore(organizationScope(connectorStore, organization.id), secrets).save(organization.id, secret);
    return organization;
  }

  return {
    async start(principal) {
      const state = randomBytes(24).toString("base64url");
      const expiresAt = new Date(clock.now().getTime() + PENDING_TTL_MS).toISOString();
      await pending.set<Pending>(state, { apiKeyId: principal.apiKeyId, createdAt: clock.now().toISOString(), expiresAt }, PENDING_TTL_MS + REMEMBER_MS);
      return { consentUrl: await buildConsentUrl(app, state), expiresAt };
    },

    async complete({ code, state, error }) {
      if (error) {
        await take(state).catch(() => undefined);
        throw refused(`Xero did not connect the organisation (${oauthErrorCode(error)}). ${START_AGAIN}`);
      }
      const found = await take(state);
      if (!code) throw refused(`Xero's redirect carried no code. ${START_AGAIN}`);
      await starter(found.apiKeyId); // refuse before spending the code when the key is gone
      const tokenSet = await exchangeAuthorizationCode(app, code);
      const tenants = (await listTenants(apiUrl, tokenSet.accessToken)).filter((t) => t.tenantType === "ORGANISATION");
      const newest = tenants.sort((a, b) => (b.createdDateUtc ?? "").localeCompare(a.createdDateUtc ?? ""))[0];
      if (!newest) throw refused(`The Xero user connected no organisation. ${START_AGAIN} Then pick one.`);
      const key = await starter(found.apiKeyId);
      const organization = await connectTenant(key, newest, { clientSecret: app.clientSecret, tokenSet });
      if (!holds(key, organization.id)) await apiKeys.grant(key.id, [...(key.organizationIds as string[]), organization.id]);
      return organization;
    },
  };
}

/**
 * The `error` of an OAuth redirect as shown back to the person: OAuth error codes are short ASCII
 * words (RFC 6749 §4.1.2.1), so anything else (control characters, markup, long text) is cut to that shape.
 */
export function oauthErrorCode(error: string): string {
  const code = error.replace(/[^\w.\- ]/g, "").slice(0, 64).trim();
  return code || "unknown_error";
}
