import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientError } from "graphql-request";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
import { toGlobalId } from "../../src/ids/global-id.js";

const codeOf = (error: unknown) => (error as ClientError).response.errors?.[0]?.extensions?.code;

describe("findInvoice, findBill, findPurchaseOrder: by global id or by exact number", () => {
  let t: TestLedgerline;
  let ids: Record<"xero" | "daftra" | "clientary", string>;
  const xeroRequests = () => t.xero.stats.total;
  beforeAll(async () => {
    t = await startTestLedgerline();
    ids = Object.fromEntries(t.app.sandboxes.map((s) => [s.provider.toLowerCase(), s.organization.id])) as typeof ids;
  });
  afterAll(() => t?.close());

  it("finds a Xero invoice by number through Xero's search, in one upstream call, and by id", async () => {
    const seeded = t.xero.books.invoices.filter((i) => i.Type === "ACCREC" && i.InvoiceNumber && i.Status !== "DELETED").at(-1)!;
    const before = xeroRequests();
    const { findInvoice } = await t.sdk.FindInvoice({ organizationId: t.organizationId, by: { number: seeded.InvoiceNumber } });
    expect(xeroRequests() - before).toBe(1);
    expect(findInvoice).toMatchObject({ remoteId: seeded.InvoiceID, number: seeded.InvoiceNumber, total: seeded.Total.toFixed(2) });
    const byId = await t.sdk.FindInvoice({ organizationId: t.organizationId, by: { id: findInvoice.id } });
    expect(byId.findInvoice).toEqual(findInvoice);
  });

  it("matches the number exactly: a part of a number finds nothing", async () => {
    const seeded = t.xero.books.invoices.find((i) => i.Type === "ACCREC" && i.InvoiceNumber)!;
    const part = seeded.InvoiceNumber!.slice(0, -1);
    const error = await t.sdk.FindInvoice({ organizationId: t.organizationId, by: { number: `${part}-not-a-number` } }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("NOT_FOUND");
    expect((error as ClientError).response.errors![0].message).toMatch(/No invoice numbered/);
  });

  it("finds a bill by number and by id", async () => {
    const seeded = t.xero.books.invoices.find((i) => i.Type === "ACCPAY" && i.InvoiceNumber && i.Status !== "DELETED")!;
    const { findBill } = await t.sdk.FindBill({ organizationId: t.organizationId, by: { number: seeded.InvoiceNumber } });
    expect(findBill.remoteId).toBe(seeded.InvoiceID);
    const id = toGlobalId({ organizationId: t.organizationId, type: "Bill", remoteId: seeded.InvoiceID });
    expect((await t.sdk.FindBill({ organizationId: t.organizationId, by: { id } })).findBill.id).toBe(id);
  });

  it("finds a purchase order by number by reading the list (Xero cannot search purchase orders)", async () => {
    const seeded = t.xero.books.purchaseOrders.filter((p) => p.Status !== "DELETED").at(-1)!;
    const { findPurchaseOrder } = await t.sdk.FindPurchaseOrder({ organizationId: t.organizationId, by: { number: seeded.PurchaseOrderNumber } });
    expect(findPurchaseOrder).toMatchObject({ remoteId: seeded.PurchaseOrderID, number: seeded.PurchaseOrderNumber });
  });

  it("finds Daftra (search) and Clientary (list) invoices by number", async () => {
    for (const organizationId of [ids.daftra, ids.clientary]) {
      const { body } = await t.post(`query($o: ID!) { organization(id: $o) { invoices(first: 5) { edges { node { id number } } } } }`, { o: organizationId });
      const last = body.data!.organization.invoices.edges.at(-1).node as { id: string; number: string };
      const { findInvoice } = await t.sdk.FindInvoice({ organizationId, by: { number: last.number } });
      expect(findInvoice.id, organizationId).toBe(last.id);
    }
  });

  it("answers NOT_FOUND for an id the provider does not have", async () => {
    const id = toGlobalId({ organizationId: t.organizationId, type: "Invoice", remoteId: "00000000-0000-0000-0000-00000000dead" });
    const error = await t.sdk.FindInvoice({ organizationId: t.organizationId, by: { id } }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("NOT_FOUND");
  });
});
