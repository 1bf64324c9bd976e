import { Provider } from "../../schema/common/provider.enum.js";
import { daftraConnector, daftraCredentialsStore } from "../../connectors/daftra/index.js";
import { clientaryConnector, clientaryCredentialsStore } from "../../connectors/clientary/index.js";
import type { ConnectorAdapter, ConnectorDefinition } from "../connector/adapter.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { SecretBox } from "../secrets/secret-box.js";
import { badUserInput, ErrorCode, isGatewayError } from "../errors/index.js";

/**
 * How an organization at a provider reached with a site address and one secret (Daftra's API key,
 * Clientary's API token) is checked and kept: the settings its connector reads, where its secret is
 * sealed, and the one call that proves the pair works (the connector's own client, through its adapter).
 */
export interface CredentialProvider {
  provider: Provider;
  /** The provider's name in messages. */
  label: string;
  /** The input field holding the secret, named in refusals ("apiKey", "token"). */
  secretField: string;
  /** What the secret is called in messages ("API key", "API token"). */
  secretName: string;
  connector: ConnectorDefinition;
  /** Settings for a site address the person gave (already an http(s) URL), plus the extras they chose. */
  settings(site: URL, extras: { currency?: string }): Record<string, unknown>;
  /** The account an organization's settings point at, to find one connected twice. */
  site(settings: Record<string, unknown>): string;
  /** Seals the secret into an organization's slice of the connector store. */
  save(store: KeyValueStore, secrets: SecretBox, organizationId: string, secret: string): Promise<void>;
  /** One upstream call; answers the organization's name when the provider states one. */
  probe(adapter: ConnectorAdapter): Promise<{ name?: string }>;
  /** The name used when neither the person nor the provider gives one. */
  fallbackName(site: URL): string;
}

/** A bare origin ("https://acme.daftra.com") is Daftra's v1 API below `/api2`; a path given is kept (white-label hosts). */
const daftraBase = (site: URL) => (site.pathname === "/" || site.pathname === "" ? `${site.origin}/api2` : `${site.origin}${site.pathname.replace(/\/+$/, "")}`);

export const daftraCredentials: CredentialProvider = {
  provider: Provider.DAFTRA,
  label: "Daftra",
  secretField: "apiKey",
  secretName: "API key",
  connector: daftraConnector,
  settings: (site) => ({ baseUrl: daftraBase(site) }),
  site: (settings) => String(settings.baseUrl ?? "").replace(/\/+$/, ""),
  save: (store, secrets, organizationId, apiKey) => daftraCredentialsStore(store, secrets).save(organizationId, { apiKey }),
  // https://docs.daftara.dev (Site Info: GET /site_info), the adapter's profile.
  probe: async (adapter) => ({ name: (await adapter.profile()).name }),
  fallbackName: (site) => `Daftra (${site.host})`,
};

export const clientaryCredentials: CredentialProvider = {
  provider: Provider.CLIENTARY,
  label: "Clientary",
  secretField: "token",
  secretName: "API token",
  connector: clientaryConnector,
  settings: (site, { currency }) => ({ apiUrl: site.origin, ...(currency ? { currency } : {}) }),
  site: (settings) => String(settings.apiUrl ?? "").replace(/\/+$/, ""),
  save: (store, secrets, organizationId, apiToken) => clientaryCredentialsStore(store, secrets).save(organizationId, { apiToken }),
  // https://www.clientary.com/api/staff: Clientary has no account endpoint; the staff list is the smallest read every token may make.
  probe: async (adapter) => {
    await adapter.list("Staff", { first: 1, offset: 0, filter: {}, fresh: true });
    return {};
  },
  fallbackName: (site) => `Clientary (${site.host})`,
};

/** The site address as a URL, or BAD_USER_INPUT naming `siteUrl`. */
export function parseSiteUrl(text: string, label: string, example: string): URL {
  const problem = (why: string) => badUserInput([{ field: "siteUrl", message: `${why}; give the address of the ${label} account, e.g. ${example}` }]);
  if (typeof text !== "string" || text.trim() === "") throw problem("the site URL is empty");
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw problem(`"${text.slice(0, 200)}" is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw problem(`"${url.protocol}" is not http or https`);
  // The secret travels with every call: plain http only to this machine (a local sandbox or proxy).
  if (url.protocol === "http:" && !isLoopback(url.hostname)) throw problem(`http://${url.host} would send the secret unencrypted; use https (plain http is accepted only for this machine: localhost, 127.0.0.1, ::1)`);
  if (url.username || url.password) throw problem("the site URL must not carry a user name or password (the secret goes in its own field)");
  if (url.search || url.hash) throw problem("the site URL must not carry a query or fragment");
  return url;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * The refusal for a failed probe, naming the field to fix: the secret when the provider refused it
 * (401/403), the site URL when the site did not answer as the provider does. Rate limits pass through
 * unchanged (nothing is wrong with the input; try again later).
 */
export function probeRefusal(p: CredentialProvider, site: URL, error: unknown): Error {
  if (!isGatewayError(error)) return error instanceof Error ? error : new Error(String(error));
  const at = `${p.label} at ${site.href}`;
  const status = (error.extensions as { upstreamStatus?: number }).upstreamStatus;
  switch (error.code) {
    case ErrorCode.PROVIDER_AUTH_EXPIRED:
    case ErrorCode.FORBIDDEN:
      return badUserInput([{ field: p.secretField, message: `the ${p.secretName} was refused by ${at} (HTTP ${status ?? 401}); copy it again from the ${p.label} account and retry` }]);
    case ErrorCode.NOT_FOUND:
      return badUserInput([{ field: "siteUrl", message: `${at} has no ${p.label} API (HTTP 404); check the address of the account` }]);
    case ErrorCode.PROVIDER_RATE_LIMITED:
      return error;
    case ErrorCode.PROVIDER_UNAVAILABLE:
      return badUserInput([{ field: "siteUrl", message: `could not check ${at}: ${error.message.replace(/ Try again shortly\.$/, "")} Check the address, and that the gateway can reach it` }]);
    default:
      return badUserInput([{ field: "siteUrl", message: `${at} refused the check: ${error.message}` }]);
  }
}
