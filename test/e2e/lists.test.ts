import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
import { fromGlobalId } from "../../src/ids/global-id.js";

let t: TestLedgerline;
beforeAll(async () => {
  t = await startTestLedgerline();
});
afterAll(() => t?.close());

const salesInvoices = () => t.xero.books.invoices.filter((i) => i.Type === "ACCREC");

describe("lists through the gateway (Xero sandbox)", () => {
  it("lists the organization the local key sees, with the provider's base currency", async () => {
    const { organizations } = await t.sdk.Organizations();
    expect(organizations).toContainEqual({ id: t.organizationId, name: "Ledgerline Demo Company", provider: "XERO", baseCurrency: t.xero.books.organisation.BaseCurrency });
    expect(organizations.map((o) => o.provider).sort()).toEqual(["CLIENTARY", "DAFTRA", "XERO"]);
    expect(organizations.every((o) => /^[A-Z]{3}$/.test(o.baseCurrency))).toBe(true);
  });

  it("pages with first/after: two pages of 25 equal one page of 50, without overlap", async () => {
    const page1 = (await t.sdk.Invoices({ organizationId: t.organizationId, first: 25 })).organization.invoices;
    const page2 = (await t.sdk.Invoices({ organizationId: t.organizationId, first: 25, after: page1.pageInfo.endCursor })).organization.invoices;
    const both = (await t.sdk.Invoices({ organizationId: t.organizationId, first: 50 })).organization.invoices;
    const ids = [...page1.edges, ...page2.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(50);
    expect(ids).toEqual(both.edges.map((e) => e.node.id));
    expect(page1.pageInfo.hasNextPage).toBe(true);
  });

  it("walks the whole list: totalCount records, each once, all sales invoices of the books", async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    let total = 0;
    do {
      const page = (await t.sdk.Invoices({ organizationId: t.organizationId, first: 200, after })).organization.invoices;
      total = page.totalCount ?? -1;
      seen.push(...page.edges.map((e) => fromGlobalId(e.node.id).remoteId));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    const listed = salesInvoices().map((i) => i.InvoiceID);
    expect(new Set(seen)).toEqual(new Set(listed));
  });

  it("resolves each invoice's contact to the contact the books hold", async () => {
    const { edges } = (await t.sdk.Invoices({ organizationId: t.organizationId, first: 50 })).organization.invoices;
    for (const { node } of edges) {
      const stored = salesInvoices().find((i) => i.InvoiceID === fromGlobalId(node.id).remoteId)!;
      const contact = t.xero.books.contacts.find((c) => c.ContactID === stored.Contact.ContactID)!;
      expect(node.contact?.name).toBe(contact.Name);
      expect(fromGlobalId(node.contact!.id)).toEqual({ organizationId: t.organizationId, type: "Contact", remoteId: contact.ContactID });
    }
  });

  it("filters by status, contact, date range, search and updatedSince", async () => {
    const list = async (filter: Record<string, unknown>) =>
      (await t.sdk.Invoices({ organizationId: t.organizationId, first: 200, filter })).organization.invoices;

    const paid = await list({ status: ["PAID"] });
    expect(paid.edges.length).toBeGreaterThan(0);
    expect(paid.edges.every((e) => e.node.status === "PAID" && e.node.amountDue === "0.00")).toBe(true);
    expect(paid.totalCount).toBe(salesInvoices().filter((i) => i.Status === "PAID").length);

    const partly = await list({ status: ["PARTIALLY_PAID"] });
    expect(partly.edges.length).toBeGreaterThan(0);
    for (const { node } of partly.edges) expect(Number(node.amountDue)).toBeLessThan(Number(node.total));

    const someone = paid.edges[0].node.contact!;
    const theirs = await list({ contactId: someone.id });
    expect(theirs.edges.length).toBeGreaterThan(0);
    expect(theirs.edges.every((e) => e.node.contact?.id === someone.id)).toBe(true);

    const ranged = await list({ dateFrom: "2026-01-01", dateTo: "2026-03-31" });
    expect(ranged.edges.length).toBeGreaterThan(0);
    expect(ranged.edges.every((e) => e.node.issueDate! >= "2026-01-01" && e.node.issueDate! <= "2026-03-31")).toBe(true);

    const number = paid.edges[0].node.number!;
    const found = await list({ search: number });
    expect(found.edges.map((e) => e.node.number)).toContain(number);

    const since = "2026-11-01T00:00:00Z";
    const recent = await t.post(
      `query($o: ID!, $f: InvoiceFilter) { organization(id: $o) { invoices(first: 200, filter: $f) { edges { node { updatedAt } } } } }`,
      { o: t.organizationId, f: { updatedSince: since } },
    );
    const stamps = recent.body.data!.organization.invoices.edges.map((e: any) => e.node.updatedAt as string);
    expect(stamps.every((s: string) => s >= "2026-11-01T00:00:00")).toBe(true);
  });

  it("filters contacts by status, including archived ones only when asked", async () => {
    const archived = (await t.sdk.Contacts({ organizationId: t.organizationId, first: 100, filter: { status: ["ARCHIVED"], includeArchived: true } })).organization.contacts;
    const stored = t.xero.books.contacts.filter((c) => c.ContactStatus === "ARCHIVED");
    expect(stored.length).toBeGreaterThan(0);
    expect(archived.edges.map((e) => e.node.remoteId).sort()).toEqual(stored.map((c) => c.ContactID).sort());
    const active = (await t.sdk.Contacts({ organizationId: t.organizationId, first: 200 })).organization.contacts;
    expect(active.edges.every((e) => e.node.status === "ACTIVE")).toBe(true);
  });

  it("lists every entity the schema has", async () => {
    const fields = ["contacts", "invoices", "bills", "payments", "quotes", "creditNotes", "purchaseOrders", "items", "accounts", "taxRates", "trackingCategories", "bankTransactions"];
    const query = `query($o: ID!) { organization(id: $o) { ${fields.map((f) => `${f}(first: 3) { edges { node { id remoteId provider } } }`).join(" ")} } }`;
    const { body } = await t.post(query, { o: t.organizationId });
    expect(body.errors).toBeUndefined();
    for (const field of fields) {
      expect(body.data!.organization[field].edges.length, field).toBeGreaterThan(0);
      expect(body.data!.organization[field].edges[0].node.provider).toBe("XERO");
    }
  });

  it("answers NOT_SUPPORTED for entities Xero does not have", async () => {
    for (const field of ["expenses", "projects", "tasks", "timeEntries", "staff", "leads"]) {
      const { body } = await t.post(`query($o: ID!) { organization(id: $o) { ${field}(first: 1) { edges { node { id } } } } }`, { o: t.organizationId });
      expect(body.errors?.[0].extensions, field).toMatchObject({ code: "NOT_SUPPORTED", provider: "XERO" });
    }
  });

  it("fetches any record by node(id), and null for one the provider does not have", async () => {
    const first = (await t.sdk.Invoices({ organizationId: t.organizationId, first: 1 })).organization.invoices.edges[0].node;
    const { node } = await t.sdk.Node({ id: first.id });
    expect(node).toMatchObject({ id: first.id, provider: "XERO", number: first.number, total: first.total });
    if (node?.__typename !== "Invoice") throw new Error(`expected an Invoice, got ${node?.__typename}`);
    expect(node.lineItems.length).toBeGreaterThan(0);

    const contact = await t.sdk.Node({ id: first.contact!.id });
    expect(contact.node).toMatchObject({ name: first.contact!.name });

    const missing = Buffer.from(`Invoice:${t.organizationId}:00000000-0000-0000-0000-00000000abcd`).toString("base64url");
    expect((await t.sdk.Node({ id: missing })).node).toBeNull();
  });

  it("returns the provider's record as raw JSON when asked for it", async () => {
    const { body } = await t.post(`query($o: ID!) { organization(id: $o) { invoices(first: 2) { edges { node { remoteId raw } } } accounts(first: 2) { edges { node { remoteId raw } } } } }`, { o: t.organizationId });
    for (const { node } of body.data!.organization.invoices.edges) expect(node.raw).toMatchObject({ InvoiceID: node.remoteId, Type: "ACCREC" });
    for (const { node } of body.data!.organization.accounts.edges) expect(node.raw).toMatchObject({ AccountID: node.remoteId });
  });

  it("costs two upstream calls for 50 invoices with contact names and payments (not 51)", async () => {
    await t.sdk.Invoices({ organizationId: t.organizationId, first: 1 });
    const before = t.xero.stats.total;
    const result = await t.sdk.Invoices({ organizationId: t.organizationId, first: 50, after: null });
    expect(result.organization.invoices.edges).toHaveLength(50);
    expect(t.xero.stats.total - before).toBeLessThanOrEqual(3);
  });
});
