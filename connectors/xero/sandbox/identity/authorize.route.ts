/**
 * The consent screen, auto-approved: validates the request, connects the sandbox organisation for
 * the sandbox user, then redirects back with a single-use code.
 * https://developer.xero.com/documentation/guides/oauth2/auth-flow#2-redirect-to-authorization-endpoint
 */
import { randomUUID } from "node:crypto";
import { queryParam, type RequestContext } from "../http/context.js";
import { redirectReply, textReply, type Reply } from "../http/reply.js";
import { route, type Route } from "../http/router.js";
import { tenantOf, type SandboxRuntime } from "../runtime.js";
import { upsertConnection } from "./connections.js";
import { AUTHORIZE_PATH } from "./discovery.route.js";
import { parseScopes, unknownScopes } from "./scopes.js";
import { CODE_TTL_MS, issueCode } from "./token-store.js";

const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"]);

/** Only loopback redirect URIs are accepted: the sandbox never sends codes off the machine. */
export function isLoopbackRedirect(uri: string): boolean {
  try {
    const url = new URL(uri);
    const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
    return (url.protocol === "http:" || url.protocol === "https:") && loopback && url.hash === "";
  } catch {
    return false;
  }
}

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): Reply {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return redirectReply(url.toString());
}

function authorize(runtime: SandboxRuntime, ctx: RequestContext): Reply {
  const param = (name: string) => queryParam(ctx, name);
  const redirectUri = param("redirect_uri") ?? "";
  if (param("client_id") !== runtime.clientId) return textReply(400, "invalid_client: unknown client_id", "text/plain; charset=utf-8");
  if (!isLoopbackRedirect(redirectUri)) {
    return textReply(400, "invalid_request: redirect_uri must be a loopback http(s) URL", "text/plain; charset=utf-8");
  }
  const state = param("state");
  const fail = (error: string, description: string) => redirectWith(redirectUri, { error, error_description: description, state });
  if (param("response_type") !== "code") return fail("unsupported_response_type", "response_type must be code");
  const scopes = parseScopes(param("scope"));
  if (scopes.length === 0) return fail("invalid_scope", "scope is required");
  const unknown = unknownScopes(scopes);
  if (unknown.length > 0) return fail("invalid_scope", `unknown scope: ${unknown.join(" ")}`);
  const codeChallenge = param("code_challenge");
  const codeChallengeMethod = codeChallenge ? (param("code_challenge_method") ?? "plain") : undefined;
  if (codeChallengeMethod && !["plain", "S256"].includes(codeChallengeMethod)) {
    return fail("invalid_request", "code_challenge_method must be S256 or plain");
  }

  const now = ctx.now.getTime();
  const identity = runtime.state.identity;
  const authEventId = randomUUID();
  upsertConnection(identity, { clientId: runtime.clientId, userId: identity.userId, authEventId }, tenantOf(runtime), now);
  const code = issueCode(identity, {
    clientId: runtime.clientId, redirectUri, scopes, userId: identity.userId, authEventId,
    nonce: param("nonce"), codeChallenge, codeChallengeMethod, expiresAt: now + CODE_TTL_MS,
  });
  runtime.changed();
  return redirectWith(redirectUri, { code, scope: scopes.join(" "), state, session_state: randomUUID() });
}

export function authorizeRoutes(runtime: SandboxRuntime): Route[] {
  return [route("GET", AUTHORIZE_PATH, (ctx) => authorize(runtime, ctx), "identity")];
}
