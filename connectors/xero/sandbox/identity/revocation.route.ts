/**
 * `POST /connect/revocation`: revokes a refresh token's whole family and removes the user's
 * connections for the app. Answers 200 for unknown tokens too (RFC 7009).
 * https://developer.xero.com/documentation/guides/oauth2/auth-flow#revoking-tokens
 */
import { parseFormBody } from "../http/body.js";
import { oauthError } from "../http/errors.js";
import { emptyReply } from "../http/reply.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readClientCredentials, secretMatches } from "./client-auth.js";
import { REVOCATION_PATH } from "./discovery.route.js";
import { revokeToken } from "./token-store.js";

export function revocationRoutes(runtime: SandboxRuntime): Route[] {
  return [
    route("POST", REVOCATION_PATH, (ctx) => {
      const form = parseFormBody(ctx.rawBody);
      const client = readClientCredentials(ctx, form);
      const secretOk = client?.clientSecret === undefined || secretMatches(client.clientSecret, runtime.clientSecret);
      if (!client || client.clientId !== runtime.clientId || !secretOk) return oauthError(400, "invalid_client", "client authentication failed");
      if (revokeToken(runtime.state.identity, form.get("token") ?? "", client.clientId)) runtime.changed();
      return emptyReply(200);
    }, "identity"),
  ];
}
