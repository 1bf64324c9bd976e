/**
 * OpenID Connect discovery and the signing keys.
 * https://developer.xero.com/documentation/guides/oauth2/auth-flow (discovery: https://identity.xero.com/.well-known/openid-configuration)
 */
import { jsonReply } from "../http/reply.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { KNOWN_SCOPES } from "./scopes.js";

export const AUTHORIZE_PATH = "/identity/connect/authorize";
export const TOKEN_PATH = "/connect/token";
export const REVOCATION_PATH = "/connect/revocation";
export const JWKS_PATH = "/.well-known/openid-configuration/jwks";

export function discoveryRoutes(runtime: SandboxRuntime): Route[] {
  return [
    route("GET", "/.well-known/openid-configuration", (ctx) =>
      jsonReply(200, {
        issuer: ctx.baseUrl,
        authorization_endpoint: ctx.baseUrl + AUTHORIZE_PATH,
        token_endpoint: ctx.baseUrl + TOKEN_PATH,
        revocation_endpoint: ctx.baseUrl + REVOCATION_PATH,
        jwks_uri: ctx.baseUrl + JWKS_PATH,
        scopes_supported: [...KNOWN_SCOPES],
        response_types_supported: ["code"],
        response_modes_supported: ["query"],
        grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        code_challenge_methods_supported: ["plain", "S256"],
        claims_supported: ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "xero_userid", "global_session_id",
          "preferred_username", "email", "given_name", "family_name"],
      }), "identity"),
    route("GET", JWKS_PATH, () => jsonReply(200, { keys: [runtime.signingKey.jwk] }), "identity"),
  ];
}
