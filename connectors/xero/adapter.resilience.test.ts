import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvoiceStatus } from "../../schema/invoice/invoice-status.enum.js";
import { ErrorCode, GatewayError } from "../../src/errors/index.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import { createXeroAdapter } from "./adapter.js";
import { XERO_CREDENTIALS_NAMESPACE, xeroCredentialsStore } from "./auth/credentials-store.js";
import type { XeroSettingsInput, XeroTokenSet } from "./config.js";
import { createXeroServices } from "./create-xero-services.js";
import { toXeroContact, toXeroInvoice } from "./mapping/index.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

let org: SandboxOrganization;
beforeAll(async () => (org = await startSandboxOrganization()));
afterAll(() => org.sandbox.close());

/** Another organization on the same sandbox, with its own settings and stored token set. */
async function variant(settings: Partial<XeroSettingsInput>, tokenSet: Partial<XeroTokenSet> = {}) {
  const store = memoryStore();
  const id = `org-variant-${Math.random().toString(36).slice(2, 8)}`;
  await xeroCredentialsStore(store, org.secrets).save(id, { clientSecret: org.sandbox.clientSecret, tokenSet: { ...org.connected.tokenSet, ...tokenSet } });
  const organization = { ...org.organization, id, settings: { ...org.organization.settings, ...settings } };
  const options = { ...org.connectorOptions, organization, store, cache: memoryStore() };
  return { id, store, adapter: createXeroAdapter(options), services: createXeroServices(options) };
}

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a failure"), (e: unknown) => e as GatewayError);

describe("errors from Xero become gateway errors", () => {
  it("unknown id ⇒ NOT_FOUND (and getMany answers null)", async () => {
    const { api } = createXeroServices(org.connectorOptions);
    const id = "00000000-0000-4000-8000-00000000abcd";
    // https://developer.xero.com/documentation/api/accounting/invoices#get-invoices (single)
    const error = await failure(api.call({ what: "Invoice", id }, (x, tenant) => x.getInvoice(tenant, id)));
    expect(error.code).toBe(ErrorCode.NOT_FOUND);
    expect(error.message).toContain(id);
    expect(await org.adapter.getMany("CreditNote", [id])).toEqual([null]);
  });

  it("validation ⇒ PROVIDER_VALIDATION with each element's messages", async () => {
    const { api } = createXeroServices(org.connectorOptions);
    const [existing] = (await org.adapter.list("Contact", { first: 1, offset: 0, filter: {} })).items;
    const contacts = [toXeroContact({ name: existing.name }), toXeroContact({ name: "Fresh Contact Ltd", email: "not-an-email" })];
    // https://developer.xero.com/documentation/api/accounting/contacts#put-contacts
    const error = await failure(api.call({ what: "Contact" }, (x, tenant) => x.createContacts(tenant, { contacts })));
    expect(error.code).toBe(ErrorCode.PROVIDER_VALIDATION);
    expect(error.extensions.providerErrors).toEqual([
      { element: 0, messages: [expect.stringContaining(`The contact name ${existing.name} is already assigned to another contact`)] },
      { element: 1, messages: ["Email address must be valid."] },
    ]);
    expect(error.message).toContain("Email address must be valid.");

    const invoices = [toXeroInvoice({ type: "INVOICE", contactRemoteId: existing.remoteId, status: InvoiceStatus.AUTHORISED, lines: [] })];
    // https://developer.xero.com/documentation/api/accounting/invoices#put-invoices
    const invalid = await failure(api.call({ what: "Invoice" }, (x, tenant) => x.createInvoices(tenant, { invoices })));
    expect(invalid.code).toBe(ErrorCode.PROVIDER_VALIDATION);
  });

  it("401 ⇒ one forced refresh, then the call succeeds", async () => {
    const { adapter } = await variant({}, { accessToken: "revoked-or-unknown", expiresAt: Date.now() + 3_600_000 });
    org.sandbox.stats.reset();
    const page = await adapter.list("Contact", { first: 2, offset: 0, filter: {} });
    expect(page.items).toHaveLength(2);
    expect(org.sandbox.stats.byPath["/connect/token"]).toBe(1);
  });

  it("401 and a refresh token Xero no longer accepts ⇒ PROVIDER_AUTH_EXPIRED asking to reconnect", async () => {
    const { adapter } = await variant({}, { accessToken: "revoked-or-unknown", refreshToken: "long-gone", expiresAt: Date.now() + 3_600_000 });
    const error = await failure(adapter.list("Contact", { first: 2, offset: 0, filter: {} }));
    expect(error.code).toBe(ErrorCode.PROVIDER_AUTH_EXPIRED);
    expect(error.message).toMatch(/Reconnect/);
  });

  it("403 ⇒ FORBIDDEN naming the tenant", async () => {
    const tenantId = "11111111-2222-4333-8444-555555555555";
    const { adapter } = await variant({ tenantId });
    const error = await failure(adapter.list("Invoice", { first: 2, offset: 0, filter: {} }));
    expect(error.code).toBe(ErrorCode.FORBIDDEN);
    expect(error.message).toContain(tenantId);
  });

  it("network failure ⇒ PROVIDER_UNAVAILABLE", async () => {
    const { adapter } = await variant({ apiUrl: "http://127.0.0.1:9" });
    const error = await failure(adapter.list("Invoice", { first: 2, offset: 0, filter: {} }));
    expect(error.code).toBe(ErrorCode.PROVIDER_UNAVAILABLE);
  });
});

describe("token refresh against the sandbox", () => {
  it("50 concurrent queries inside the expiry skew make exactly one token call, and the rotated set is stored sealed", async () => {
    const { adapter, store, id } = await variant({}, { expiresAt: Date.now() + 30_000 });
    org.sandbox.stats.reset();
    const pages = await Promise.all(Array.from({ length: 50 }, (_, i) => adapter.list("Account", { first: 1, offset: i % 10, filter: {} })));
    expect(pages.every((p) => p.items.length === 1)).toBe(true);
    expect(org.sandbox.stats.byPath["/connect/token"]).toBe(1);
    const saved = await xeroCredentialsStore(store, org.secrets).load(id);
    expect(saved!.tokenSet.refreshToken).not.toBe(org.connected.tokenSet.refreshToken);
    const sealed = JSON.stringify(await store.namespace(XERO_CREDENTIALS_NAMESPACE).get(id));
    expect(sealed).not.toContain(saved!.tokenSet.refreshToken);
    expect(sealed).not.toContain(saved!.tokenSet.accessToken);
  });
});

describe("the sandbox's rate limit", () => {
  it("answers 429 with Retry-After; the governor waits, retries and succeeds", async () => {
    const limited = await startSandboxOrganization({
      sandbox: { limits: { concurrent: 1, perMinute: 10_000 }, latencyMs: 150 },
      settings: { limits: { maxConcurrent: 3, perMinute: 10_000 } },
    });
    try {
      const pages = await Promise.all([0, 5, 10].map((offset) => limited.adapter.list("Contact", { first: 5, offset, filter: {} })));
      expect(pages.map((p) => p.items.length)).toEqual([5, 5, 5]);
      const stats = (limited.adapter as ReturnType<typeof createXeroAdapter>).upstream.stats();
      expect(stats.retries).toBeGreaterThan(0);
      expect(stats.throttledMs).toBeGreaterThanOrEqual(1000);
    } finally {
      await limited.sandbox.close();
    }
  });
});
