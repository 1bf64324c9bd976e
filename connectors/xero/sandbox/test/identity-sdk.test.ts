/**
 * The unmodified xero-node SDK authenticates against the sandbox's identity server: the real
 * authorization-code flow through openid-client v5, rotating refresh tokens with a 30-minute grace
 * period, revocation, /connections through XeroClient.updateTenants, and client_credentials with
 * an empty tenant id.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { XeroClient } from "xero-node";
import type { XeroSandbox } from "../server.js";
import { movableClock, startSandbox } from "./harness.js";
import { openIdClient, redirectXeroUrls, sdkError } from "./xero-node.js";

const REDIRECT_URI = "http://127.0.0.1:5555/callback";
const SCOPES = ["openid", "profile", "email", "accounting.transactions", "accounting.settings", "accounting.contacts", "offline_access"];
const MINUTE = 60_000;

async function connect(sandbox: XeroSandbox): Promise<XeroClient> {
  const xero = new XeroClient({
    clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, redirectUris: [REDIRECT_URI], scopes: SCOPES, state: "state-123",
  });
  const issuer = await openIdClient.Issuer.discover(sandbox.url);
  xero.openIdClient = new issuer.Client({
    client_id: sandbox.clientId, client_secret: sandbox.clientSecret, redirect_uris: [REDIRECT_URI],
  });
  xero.accountingApi.basePath = `${sandbox.url}/api.xro/2.0`;
  const consent = await xero.buildConsentUrl();
  expect(consent.startsWith(`${sandbox.url}/identity/connect/authorize?`)).toBe(true);
  const redirect = await fetch(consent, { redirect: "manual" });
  expect(redirect.status).toBe(302);
  const location = redirect.headers.get("location")!;
  expect(location.startsWith(`${REDIRECT_URI}?code=`)).toBe(true);
  await xero.apiCallback(location);
  return xero;
}

describe("xero-node against the sandbox identity server", () => {
  const clock = movableClock();
  let sandbox: XeroSandbox;
  let undoRedirect: () => void;

  beforeAll(async () => {
    sandbox = await startSandbox({ now: clock.now });
    undoRedirect = redirectXeroUrls(sandbox.url);
  });
  afterAll(async () => {
    undoRedirect();
    await sandbox.close();
  });

  test("authorization code flow yields a validated id_token, tenants and API access", async () => {
    const xero = await connect(sandbox);
    const tokenSet = xero.readTokenSet();
    expect(tokenSet.token_type).toBe("Bearer");
    expect(tokenSet.expires_in).toBeGreaterThan(1700);
    expect(tokenSet.refresh_token).toBeTruthy();
    expect(tokenSet.claims().aud).toBe(sandbox.clientId);
    expect(tokenSet.claims().iss).toBe(sandbox.url);

    const tenants = await xero.updateTenants(true);
    expect(tenants).toHaveLength(1);
    expect(tenants[0].tenantId).toBe(sandbox.tenantId);
    expect(tenants[0].tenantType).toBe("ORGANISATION");
    expect(tenants[0].orgData.organisationID).toBe(sandbox.tenantId);
  });

  test("refresh rotates; the old token works within the 30-minute grace, then invalid_grant", async () => {
    const xero = await connect(sandbox);
    const first = xero.readTokenSet().refresh_token!;
    await xero.refreshToken();
    const second = xero.readTokenSet().refresh_token!;
    expect(second).not.toBe(first);
    const contacts = await xero.accountingApi.getContacts(sandbox.tenantId);
    expect(contacts.body.contacts!.length).toBeGreaterThan(0);

    clock.advance(10 * MINUTE);
    const retried = await xero.openIdClient.refresh(first);
    expect(retried.refresh_token).toBeTruthy();

    clock.advance(21 * MINUTE);
    const late = await xero.openIdClient.refresh(first).catch((e: unknown) => e);
    expect((late as { error?: string }).error).toBe("invalid_grant");
    expect((late as { response?: { statusCode: number } }).response?.statusCode).toBe(400);

    // The newest token in the family is unaffected, and the SDK's own axios path refreshes too.
    const refreshed = await xero.refreshWithRefreshToken(sandbox.clientId, sandbox.clientSecret, retried.refresh_token!);
    expect(refreshed.access_token).toBeTruthy();
  });

  test("an access token expires after 30 minutes with TokenExpired", async () => {
    const xero = await connect(sandbox);
    clock.advance(31 * MINUTE);
    const error = sdkError(await xero.accountingApi.getOrganisations(sandbox.tenantId).catch((e: unknown) => e));
    expect(error.response.statusCode).toBe(401);
    expect(error.body.Detail).toMatch(/^TokenExpired: token expired at \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
  });

  test("revocation ends the refresh token family and the connections", async () => {
    const xero = await connect(sandbox);
    const refreshToken = xero.readTokenSet().refresh_token!;
    const accessToken = xero.readTokenSet().access_token!;
    await xero.revokeToken();
    const refused = await xero.openIdClient.refresh(refreshToken).catch((e: unknown) => e);
    expect((refused as { error?: string }).error).toBe("invalid_grant");
    const connections = await fetch(`${sandbox.url}/connections`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(connections.status).toBe(401);
  });

  test("DELETE /connections/{id} disconnects the tenant (403 afterwards)", async () => {
    const xero = await connect(sandbox);
    const [tenant] = await xero.updateTenants(false);
    await xero.disconnect(tenant.id);
    const error = sdkError(await xero.accountingApi.getOrganisations(sandbox.tenantId).catch((e: unknown) => e));
    expect(error.response.statusCode).toBe(403);
    expect(error.body).toMatchObject({ Title: "Forbidden", Status: 403, Detail: "AuthenticationUnsuccessful" });
  });

  test("client_credentials: no refresh token, empty tenant id resolves to the organisation", async () => {
    const xero = new XeroClient({
      clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, grantType: "client_credentials",
      scopes: ["accounting.transactions", "accounting.settings"],
    });
    const tokenSet = await xero.getClientCredentialsToken();
    expect(tokenSet.access_token).toBeTruthy();
    expect(tokenSet.refresh_token).toBeUndefined();
    expect(tokenSet.scope).toBe("accounting.transactions accounting.settings");
    xero.accountingApi.basePath = `${sandbox.url}/api.xro/2.0`;
    const orgs = await xero.accountingApi.getOrganisations("");
    expect(orgs.body.organisations![0]!.organisationID).toBe(sandbox.tenantId);
    // Scopes are enforced: contacts were not granted.
    const error = sdkError(await xero.accountingApi.getContacts("").catch((e: unknown) => e));
    expect(error.response.statusCode).toBe(401);
    expect(error.body.Detail).toBe("AuthorizationUnsuccessful");
  });
});
