import { z } from "zod";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";

export interface IdentityEndpoints {
  authorization: string;
  token: string;
  revocation?: string;
}

const discoverySchema = z.object({
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  revocation_endpoint: z.string().url().optional(),
});

const discovered = new Map<string, Promise<IdentityEndpoints>>();

/**
 * The identity server's endpoints, read once per identity URL from its OpenID configuration
 * (real Xero serves authorize from login.xero.com and tokens from identity.xero.com).
 */
export function identityEndpoints(identityUrl: string): Promise<IdentityEndpoints> {
  let endpoints = discovered.get(identityUrl);
  if (!endpoints) {
    endpoints = discover(identityUrl);
    discovered.set(identityUrl, endpoints);
    endpoints.catch(() => discovered.delete(identityUrl));
  }
  return endpoints;
}

async function discover(identityUrl: string): Promise<IdentityEndpoints> {
  const url = `${identityUrl}/.well-known/openid-configuration`;
  try {
    // https://developer.xero.com/documentation/guides/oauth2/auth-flow (discovery document)
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const doc = discoverySchema.parse(await response.json());
    return { authorization: doc.authorization_endpoint, token: doc.token_endpoint, revocation: doc.revocation_endpoint };
  } catch (cause) {
    throw new GatewayError(
      ErrorCode.PROVIDER_UNAVAILABLE,
      `Could not read Xero's identity configuration at ${url}. Check the organization's identityUrl and try again.`,
      { details: { provider: "XERO" }, cause },
    );
  }
}
