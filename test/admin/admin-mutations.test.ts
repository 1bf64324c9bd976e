import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Scope } from "../../src/auth/scopes.js";
import { sandboxOf, startTestLedgerline, type TestLedgerline } from "../e2e/start-test-ledgerline.js";

const CREATE_KEY = `mutation($name: String!, $scopes: [ApiKeyScope!]!, $orgs: [ID!]!) {
  createApiKey(name: $name, scopes: $scopes, organizationIds: $orgs) { key apiKey { id name scopes organizationIds revokedAt } }
}`;
const CONNECT_DAFTRA = `mutation($site: String!, $key: String!) { connectDaftra(siteUrl: $site, apiKey: $key) { id name provider siteUrl sandbox } }`;
const CONNECT_CLIENTARY = `mutation($site: String!, $token: String!, $name: String) { connectClientary(siteUrl: $site, token: $token, name: $name) { id name provider siteUrl sandbox } }`;
const CONNECTED = `{ connectedOrganizations { id provider sandbox } }`;

describe("administration over GraphQL (ADMIN scope), end to end on the embedded default", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline({ sandboxLimits: "relaxed" });
  });
  afterAll(() => t?.close());

  const calls = (provider: "DAFTRA" | "CLIENTARY") => sandboxOf(t, provider).requestCount();
  const origin = (provider: "DAFTRA" | "CLIENTARY") => new URL(sandboxOf(t, provider).url).origin;
  const connected = async () => (await t.post(CONNECTED)).body.data!.connectedOrganizations as Array<{ id: string; provider: string; sandbox: boolean }>;

  it("the local key holds every scope, so `npm start` users can administer", async () => {
    expect((await t.app.services.apiKeys.verify(t.app.localApiKey!))!.scopes).toEqual([Scope.READ, Scope.WRITE, Scope.SUBSCRIBE, Scope.ADMIN]);
    expect((await connected()).map((o) => [o.provider, o.sandbox])).toEqual([["XERO", true], ["DAFTRA", true], ["CLIENTARY", true]]);
  });

  it("createApiKey returns the key once; it works within its scopes and grants; grantApiKey and revokeApiKey take effect at once", async () => {
    const daftra = sandboxOf(t, "DAFTRA").organization.id;
    const created = await t.post(CREATE_KEY, { name: "reporting", scopes: ["READ"], orgs: [daftra] });
    expect(created.body.errors).toBeUndefined();
    const { key, apiKey } = created.body.data!.createApiKey;
    expect(key).toMatch(/^ll_/);
    expect(apiKey).toMatchObject({ name: "reporting", scopes: ["READ"], organizationIds: [daftra], revokedAt: null });

    expect((await t.post("{ organizations { id } }", {}, key)).body.data!.organizations).toEqual([{ id: daftra }]);
    const listed = (await t.post("{ apiKeys { id name scopes organizationIds } }")).body.data!.apiKeys as Array<{ id: string; name: string; organizationIds: string[] }>;
    expect(listed.map((k) => k.name)).toEqual(["local development", "reporting"]);
    expect(listed[0]!.organizationIds).toEqual(["*"]);
    expect(JSON.stringify(listed)).not.toContain(key);

    const clientary = sandboxOf(t, "CLIENTARY").organization.id;
    const granted = await t.post(`mutation($id: ID!, $orgs: [ID!]!) { grantApiKey(id: $id, organizationIds: $orgs) { organizationIds } }`, { id: apiKey.id, orgs: [clientary] });
    expect(granted.body.data!.grantApiKey.organizationIds).toEqual([clientary]);
    expect((await t.post("{ organizations { id } }", {}, key)).body.data!.organizations).toEqual([{ id: clientary }]);

    const unknown = await t.post(`mutation($id: ID!) { grantApiKey(id: $id, organizationIds: ["org_nope"]) { id } }`, { id: apiKey.id });
    expect(unknown.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "organizationIds" }] });
    const noScope = await t.post(CREATE_KEY, { name: "none", scopes: [], orgs: [] });
    expect(noScope.body.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", fields: [{ field: "scopes", message: expect.stringContaining("at least one scope") }] } });

    const revoked = await t.post(`mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`, { id: apiKey.id });
    expect(revoked.body.data!.revokeApiKey.revokedAt).toMatch(/^\d{4}-/);
    expect((await t.post("{ organizations { id } }", {}, key)).status).toBe(401);
    const missing = await t.post(`mutation { revokeApiKey(id: "key_nope") { id } }`);
    expect(missing.body.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("connectDaftra: a refused key is BAD_USER_INPUT naming apiKey after exactly one call, with nothing saved; a good key connects a usable organization after one call", async () => {
    const before = await connected();
    let at = calls("DAFTRA");
    const refused = await t.post(CONNECT_DAFTRA, { site: origin("DAFTRA"), key: "not-the-key" });
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "apiKey", message: expect.stringMatching(/^the API key was refused by Daftra at http:\/\/127\.0\.0\.1:\d+\/ \(HTTP 401\)/) }],
    });
    expect(calls("DAFTRA") - at).toBe(1);
    expect(await connected()).toEqual(before);

    at = calls("DAFTRA");
    const badSite = await t.post(CONNECT_DAFTRA, { site: "not a url", key: "k" });
    expect(badSite.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "siteUrl" }] });
    // Plain http only to this machine: elsewhere the key would travel unencrypted.
    const plain = await t.post(CONNECT_DAFTRA, { site: "http://acme.daftra.com", key: "k" });
    expect(plain.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "siteUrl", message: expect.stringMatching(/unencrypted; use https/) }] });
    expect(calls("DAFTRA") - at).toBe(0);

    at = calls("DAFTRA");
    const ok = await t.post(CONNECT_DAFTRA, { site: origin("DAFTRA"), key: "daftra-sandbox-key" });
    expect(ok.body.errors).toBeUndefined();
    expect(calls("DAFTRA") - at).toBe(1);
    const organization = ok.body.data!.connectDaftra;
    expect(organization).toMatchObject({ provider: "DAFTRA", name: "Nakheel Office Solutions", siteUrl: sandboxOf(t, "DAFTRA").url, sandbox: false });
    expect((await connected()).map((o) => o.id)).toEqual([...before.map((o) => o.id), organization.id]);

    // Its credentials were saved: the books read through the new organization.
    const books = await t.post(`query($o: ID!) { organization(id: $o) { baseCurrency invoices(first: 1, source: LIVE) { edges { node { number } } } } }`, { o: organization.id });
    expect(books.body.errors).toBeUndefined();
    expect(books.body.data!.organization.baseCurrency).toBe("SAR");

    const gone = await t.post(`mutation($id: ID!) { disconnectOrganization(id: $id) { id provider } }`, { id: organization.id });
    expect(gone.body.data!.disconnectOrganization).toEqual({ id: organization.id, provider: "DAFTRA" });
    expect(await connected()).toEqual(before);
    expect((await t.post(`query($o: ID!) { organization(id: $o) { id } }`, { o: organization.id })).body.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect(await t.app.services.connectorStore.namespace(`org:${organization.id}`).namespace("daftra-credentials").get(organization.id)).toBeUndefined();
  });

  it("connectClientary: a refused token is BAD_USER_INPUT naming token after one call; a good one connects and is granted to the calling ADMIN key", async () => {
    const { key } = (await t.post(CREATE_KEY, { name: "operator", scopes: ["ADMIN", "READ"], orgs: [] })).body.data!.createApiKey;
    const before = await connected();
    let at = calls("CLIENTARY");
    const refused = await t.post(CONNECT_CLIENTARY, { site: origin("CLIENTARY"), token: "not-the-token" }, key);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "token", message: expect.stringContaining("was refused by Clientary") }] });
    expect(calls("CLIENTARY") - at).toBe(1);
    expect(await connected()).toEqual(before);

    at = calls("CLIENTARY");
    const ok = await t.post(CONNECT_CLIENTARY, { site: origin("CLIENTARY"), token: "clientary-sandbox-token", name: "Studio" }, key);
    expect(ok.body.errors).toBeUndefined();
    expect(calls("CLIENTARY") - at).toBe(1);
    expect(ok.body.data!.connectClientary).toMatchObject({ provider: "CLIENTARY", name: "Studio", sandbox: false });
    expect((await t.post("{ organizations { id name } }", {}, key)).body.data!.organizations).toEqual([{ id: ok.body.data!.connectClientary.id, name: "Studio" }]);
  });

  it("the embedded sandboxes' organizations are not disconnected while they run", async () => {
    const refused = await t.post(`mutation($id: ID!) { disconnectOrganization(id: $id) { id } }`, { id: sandboxOf(t, "XERO").organization.id });
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "id", message: expect.stringContaining("LEDGERLINE_SANDBOX=false") }] });
    expect(await connected()).toHaveLength((await t.app.services.organizations.list()).length);
  });
});
