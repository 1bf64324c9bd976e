import type { KeyValueStore } from "../store/key-value-store.js";
import { memoryStore } from "../store/key-value-store.js";
import type { SecretBox } from "../secrets/secret-box.js";
import type { Clock } from "../infra/clock.js";
import type { Logger } from "../infra/logger.js";
import { badUserInput, ErrorCode, GatewayError, notFound } from "../errors/index.js";
import { DAFTRA_CREDENTIALS_NAMESPACE } from "../../connectors/daftra/auth/credentials-store.js";
import { CLIENTARY_CREDENTIALS_NAMESPACE } from "../../connectors/clientary/auth/credentials-store.js";
import { XERO_CREDENTIALS_NAMESPACE } from "../../connectors/xero/auth/credentials-store.js";
import type { OrganizationRecord } from "./organization-record.js";
import type { OrganizationRepository } from "./organization-repository.js";
import { organizationScope } from "./adapter-pool.js";
import { clientaryCredentials, daftraCredentials, parseSiteUrl, probeRefusal, type CredentialProvider } from "./credential-connect.js";

export interface ConnectWithSecret {
  /** The account's address, e.g. https://acme.daftra.com or https://acme.clientary.com. */
  siteUrl: string;
  /** The organization's name here; absent: the name the provider states, else one made from the address. */
  name?: string;
}

/** Connecting and disconnecting organizations, as operators do it (CLI and ADMIN mutations). */
export interface OrganizationAdmin {
  list(): Promise<OrganizationRecord[]>;
  /**
   * Organization grants for a key as a person gives them: `["*"]` alone means every organization,
   * otherwise ids of connected organizations. BAD_USER_INPUT naming `organizationIds` and the unknown ids otherwise.
   */
  grants(organizationIds: readonly string[]): Promise<"*" | string[]>;
  /** Checks the key with one call to Daftra (its site profile), then saves the organization; BAD_USER_INPUT naming the field otherwise, with nothing saved. */
  connectDaftra(input: ConnectWithSecret & { apiKey: string }): Promise<OrganizationRecord>;
  /** Checks the token with one call to Clientary (its staff list), then saves the organization; BAD_USER_INPUT naming the field otherwise, with nothing saved. */
  connectClientary(input: ConnectWithSecret & { token: string; currency?: string }): Promise<OrganizationRecord>;
  /** Forgets the organization and its stored credentials; NOT_FOUND when there is no such organization. */
  disconnect(id: string): Promise<OrganizationRecord>;
}

export interface OrganizationAdminOptions {
  organizations: OrganizationRepository;
  /** The connector-scoped durable store (`org:<id>` slices), as the adapter pool uses it. */
  connectorStore: KeyValueStore;
  secrets: SecretBox;
  clock: Clock;
  logger: Logger;
  /** The longest the one check call may take, its retries included. @default 15000 */
  probeTimeoutMs?: number;
  /**
   * The embedded sandboxes run (`LEDGERLINE_SANDBOX`): their organizations are connected again at every
   * start, so disconnecting one is refused, saying so. @default false
   */
  sandboxesRunning?: boolean;
}

/** A connection's lease outlives its one check call by this much. */
const CONNECT_LEASE_MARGIN_MS = 10_000;

const CREDENTIAL_NAMESPACES = [XERO_CREDENTIALS_NAMESPACE, DAFTRA_CREDENTIALS_NAMESPACE, CLIENTARY_CREDENTIALS_NAMESPACE];

export function createOrganizationAdmin(options: OrganizationAdminOptions): OrganizationAdmin {
  const { organizations, connectorStore, secrets, clock, logger, probeTimeoutMs = 15_000, sandboxesRunning = false } = options;
  /** Probes with a throwaway adapter whose store holds only the sealed secret, then saves the organization and its secret. */
  async function connect(p: CredentialProvider, input: ConnectWithSecret & { secret: string; currency?: string }, example: string): Promise<OrganizationRecord> {
    const site = parseSiteUrl(input.siteUrl, p.label, example);
    const secret = typeof input.secret === "string" ? input.secret.trim() : "";
    if (secret === "" || secret.length > 1000 || /\s/.test(secret)) {
      throw badUserInput([{ field: p.secretField, message: `give the ${p.label} ${p.secretName} (one word, 1 to 1000 characters)` }]);
    }
    const name = input.name === undefined || input.name === null ? undefined : input.name.trim();
    if (name !== undefined && (name.length === 0 || name.length > 200)) throw badUserInput([{ field: "name", message: "give a name of 1 to 200 characters, or none to use the provider's" }]);
    const currency = input.currency?.trim().toUpperCase();
    if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw badUserInput([{ field: "currency", message: "give the account's currency as an ISO 4217 code, e.g. USD" }]);

    const settings = p.settings(site, { currency });
    const siteKey = p.site(settings);
    // One connection of a site at a time, across every instance sharing the store: the check below and the create are one step.
    const leaseKey = `connect:${p.provider}:${siteKey}`;
    const lease = await connectorStore.leases.acquire(leaseKey, probeTimeoutMs + CONNECT_LEASE_MARGIN_MS);
    if (!lease) {
      throw new GatewayError(ErrorCode.CONFLICT, `${siteKey} is being connected by another request right now; list the organizations in a few seconds, or try again.`, { details: { field: "siteUrl" } });
    }
    try {
      return await connectOnce(p, { site, secret, name, settings, siteKey });
    } finally {
      await connectorStore.leases.release(leaseKey, lease.holder).catch(() => undefined);
    }
  }

  async function connectOnce(
    p: CredentialProvider,
    { site, secret, name, settings, siteKey }: { site: ReturnType<typeof parseSiteUrl>; secret: string; name: string | undefined; settings: Record<string, unknown>; siteKey: string },
  ): Promise<OrganizationRecord> {
    const already = (await organizations.list()).find((o) => o.provider === p.provider && o.settings.sandbox !== true && p.site(o.settings) === siteKey);
    if (already) {
      throw badUserInput([{ field: "siteUrl", message: `${siteKey} is already connected as organization ${already.id} (${already.name}); disconnect it first to connect it with another ${p.secretName}` }]);
    }
    const probeStore = memoryStore();
    const probeId = "org_probe";
    await p.save(probeStore, secrets, probeId, secret);
    const adapter = p.connector.create({
      organization: { id: probeId, provider: p.provider, name: name ?? p.label, settings, createdAt: clock.now().toISOString() },
      store: probeStore, cache: memoryStore(), secrets, logger: logger.child({ provider: p.provider, check: "connect" }), clock,
      upstream: { timeoutMs: probeTimeoutMs },
    });
    let stated: { name?: string };
    try {
      stated = await p.probe(adapter);
    } catch (error) {
      throw probeRefusal(p, site, error);
    }
    const organization = await organizations.create({ provider: p.provider, name: name ?? (stated.name?.trim() || p.fallbackName(site)), settings });
    try {
      await p.save(organizationScope(connectorStore, organization.id), secrets, organization.id, secret);
    } catch (error) {
      await organizations.remove(organization.id).catch(() => undefined);
      throw error;
    }
    logger.info("connected an organization", { organizationId: organization.id, provider: p.provider });
    return organization;
  }

  return {
    list: () => organizations.list(),
    async grants(organizationIds) {
      const ids = [...new Set(organizationIds.map((id) => (typeof id === "string" ? id.trim() : "")))];
      if (ids.includes("*")) {
        if (ids.length === 1) return "*";
        throw badUserInput([{ field: "organizationIds", message: '"*" (every organization) stands alone; give either ["*"] or a list of organization ids' }]);
      }
      const known = new Set((await organizations.list()).map((o) => o.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        const shown = unknown.slice(0, 5).map((id) => JSON.stringify(id.slice(0, 60))).join(", ");
        throw badUserInput([{ field: "organizationIds", message: `no organization ${shown} is connected; list them with \`ledgerline orgs list\` or the connectedOrganizations query` }]);
      }
      return ids;
    },
    connectDaftra: ({ apiKey, ...rest }) => connect(daftraCredentials, { ...rest, secret: apiKey }, "https://acme.daftra.com"),
    connectClientary: ({ token, ...rest }) => connect(clientaryCredentials, { ...rest, secret: token }, "https://acme.clientary.com"),
    async disconnect(id) {
      const found = await organizations.get(id);
      if (!found) throw notFound("Organization", id);
      if (found.settings.sandbox === true && sandboxesRunning) {
        throw badUserInput([{
          field: "id",
          message: `${id} is the embedded ${found.provider} sandbox's organization, connected again at every start while LEDGERLINE_SANDBOX is on; set LEDGERLINE_SANDBOX=false to run without it, then disconnect it`,
        }]);
      }
      const slice = organizationScope(connectorStore, id);
      await Promise.all(CREDENTIAL_NAMESPACES.map((ns) => slice.namespace(ns).delete(id)));
      await organizations.remove(id);
      logger.info("disconnected an organization", { organizationId: id, provider: found.provider });
      return found;
    },
  };
}
