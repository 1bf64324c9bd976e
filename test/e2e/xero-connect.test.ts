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

    const mine = await t.post(`{ organizations { id provider name } }`, {}, key);
    expect(mine.body.data!.organizations).toEqual([{ id: organizationId, provider: "XERO", name: "Ledgerline Demo Company" }]);
    const invoices = await t.post(`query($o: ID!) { organization(id: $o) { invoices(first: 2) { edges { node { number } } } } }`, { o: organizationId }, key);
    expect(invoices.body.data!.organization.invoices.edges).toHaveLength(2);

    const replay = await fetch(callback);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toMatch(/unknown, used or expired/);
  });

  it("refuses a callback the provider marked as denied", async () => {
    const response = await fetch(new URL("/connect/xero/callback?error=access_denied&state=x", t.app.url));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/access_denied/);
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
