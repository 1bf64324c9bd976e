/**
 * `POST /connect/token`: authorization_code, refresh_token (rotating) and client_credentials.
 * Success is exactly HTTP 200 JSON (openid-client rejects any other 2xx); failures are 400
 * `{"error": …}`.
 * https://developer.xero.com/documentation/guides/oauth2/auth-flow#3-exchange-the-code
 */
import { oauthError } from "../http/errors.js";
import { parseFormBody } from "../http/body.js";
import type { RequestContext } from "../http/context.js";
import { jsonReply, type Reply } from "../http/reply.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readClientCredentials, secretMatches } from "./client-auth.js";
import { TOKEN_PATH } from "./discovery.route.js";
import { authorizationCodeGrant, clientCredentialsGrant, refreshTokenGrant, type GrantInput, type GrantOutcome } from "./token-grants.js";
import { pruneIdentityState } from "./token-store.js";
import type { TokenRequestContext } from "./token-response.js";

const GRANTS: Record<string, (ctx: TokenRequestContext, input: GrantInput) => GrantOutcome> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
};

function token(runtime: SandboxRuntime, ctx: RequestContext): Reply {
  const form = parseFormBody(ctx.rawBody);
  const client = readClientCredentials(ctx, form);
  if (!client || client.clientId !== runtime.clientId) return oauthError(400, "invalid_client", "unknown client");
  if (client.clientSecret !== undefined && !secretMatches(client.clientSecret, runtime.clientSecret)) {
    return oauthError(400, "invalid_client", "client authentication failed");
  }
  const grant = GRANTS[form.get("grant_type") ?? ""];
  if (!grant) return oauthError(400, "unsupported_grant_type", "grant_type must be authorization_code, refresh_token or client_credentials");

  const now = ctx.now.getTime();
  pruneIdentityState(runtime.state.identity, now);
  const outcome = grant(
    { runtime, issuer: ctx.baseUrl, now },
    { form, clientId: client.clientId, confidential: client.clientSecret !== undefined },
  );
  runtime.changed();
  if (!outcome.ok) return oauthError(400, outcome.error, outcome.description);
  return jsonReply(200, outcome.body, { "Cache-Control": "no-store", Pragma: "no-cache" });
}

export function tokenRoutes(runtime: SandboxRuntime): Route[] {
  return [route("POST", TOKEN_PATH, (ctx) => token(runtime, ctx), "identity")];
}
