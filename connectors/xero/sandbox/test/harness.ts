/** Test helpers: start a sandbox on 127.0.0.1:0 and talk to it with plain fetch. */
import { createXeroSandbox, type XeroSandbox, type XeroSandboxOptions } from "../server.js";

export const TODAY = "2026-03-15";

/** A clock tests can move: starts at real time (id_tokens are checked against the real clock). */
export function movableClock(): { now: () => Date; advance(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) };
}

export async function startSandbox(options: XeroSandboxOptions = {}): Promise<XeroSandbox> {
  return createXeroSandbox({ today: TODAY, ...options });
}

export function basicAuth(sandbox: Pick<XeroSandbox, "clientId" | "clientSecret">): string {
  return `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString("base64")}`;
}

/** A client_credentials access token (bound to the sandbox's one organisation). */
export async function clientCredentialsToken(sandbox: XeroSandbox, scopes?: string): Promise<string> {
  const body = new URLSearchParams({ grant_type: "client_credentials", ...(scopes ? { scopes } : {}) });
  const res = await fetch(`${sandbox.url}/connect/token`, {
    method: "POST",
    headers: { Authorization: basicAuth(sandbox), "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface ApiResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** Calls the accounting API (path relative to /api.xro/2.0) with a bearer token and tenant header. */
export async function api(
  sandbox: XeroSandbox,
  token: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; tenant?: string | null } = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "application/json", ...init.headers };
  if (init.tenant !== null) headers["xero-tenant-id"] = init.tenant ?? sandbox.tenantId;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers["Content-Type"] = "application/json";
  }
  const res = await fetch(`${sandbox.url}/api.xro/2.0${path}`, { method: init.method ?? "GET", headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Runs the authorization-code flow with plain fetch; returns the token response. */
export async function authorizationCodeTokens(sandbox: XeroSandbox, scope = "openid offline_access accounting.transactions accounting.contacts accounting.settings"): Promise<{ access_token: string; refresh_token: string }> {
  const redirectUri = "http://localhost:7777/cb";
  const authorize = new URL(`${sandbox.url}/identity/connect/authorize`);
  authorize.search = new URLSearchParams({ response_type: "code", client_id: sandbox.clientId, redirect_uri: redirectUri, scope, state: "s" }).toString();
  const consent = await fetch(authorize, { redirect: "manual" });
  const code = new URL(consent.headers.get("location")!).searchParams.get("code")!;
  const res = await fetch(`${sandbox.url}/connect/token`, {
    method: "POST",
    headers: { Authorization: basicAuth(sandbox), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri }),
  });
  if (res.status !== 200) throw new Error(`code exchange failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { access_token: string; refresh_token: string };
}
