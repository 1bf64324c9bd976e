import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors/index.js";
import { createXeroSandbox, type XeroSandbox } from "../sandbox/server.js";
import { buildConsentUrl, connectOrganization, exchangeAuthorizationCode, listTenants } from "./connect-organization.js";
import { DEFAULT_XERO_SCOPES } from "./scopes.js";

let sandbox: XeroSandbox;
beforeAll(async () => (sandbox = await createXeroSandbox()));
afterAll(() => sandbox.close());

const appFor = (s: XeroSandbox) => ({
  clientId: s.clientId, clientSecret: s.clientSecret, redirectUri: "http://127.0.0.1:8765/cb", identityUrl: s.url, apiUrl: s.url,
});

describe("connectOrganization (authorization-code flow against the sandbox)", () => {
  it("follows consent, exchanges the code and lists the tenant", async () => {
    const { tenants, tokenSet } = await connectOrganization(appFor(sandbox));
    expect(tenants).toEqual([expect.objectContaining({ tenantId: sandbox.tenantId, tenantType: "ORGANISATION" })]);
    expect(tokenSet.refreshToken).toBeTruthy();
    expect(tokenSet.expiresAt).toBeGreaterThan(Date.now() + 20 * 60_000);
    expect(tokenSet.scope.split(" ")).toEqual(expect.arrayContaining(["offline_access", "accounting.invoices"]));
  });

  it("builds a consent URL with state and the default scopes, and exchanges a browser callback's code", async () => {
    const app = appFor(sandbox);
    const url = new URL(await buildConsentUrl(app, "state-123"));
    expect(url.pathname).toBe("/identity/connect/authorize");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code", client_id: sandbox.clientId, redirect_uri: app.redirectUri, state: "state-123", scope: DEFAULT_XERO_SCOPES.join(" "),
    });
    const redirect = await fetch(url, { redirect: "manual" });
    const code = new URL(redirect.headers.get("location")!).searchParams.get("code")!;
    const tokenSet = await exchangeAuthorizationCode(app, code);
    expect(await listTenants(sandbox.url, tokenSet.accessToken)).toHaveLength(1);
    await expect(exchangeAuthorizationCode(app, code)).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, extensions: { reason: "invalid_grant" } });
  });

  it("reports a refused consent (unknown scope) as bad input", async () => {
    await expect(connectOrganization({ ...appFor(sandbox), scopes: ["offline_access", "accounting.nonsense"] }))
      .rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, message: expect.stringContaining("invalid_scope") });
  });

  it("reports a wrong client secret at the token endpoint", async () => {
    await expect(connectOrganization({ ...appFor(sandbox), clientSecret: "wrong" }))
      .rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, extensions: { reason: "invalid_client" } });
  });
});
