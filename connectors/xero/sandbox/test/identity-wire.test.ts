/**
 * The identity server's protocol details beyond what xero-node exercises: discovery and JWKS
 * shapes, authorize validation, single-use codes, PKCE public clients, client_secret_post, and
 * the OAuth error bodies.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { XeroSandbox } from "../server.js";
import { basicAuth, startSandbox } from "./harness.js";

const REDIRECT = "http://127.0.0.1:6000/cb";
let sandbox: XeroSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

async function authorize(params: Record<string, string>): Promise<{ status: number; location: URL | undefined }> {
  const url = new URL(`${sandbox.url}/identity/connect/authorize`);
  url.search = new URLSearchParams({ response_type: "code", client_id: sandbox.clientId, redirect_uri: REDIRECT, scope: "offline_access accounting.transactions", state: "st", ...params }).toString();
  const res = await fetch(url, { redirect: "manual" });
  const location = res.headers.get("location");
  return { status: res.status, location: location ? new URL(location) : undefined };
}

async function token(form: Record<string, string>, auth = true): Promise<{ status: number; json: any }> {
  const res = await fetch(`${sandbox.url}/connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(auth ? { Authorization: basicAuth(sandbox) } : {}) },
    body: new URLSearchParams(form),
  });
  return { status: res.status, json: await res.json() };
}

describe("discovery", () => {
  test("issuer is the sandbox URL; JWKS publishes one RS256 key", async () => {
    const config = (await (await fetch(`${sandbox.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      issuer: sandbox.url,
      token_endpoint: `${sandbox.url}/connect/token`,
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    });
    const jwks = (await (await fetch(String(config.jwks_uri))).json()) as { keys: Array<Record<string, string>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", e: "AQAB" });
  });
});

describe("authorize", () => {
  test("rejects unknown clients and non-loopback redirect URIs without redirecting", async () => {
    expect((await authorize({ client_id: "someone-else" })).status).toBe(400);
    expect((await authorize({ redirect_uri: "https://evil.example/cb" })).status).toBe(400);
  });

  test("redirects errors for bad response_type and unknown scopes", async () => {
    const badType = await authorize({ response_type: "token" });
    expect(badType.location?.searchParams.get("error")).toBe("unsupported_response_type");
    const badScope = await authorize({ scope: "accounting.everything" });
    expect(badScope.location?.searchParams.get("error")).toBe("invalid_scope");
    expect(badScope.location?.searchParams.get("state")).toBe("st");
  });
});

describe("token endpoint", () => {
  test("codes are single-use and bound to their redirect_uri", async () => {
    const code = (await authorize({})).location!.searchParams.get("code")!;
    expect((await token({ grant_type: "authorization_code", code, redirect_uri: "http://127.0.0.1:6000/other" })).json).toMatchObject({ error: "invalid_grant" });
    const fresh = (await authorize({})).location!.searchParams.get("code")!;
    const ok = await token({ grant_type: "authorization_code", code: fresh, redirect_uri: REDIRECT });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ token_type: "Bearer", expires_in: 1800, scope: "offline_access accounting.transactions" });
    expect(ok.json.id_token).toBeUndefined();
    const reused = await token({ grant_type: "authorization_code", code: fresh, redirect_uri: REDIRECT });
    expect([reused.status, reused.json.error]).toEqual([400, "invalid_grant"]);
  });

  test("PKCE public client: client_id + code_verifier, no secret", async () => {
    const verifier = "a-very-long-code-verifier-with-enough-entropy-1234567890";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const code = (await authorize({ code_challenge: challenge, code_challenge_method: "S256" })).location!.searchParams.get("code")!;
    const wrong = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: sandbox.clientId, code_verifier: "nope" }, false);
    expect(wrong.json.error).toBe("invalid_grant");
    const code2 = (await authorize({ code_challenge: challenge, code_challenge_method: "S256" })).location!.searchParams.get("code")!;
    const right = await token({ grant_type: "authorization_code", code: code2, redirect_uri: REDIRECT, client_id: sandbox.clientId, code_verifier: verifier }, false);
    expect(right.status).toBe(200);
    const refreshed = await token({ grant_type: "refresh_token", refresh_token: right.json.refresh_token, client_id: sandbox.clientId }, false);
    expect(refreshed.status).toBe(200);
  });

  test("client_secret_post works; a wrong secret is invalid_client; unknown grants are unsupported", async () => {
    const post = await token({ grant_type: "client_credentials", client_id: sandbox.clientId, client_secret: sandbox.clientSecret }, false);
    expect(post.status).toBe(200);
    expect(post.json.refresh_token).toBeUndefined();
    const wrong = await token({ grant_type: "client_credentials", client_id: sandbox.clientId, client_secret: "guess" }, false);
    expect([wrong.status, wrong.json.error]).toEqual([400, "invalid_client"]);
    expect((await token({ grant_type: "password" })).json.error).toBe("unsupported_grant_type");
    expect((await token({ grant_type: "client_credentials", scopes: "accounting.everything" })).json.error).toBe("invalid_scope");
  });
});
