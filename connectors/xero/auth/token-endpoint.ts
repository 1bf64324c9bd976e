import { z } from "zod";
import type { XeroTokenSet } from "../config.js";

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The token endpoint said no (`error` is the OAuth code, e.g. invalid_grant), or could not be reached (status 0). */
export class TokenEndpointError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description?: string,
  ) {
    super(`Xero token endpoint: ${error}${description ? ` (${description})` : ""}`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "TokenEndpointError";
  }
}

const successSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive(),
  token_type: z.string().default("Bearer"),
  scope: z.string().optional(),
  id_token: z.string().optional(),
});
const failureSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded. */
function basicAuth({ clientId, clientSecret }: ClientCredentials): string {
  const encode = (part: string) => encodeURIComponent(part).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString("base64")}`;
}

/**
 * POSTs one grant to the token endpoint and returns the new token set. A refresh answer without a
 * refresh token keeps `previousRefreshToken`.
 */
export async function requestTokenSet(
  tokenUrl: string,
  client: ClientCredentials,
  form: Record<string, string>,
  nowMs: number,
  previousRefreshToken?: string,
): Promise<XeroTokenSet> {
  let response: Response;
  try {
    // https://developer.xero.com/documentation/guides/oauth2/auth-flow#3-exchange-the-code (and #refreshing-access-tokens)
    response = await fetch(tokenUrl, {
      method: "POST",
      headers: { Authorization: basicAuth(client), "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (cause) {
    throw new TokenEndpointError(0, "unreachable", cause instanceof Error ? cause.message : String(cause));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status !== 200) {
    const failure = failureSchema.safeParse(body);
    if (failure.success) throw new TokenEndpointError(response.status, failure.data.error, failure.data.error_description);
    throw new TokenEndpointError(response.status, `http_${response.status}`);
  }
  const ok = successSchema.safeParse(body);
  if (!ok.success) throw new TokenEndpointError(response.status, "invalid_response", ok.error.message);
  const refreshToken = ok.data.refresh_token ?? previousRefreshToken;
  if (!refreshToken) throw new TokenEndpointError(200, "no_refresh_token", "include the offline_access scope when connecting");
  return {
    accessToken: ok.data.access_token,
    refreshToken,
    expiresAt: nowMs + ok.data.expires_in * 1000,
    tokenType: ok.data.token_type,
    scope: ok.data.scope ?? "",
    ...(ok.data.id_token ? { idToken: ok.data.id_token } : {}),
  };
}
