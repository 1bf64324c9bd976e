import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const CONNECT = `mutation { connectOrganization(provider: XERO) { provider consentUrl expiresAt } }`;

describe("connecting a real Xero organization (the sandbox standing in for Xero)", () => {
  let t: TestLedgerline;
  /** The key that connected the sandbox's one tenant, and its organization. */
  let owner: { key: string; organizationId: string } | undefined;
  beforeAll(async () => {
    const [port, sandboxPort] = [await freePort(), await freePort()];
    const xero = `http://127.0.0.1:${sandboxPort}`;
    t = await startTestLedgerline({
      env: {
        PORT: String(port),
        XERO_SANDBOX_PORT: String(sandboxPort),
        XERO_CLIENT_ID: "ledgerline-sandbox",
        XERO_CLIENT_SECRET: "ledgerline-sandbox-secret",
        XERO_REDIRECT_URI: `http://127.0.0.1:${port}/connect/xero/callback`,
        XERO_IDENTITY_URL: xero,
        XERO_API_URL: xero,
      },
    });
  });
  afterAll(() => t?.close());

  it("consent → callback → a new organization granted to the key that asked, usable at once; the link works once", async () => {
    const { key } = await t.app.services.apiKeys.create({ name: "partner", organizationIds: [] });
    const started = await t.post(CONNECT, {}, key);
    expect(started.body.errors).toBeUndefined();
    const { consentUrl } = started.body.data!.connectOrganization;
    expect(new URL(consentUrl).searchParams.get("client_id")).toBe("ledgerline-sandbox");

    const consent = await fetch(consentUrl, { redirect: "manual" });
    const callback = consent.headers.get("location")!;
    expect(callback).toMatch(/\/connect\/xero\/callback\?code=/);
    const landed = await fetch(callback);
    expect(landed.status).toBe(200);
    const page = await landed.text();
    const organizationId = /organization <code>([^<]+)<\/code>/.exec(page)?.[1];
    expect(organizationId).toBeTruthy();
    owner = { key, organizationId: organizationId! };

    const mine = await t.post(`{ organizations { id provider name } }`, {}, key);
    expect(mine.body.data!.organizations).toEqual([{ id: organizationId, provider: "XERO", name: "Ledgerline Demo Company" }]);
    const invoices = await t.post(`query($o: ID!) { organization(id: $o) { invoices(first: 2) { edges { node { number } } } } }`, { o: organizationId }, key);
    expect(invoices.body.data!.organization.invoices.edges).toHaveLength(2);

    const replay = await fetch(callback);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toMatch(/already used .*each link works once/);
  });

  /** Starts with `key`, consents at the sandbox and returns the callback URL Xero sends the browser to. */
  async function consent(key: string): Promise<string> {
    const started = await t.post(CONNECT, {}, key);
    expect(started.body.errors).toBeUndefined();
    const redirect = await fetch(started.body.data!.connectOrganization.consentUrl, { redirect: "manual" });
    return redirect.headers.get("location")!;
  }
  const connectedId = (page: string) => /organization <code>([^<]+)<\/code>/.exec(page)?.[1];
  const sealedTokens = (organizationId: string) =>
    t.app.services.connectorStore.namespace(`org:${organizationId}`).namespace("xero-credentials").get<unknown>(organizationId);

  /** A key that holds the sandbox tenant's organization (the sandbox has one tenant), connecting it first when no test has. */
  async function theOwner() {
    if (!owner) {
      const { key } = await t.app.services.apiKeys.create({ name: "owner", organizationIds: [] });
      const landed = await fetch(await consent(key));
      expect(landed.status).toBe(200);
      owner = { key, organizationId: connectedId(await landed.text())! };
    }
    return owner;
  }

  it("a second key that consents to a tenant already connected is refused (403, FORBIDDEN wording); the owner's grant and token set are untouched", async () => {
    const { organizationId, ...holder } = await theOwner();
    const other = await t.app.services.apiKeys.create({ name: "other", organizationIds: [] });
    const tokensBefore = await sealedTokens(organizationId);
    expect(tokensBefore).toBeDefined();

    const second = await fetch(await consent(other.key));
    expect(second.status).toBe(403);
    const page = await second.text();
    expect(page).toMatch(/already connected to another API key&#39;s organization/);
    expect(page).toMatch(/Ask the owner of that key/);
    expect((await t.post(`{ organizations { id } }`, {}, other.key)).body.data!.organizations).toEqual([]);
    expect(await sealedTokens(organizationId)).toEqual(tokensBefore);
    const invoices = await t.post(`query($o: ID!) { organization(id: $o) { invoices(first: 1) { edges { node { id } } } } }`, { o: organizationId }, holder.key);
    expect(invoices.body.data!.organization.invoices.edges).toHaveLength(1);

    const reconnect = await fetch(await consent(holder.key));
    expect(reconnect.status).toBe(200);
    expect(connectedId(await reconnect.text())).toBe(organizationId);
    expect(await sealedTokens(organizationId)).not.toEqual(tokensBefore);

    const everything = await fetch(await consent(t.app.localApiKey!));
    expect(everything.status).toBe(200);
    expect(connectedId(await everything.text())).toBe(organizationId);
  });

  it("one link, two concurrent callbacks: exactly one connects, the other is told the link works once", async () => {
    const callback = await consent((await theOwner()).key);
    const answers = await Promise.all([fetch(callback), fetch(callback)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    const refusedPage = await answers.find((a) => a.status === 400)!.text();
    expect(refusedPage).toMatch(/each link works once/);
    expect(refusedPage).toMatch(/connectOrganization\(provider: XERO\)/);
    const replay = await fetch(callback);
    expect(await replay.text()).toMatch(/already used/);
  });

  it("a link whose key was revoked before the callback connects nothing", async () => {
    const { id, key } = await t.app.services.apiKeys.create({ name: "short-lived", organizationIds: [] });
    const callback = await consent(key);
    const before = (await t.app.services.organizations.list()).length;
    await t.app.services.apiKeys.revoke(id);
    const answer = await fetch(callback);
    const text = await answer.text();
    expect(answer.status, text).toBe(403);
    expect(text).toMatch(/no longer exists or was revoked/);
    expect((await t.app.services.organizations.list()).length).toBe(before);
  });

  it("refuses a callback the provider marked as denied", async () => {
    const response = await fetch(new URL("/connect/xero/callback?error=access_denied&state=x", t.app.url));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/access_denied/);
    // The error is shown as an OAuth error code, never as text of the sender's choosing.
    const forged = await fetch(new URL(`/connect/xero/callback?error=${encodeURIComponent("access_denied\u001b[31m\nCALL +1 555 0100 <b>now</b>")}&state=x`, t.app.url));
    const page = await forged.text();
    expect(forged.status).toBe(400);
    expect(page).toMatch(/\(access_denied31mCALL 1 555 0100 bnowb\)/);
    expect(page).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe("a consent link after its 10 minutes", () => {
  let t: TestLedgerline;
  let now = Date.now();
  beforeAll(async () => {
    const [port, sandboxPort] = [await freePort(), await freePort()];
    const xero = `http://127.0.0.1:${sandboxPort}`;
    t = await startTestLedgerline({
      clock: { now: () => new Date(now) },
      env: {
        PORT: String(port), XERO_SANDBOX_PORT: String(sandboxPort), XERO_CLIENT_ID: "ledgerline-sandbox", XERO_CLIENT_SECRET: "ledgerline-sandbox-secret",
        XERO_REDIRECT_URI: `http://127.0.0.1:${port}/connect/xero/callback`, XERO_IDENTITY_URL: xero, XERO_API_URL: xero,
      },
    });
  });
  afterAll(() => t?.close());

  it("is refused as expired and connects nothing", async () => {
    const { key } = await t.app.services.apiKeys.create({ name: "slow", organizationIds: [] });
    const started = await t.post(CONNECT, {}, key);
    const { consentUrl, expiresAt } = started.body.data!.connectOrganization;
    const callback = (await fetch(consentUrl, { redirect: "manual" })).headers.get("location")!;
    const before = (await t.app.services.organizations.list()).length;
    now = Date.parse(expiresAt) + 1;
    const answer = await fetch(callback);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(new RegExp(`expired at ${expiresAt}`));
    expect((await t.app.services.organizations.list()).length).toBe(before);
  });
});

describe("connecting without a Xero app configured", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline();
  });
  afterAll(() => t?.close());

  it("answers NOT_SUPPORTED saying which variables to set", async () => {
    const { body } = await t.post(CONNECT);
    expect(body.errors?.[0].extensions?.code).toBe("NOT_SUPPORTED");
    expect(body.errors?.[0].message).toMatch(/XERO_CLIENT_ID, XERO_CLIENT_SECRET and XERO_REDIRECT_URI/);
  });
});
