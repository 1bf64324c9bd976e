import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/connector/embedded.js";
import { Decimal } from "../../src/money/decimal.js";
import { sandboxOf, startTestLedgerline, storedBooks, type GraphQLBody, type TestLedgerline } from "./start-test-ledgerline.js";

/**
 * Decimals end to end on writes: what a provider cannot keep exactly is refused (BAD_USER_INPUT
 * naming the field, before any upstream call); what it can arrives digit for digit; and what a
 * provider holds always reads back, in plain notation.
 */
type Provider = "XERO" | "DAFTRA" | "CLIENTARY";
const PROVIDERS: Provider[] = ["XERO", "DAFTRA", "CLIENTARY"];

const CREATE_INVOICE = `mutation($o: ID!, $input: DocumentInput!, $dry: Boolean) {
  createInvoice(organizationId: $o, input: $input, dryRun: $dry) { record { id remoteId total lineItems { quantity unitAmount lineAmount } } request { method path body } } }`;
const LIST_INVOICES = `query($o: ID!) { organization(id: $o) { invoices(first: 100) { edges { node { id remoteId lineItems { quantity unitAmount } } } } } }`;

describe("decimals on writes, end to end", () => {
  let t: TestLedgerline;
  const orgs = {} as Record<Provider, { id: string; contactId: string }>;

  /** Requests the provider's sandbox has answered so far (every path, reads included). */
  const upstreamCalls = (provider: Provider): number =>
    provider === "XERO" ? t.xero.stats.total : (sandboxOf(t, provider) as RunningSandbox & { sandbox: { stats: { total: number } } }).sandbox.stats.total;

  const invoiceInput = (provider: Provider, line: Record<string, string>) => ({
    contactId: orgs[provider].contactId, issueDate: "2026-11-20", dueDate: "2026-12-20", lineAmountType: "NO_TAX",
    lines: [{ description: "Exact work", accountCode: "200", ...line }],
  });

  /** Sends the write and says how many upstream calls it made. */
  async function measured(provider: Provider, query: string, variables: Record<string, unknown>): Promise<{ body: GraphQLBody; status: number; calls: number }> {
    const before = upstreamCalls(provider);
    const { body, status } = await t.post(query, variables);
    return { body, status, calls: upstreamCalls(provider) - before };
  }

  beforeAll(async () => {
    // One key does everything here; the share one key may use of an organization's budget is not what this suite is about.
    t = await startTestLedgerline({ env: { LEDGERLINE_KEY_BUDGET_PERCENT: "100" } });
    for (const provider of PROVIDERS) {
      const id = sandboxOf(t, provider).organization.id;
      const { body } = await t.post(`query($o: ID!) { organization(id: $o) { contacts(first: 1) { edges { node { id } } } } }`, { o: id });
      orgs[provider] = { id, contactId: body.data!.organization.contacts.edges[0].node.id };
    }
  });
  afterAll(() => t?.close());

  describe.each(PROVIDERS)("%s refuses what it cannot keep exactly, naming the field, with no upstream call", (provider) => {
    it('quantity "0.0000001" (once created upstream, then a 500 inviting a duplicate retry)', async () => {
      for (const dry of [false, true]) {
        const { body, calls } = await measured(provider, CREATE_INVOICE, { o: orgs[provider].id, dry, input: invoiceInput(provider, { quantity: "0.0000001", unitAmount: "10.00" }) });
        expect(body.data?.createInvoice ?? null).toBeNull();
        expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "input.lines[0].quantity" }] });
        expect(body.errors![0]!.extensions!.fields[0].message).toContain("quantities from -999999999.9999 to 999999999.9999 with at most 4 decimal places");
        expect(calls).toBe(0);
      }
    });

    it('unitAmount "99999999999999999999.99" (was sent as 1e20)', async () => {
      const { body, calls } = await measured(provider, CREATE_INVOICE, { o: orgs[provider].id, input: invoiceInput(provider, { quantity: "1", unitAmount: "99999999999999999999.99" }) });
      expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "input.lines[0].unitAmount" }] });
      expect(body.errors![0]!.extensions!.fields[0].message).toContain("unit amounts from -9999999999.9999 to 9999999999.9999");
      expect(calls).toBe(0);
    });

    it('quantity "1" followed by 400 zeros is refused when the request is parsed (was sent as null)', async () => {
      const { body, calls } = await measured(provider, CREATE_INVOICE, { o: orgs[provider].id, input: invoiceInput(provider, { quantity: "1" + "0".repeat(400), unitAmount: "1.00" }) });
      expect(body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
      expect(body.errors![0]!.message).toContain('"input.lines[0].quantity"');
      expect(body.errors![0]!.message).toContain("Decimal has 401 digits; at most 28 are accepted");
      expect(calls).toBe(0);
    });

    it("a line whose quantity × unit amount is past the largest amount, though each is within its own range", async () => {
      const { body, calls } = await measured(provider, CREATE_INVOICE, { o: orgs[provider].id, input: invoiceInput(provider, { quantity: "999999999", unitAmount: "9999" }) });
      expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "input.lines[0]" }] });
      expect(calls).toBe(0);
    });
  });

  it("Xero: quantity 1234.5678 and unitAmount 99999999.9999 reach the sandbox byte-exact as JSON numbers, with unitdp=4, and come back exact", async () => {
    const input = invoiceInput("XERO", { quantity: "1234.5678", unitAmount: "99999999.9999" });
    const dry = await t.post(CREATE_INVOICE, { o: orgs.XERO.id, dry: true, input });
    const request = dry.body.data!.createInvoice.request;
    expect(request.path).toBe("/api.xro/2.0/Invoices?summarizeErrors=true&unitdp=4");
    expect(request.body.Invoices[0].LineItems[0]).toMatchObject({ Quantity: "1234.5678", UnitAmount: "99999999.9999" });

    const { body } = await t.post(CREATE_INVOICE, { o: orgs.XERO.id, input });
    expect(body.errors).toBeUndefined();
    const sent = t.xero.stats.recentWrites.at(-1)!;
    expect(sent.path).toBe("/api.xro/2.0/Invoices?summarizeErrors=true&unitdp=4");
    expect(sent.body).toContain('"Quantity":1234.5678,"UnitAmount":99999999.9999');
    const record = body.data!.createInvoice.record;
    expect(record.lineItems[0]).toEqual({ quantity: "1234.5678", unitAmount: "99999999.9999", lineAmount: "123456779999.88" });
    expect(record.total).toBe("123456779999.88");
    expect(t.xero.books.invoices.find((i) => i.InvoiceID === record.remoteId)!.LineItems[0]).toMatchObject({ Quantity: 1234.5678, UnitAmount: 99999999.9999 });
  });

  it("Xero: money at the bound (999999999999.99) is sent exact; a third decimal place on a payment is refused, not rounded away", async () => {
    const transfer = await t.post(`mutation($o: ID!, $input: BankTransferInput!) { createBankTransfer(organizationId: $o, input: $input) { record { amount } } }`, {
      o: orgs.XERO.id, input: { fromAccountCode: "090", toAccountCode: "091", amount: "999999999999.99", date: "2026-11-20" },
    });
    expect(transfer.body.errors).toBeUndefined();
    expect(t.xero.stats.recentWrites.at(-1)!.body).toContain('"Amount":999999999999.99');
    expect(transfer.body.data!.createBankTransfer.record.amount).toBe("999999999999.99");

    const invoice = t.xero.books.invoices.find((i) => i.Type === "ACCREC" && i.Status === "AUTHORISED" && i.AmountDue > 20)!;
    const documentId = (await t.post(`query($o: ID!) { organization(id: $o) { invoices(first: 1, filter: { search: "${invoice.InvoiceNumber}" }) { edges { node { id } } } } }`, { o: orgs.XERO.id })).body.data!.organization.invoices.edges[0].node.id;
    const { body, calls } = await measured("XERO", `mutation($o: ID!, $input: RecordPaymentInput!) { recordPayment(organizationId: $o, input: $input) { record { id } } }`, {
      o: orgs.XERO.id, input: { documentId, accountCode: "090", date: "2026-11-21", amount: "10.005" },
    });
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "input.amount" }] });
    expect(body.errors![0]!.extensions!.fields[0].message).toContain("at most 2 decimal places");
    expect(calls).toBe(0);
  });

  it("Xero: quotes take no unitdp, so their unit amounts are held to 2 places", async () => {
    const { body, calls } = await measured("XERO", `mutation($o: ID!, $input: QuoteInput!) { createQuote(organizationId: $o, input: $input) { record { id } } }`, {
      o: orgs.XERO.id, input: { contactId: orgs.XERO.contactId, lines: [{ description: "Consulting", quantity: "1.5", unitAmount: "10.125", accountCode: "200" }] },
    });
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "input.lines[0].unitAmount" }] });
    expect(body.errors![0]!.extensions!.fields[0].message).toContain("at most 2 decimal places");
    expect(calls).toBe(0);
  });

  it.each(["DAFTRA", "CLIENTARY"] as const)("%s: decimals go as the exact strings given, in dry runs and on the wire", async (provider) => {
    const input = invoiceInput(provider, { quantity: "1234.5678", unitAmount: "99999999.9999" });
    const dry = await t.post(CREATE_INVOICE, { o: orgs[provider].id, dry: true, input });
    expect(JSON.stringify(dry.body.data!.createInvoice.request.body)).toMatch(provider === "DAFTRA" ? /"unit_price":"99999999.9999","quantity":"1234.5678"/ : /"quantity":"1234.5678","price":"99999999.9999"/);
    const { body } = await t.post(CREATE_INVOICE, { o: orgs[provider].id, input });
    expect(body.errors).toBeUndefined();
    expect(body.data!.createInvoice.record.lineItems[0]).toEqual({ quantity: "1234.5678", unitAmount: "99999999.9999", lineAmount: "123456779999.88" });
    const remoteId = body.data!.createInvoice.record.remoteId;
    if (provider === "DAFTRA") {
      const stored = (await storedBooks(t, "DAFTRA")).invoices.find((i) => String(i.id) === remoteId)!;
      expect(stored.lines[0]).toMatchObject({ quantity: "1234.5678", unit_price: "99999999.9999" });
    } else {
      const stored = (await storedBooks(t, "CLIENTARY")).invoices.find((i) => String(i.id) === remoteId)!;
      expect(stored.invoice_items[0]).toMatchObject({ quantity: 1234.5678, price: 99999999.9999 });
    }
  });

  it.each(["DAFTRA", "CLIENTARY"] as const)("%s: an invoice near the largest amount keeps the computed balance sheet exact and balanced", async (provider) => {
    const sheet = async () => {
      const { body } = await t.post(`query($o: ID!) { organization(id: $o) { balanceSheet(date: "2026-11-30", periods: 1) { balanced totalAssets } } }`, { o: orgs[provider].id });
      expect(body.errors).toBeUndefined();
      return body.data!.organization.balanceSheet as { balanced: boolean; totalAssets: string[] };
    };
    const before = await sheet();
    const input = { ...invoiceInput(provider, { quantity: "99.9999", unitAmount: "9999999999.9999" }), status: "AUTHORISED", issueDate: "2026-11-20" };
    const { body } = await t.post(CREATE_INVOICE, { o: orgs[provider].id, input });
    expect(body.errors).toBeUndefined();
    expect(body.data!.createInvoice.record.total).toBe("999998999999.99");
    const after = await sheet();
    expect(after.balanced).toBe(true);
    expect(new Decimal(after.totalAssets[0]!).minus(before.totalAssets[0]!).toFixed(2)).toBe("999998999999.99");
  });

  it("a quantity of 1e-7 a provider holds lists without error and reads as 0.0000001 (Daftra as a numeric string, Clientary as a JSON number)", async () => {
    type Node = { remoteId: string; lineItems: Array<{ quantity: string | null }> };
    const listed = async (provider: Provider) => {
      const { body } = await t.post(LIST_INVOICES, { o: orgs[provider].id });
      expect(body.errors, provider).toBeUndefined();
      return body.data!.organization.invoices.edges.map((e: { node: Node }) => e.node) as Node[];
    };
    // Change the first listed invoice with lines at each provider, as if edited there.
    const daftraId = (await listed("DAFTRA")).find((n) => n.lineItems.length)!.remoteId;
    (await storedBooks(t, "DAFTRA")).invoices.find((i) => String(i.id) === daftraId)!.lines[0]!.quantity = "0.0000001";
    const clientaryId = (await listed("CLIENTARY")).find((n) => n.lineItems.length)!.remoteId;
    const item = (await storedBooks(t, "CLIENTARY")).invoices.find((i) => String(i.id) === clientaryId)!.invoice_items.find((it) => it.item_type === 3)!;
    item.quantity = 1e-7;
    expect(JSON.stringify(item.quantity)).toBe("1e-7");

    for (const [provider, remoteId] of [["DAFTRA", daftraId], ["CLIENTARY", clientaryId]] as const) {
      const node = (await listed(provider)).find((n) => n.remoteId === remoteId);
      expect(node?.lineItems[0]!.quantity, `${provider} invoice ${remoteId}`).toBe("0.0000001");
    }
  });
});
