import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { systemClock, type Clock } from "../../../src/infra/clock.js";
import { XERO_API_URL, XERO_IDENTITY_URL, type XeroTokenSet } from "../config.js";
import { identityEndpoints } from "./identity-endpoints.js";
import { DEFAULT_XERO_SCOPES } from "./scopes.js";
import { requestTokenSet, TokenEndpointError } from "./token-endpoint.js";

export interface XeroAppCredentials {
  clientId: string;
  clientSecret: string;
  /** Must be registered with the app (the sandbox accepts any loopback URL). */
  redirectUri: string;
  /** @default https://identity.xero.com */
  identityUrl?: string;
  /** @default https://api.xero.com */
  apiUrl?: string;
  /** @default DEFAULT_XERO_SCOPES */
  scopes?: readonly string[];
  /** @default systemClock */
  clock?: Clock;
}

const tenantSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  tenantType: z.string(),
  tenantName: z.string().nullish(),
  createdDateUtc: z.string().nullish(),
  updatedDateUtc: z.string().nullish(),
});
export type XeroTenant = z.infer<typeof tenantSchema>;

export interface ConnectedOrganization {
  /** Every organisation the consenting user gave the app; pick one as the organization's `tenantId`. */
  tenants: XeroTenant[];
  tokenSet: XeroTokenSet;
}

const setupError = (message: string, details: Record<string, unknown> = {}, cause?: unknown) =>
  new GatewayError(ErrorCode.BAD_USER_INPUT, message, { details: { provider: "XERO", ...details }, cause });

/** fetch, with "could not reach Xero" as a gateway error. */
async function reach(url: string | URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (cause) {
    throw new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `Could not reach Xero at ${new URL(url).origin}. Try again shortly.`, {
      details: { provider: "XERO" }, cause,
    });
  }
}

/** The consent URL to send a person to (authorization-code flow, confidential client, no PKCE). */
export async function buildConsentUrl(app: XeroAppCredentials, state: string): Promise<string> {
  const { authorization } = await identityEndpoints(app.identityUrl ?? XERO_IDENTITY_URL);
  const url = new URL(authorization);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    scope: (app.scopes ?? DEFAULT_XERO_SCOPES).join(" "),
    state,
  }).toString();
  return url.toString();
}

/** Trades the `code` from the redirect back for a token set (what a real browser callback calls). */
export async function exchangeAuthorizationCode(app: XeroAppCredentials, code: string): Promise<XeroTokenSet> {
  const { token } = await identityEndpoints(app.identityUrl ?? XERO_IDENTITY_URL);
  const now = (app.clock ?? systemClock).now().getTime();
  try {
    return await requestTokenSet(token, app, { grant_type: "authorization_code", code, redirect_uri: app.redirectUri }, now);
  } catch (error) {
    const reason = error instanceof TokenEndpointError ? error.error : "unreachable";
    throw setupError(`Xero did not accept the authorization code (${reason}). Start the connection again.`, { reason }, error);
  }
}

/** The organisations an access token can reach. */
export async function listTenants(apiUrl: string, accessToken: string): Promise<XeroTenant[]> {
  // https://developer.xero.com/documentation/guides/oauth2/tenants
  const response = await reach(`${apiUrl}/connections`, { headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" } });
  if (!response.ok) throw setupError(`Xero's /connections answered HTTP ${response.status}. Reconnect and try again.`);
  return z.array(tenantSchema).parse(await response.json());
}

/** Reads the code out of the redirect the consent page answered with. */
function codeFromRedirect(response: Response, state: string): string {
  const location = response.headers.get("location");
  if (response.status < 300 || response.status >= 400 || !location) {
    throw setupError(
      `Xero's consent page needs a person (HTTP ${response.status}). Open buildConsentUrl() in a browser and pass the callback's code to exchangeAuthorizationCode().`,
    );
  }
  const params = new URL(location).searchParams;
  if (params.get("state") !== state) throw setupError("The consent redirect carried a different state. Start the connection again.");
  const error = params.get("error");
  if (error) throw setupError(`Xero refused the connection: ${error}${params.get("error_description") ? ` (${params.get("error_description")})` : ""}.`, { reason: error });
  const code = params.get("code");
  if (!code) throw setupError("The consent redirect carried no code. Start the connection again.");
  return code;
}

/**
 * Runs the whole authorization-code flow where consent is automatic (the sandbox): consent URL →
 * redirect with a code → token set → tenants. Store the token set with `xeroCredentialsStore`.
 */
export async function connectOrganization(app: XeroAppCredentials): Promise<ConnectedOrganization> {
  const state = randomUUID();
  // https://developer.xero.com/documentation/guides/oauth2/auth-flow#2-redirect-to-authorization-endpoint
  const consent = await reach(await buildConsentUrl(app, state), { redirect: "manual" });
  const tokenSet = await exchangeAuthorizationCode(app, codeFromRedirect(consent, state));
  const tenants = await listTenants(app.apiUrl ?? XERO_API_URL, tokenSet.accessToken);
  return { tenants, tokenSet };
}
