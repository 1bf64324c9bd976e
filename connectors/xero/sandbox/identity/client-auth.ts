/**
 * Token-endpoint client authentication: HTTP Basic (`client_secret_basic`) or form fields
 * (`client_secret_post`); a public PKCE client sends only `client_id`.
 * https://developer.xero.com/documentation/guides/oauth2/auth-flow
 */
import { timingSafeEqual } from "node:crypto";
import { header, type RequestContext } from "../http/context.js";

export interface ClientCredentials {
  clientId: string;
  clientSecret?: string;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return part;
  }
}

export function readClientCredentials(ctx: RequestContext, form: URLSearchParams): ClientCredentials | undefined {
  const authorization = header(ctx, "authorization");
  if (authorization?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(authorization.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return undefined;
    return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) };
  }
  const clientId = form.get("client_id");
  if (!clientId) return undefined;
  return { clientId, clientSecret: form.get("client_secret") ?? undefined };
}

export function secretMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
