import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BankTransactionInput, CreditNoteInput, InvoiceInput, ItemInput } from "../../src/connector/inputs.js";
import type { CreatableEntity, WriteOptions } from "../../src/connector/writes.js";
import { api } from "./sandbox/test/harness.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

/**
 * Xero keeps 4 decimal places on unit amounts and item prices, but answers a read with them rounded
 * to 2 unless it asks `unitdp=4`. The sandbox answers the same way, so the adapter's reads (lists,
 * lookups by id, and the single GETs behind them) are shown to ask for 4.
 * https://developer.xero.com/documentation/api-guides/rounding-in-xero
 */
const send: WriteOptions = { dryRun: false };
let org: SandboxOrganization;
beforeAll(async () => (org = await startSandboxOrganization({ sandbox: { today: "2026-11-22" } })));
afterAll(() => org.sandbox.close());

const books = () => org.sandbox.books;
const customer = () => books().contacts.find((c) => c.ContactStatus === "ACTIVE" && c.IsCustomer)!;
const line = (accountCode: string) => ({ description: "Fine-priced", quantity: "3", unitAmount: "12.3456", accountCode });
const NO_TAX = "NO_TAX" as InvoiceInput["lineAmountType"];

/** Creates a record through the adapter (which writes with unitdp=4) and says its id. */
async function created(entity: CreatableEntity, input: unknown): Promise<string> {
  const result = await org.adapter.create!(entity, input as never, send);
  if (result.kind !== "done") throw new Error("expected a record");
  return (result.record as { remoteId: string }).remoteId;
}

/** A raw GET at the sandbox, as any Xero client would send it. */
const rawGet = async (path: string) => (await api(org.sandbox, org.connected.tokenSet.accessToken, path)).json;

const DOCUMENTS = [
  {
    entity: "Invoice" as const, path: "Invoices", search: "UDP-INV",
    input: (): InvoiceInput => ({ type: "INVOICE", contactRemoteId: customer().ContactID, issueDate: "2026-11-02", dueDate: "2026-12-02", lineAmountType: NO_TAX, reference: "UDP-INV", lines: [line("200")] }),
  },
  {
    entity: "CreditNote" as const, path: "CreditNotes", search: "UDP-CN",
    input: (): CreditNoteInput => ({ kind: "SALES", contactRemoteId: customer().ContactID, issueDate: "2026-11-05", lineAmountType: NO_TAX as CreditNoteInput["lineAmountType"], reference: "UDP-CN", lines: [line("200")] }),
  },
  {
    entity: "BankTransaction" as const, path: "BankTransactions", search: "UDP-BT",
    input: (): BankTransactionInput => ({ kind: "SPEND", bankAccountCode: "090", contactRemoteId: customer().ContactID, date: "2026-11-14", lineAmountType: NO_TAX as BankTransactionInput["lineAmountType"], reference: "UDP-BT", lines: [line("429")] }),
  },
];

describe.each(DOCUMENTS)("$entity unit amounts read back with 4 decimal places", ({ entity, path, search, input }) => {
  let remoteId: string;
  beforeAll(async () => (remoteId = await created(entity, input())));

  it("the sandbox, like Xero, rounds them to 2 places for a read without unitdp=4", async () => {
    expect((await rawGet(`/${path}/${remoteId}`))[path][0].LineItems[0].UnitAmount).toBe(12.35);
    expect((await rawGet(`/${path}/${remoteId}?unitdp=4`))[path][0].LineItems[0].UnitAmount).toBe(12.3456);
  });

  it("through the adapter's list", async () => {
    const page = await org.adapter.list(entity, { first: 10, offset: 0, filter: { search } });
    const record = page.items.find((r) => r.remoteId === remoteId) as { lineItems: Array<{ unitAmount: string }> } | undefined;
    expect(record?.lineItems[0]?.unitAmount).toBe("12.3456");
  });

  it("through the adapter's lookup by id", async () => {
    const [record] = (await org.adapter.getMany(entity, [remoteId])) as Array<{ lineItems: Array<{ unitAmount: string }> } | null>;
    expect(record?.lineItems[0]?.unitAmount).toBe("12.3456");
  });
});

it("a bill's unit amounts read back with 4 places through the list and by id", async () => {
  const supplier = books().contacts.find((c) => c.ContactStatus === "ACTIVE" && c.IsSupplier)!;
  const remoteId = await created("Bill", { type: "BILL", contactRemoteId: supplier.ContactID, issueDate: "2026-11-02", dueDate: "2026-12-02", lineAmountType: NO_TAX, reference: "UDP-BILL", lines: [line("429")] } satisfies InvoiceInput);
  const listed = (await org.adapter.list("Bill", { first: 10, offset: 0, filter: { search: "UDP-BILL" } })).items.find((r) => r.remoteId === remoteId);
  const [byId] = await org.adapter.getMany("Bill", [remoteId]);
  expect([listed?.lineItems[0]?.unitAmount, byId?.lineItems[0]?.unitAmount]).toEqual(["12.3456", "12.3456"]);
});

describe("Item prices read back with 4 decimal places", () => {
  let remoteId: string;
  beforeAll(async () => {
    const input: ItemInput = { code: "UDP-ITEM", name: "Fine-priced item", salesUnitPrice: "12.3456", purchaseUnitPrice: "7.0001", salesAccountCode: "200", purchaseAccountCode: "429" };
    remoteId = await created("Item", input);
  });

  it("the sandbox, like Xero, rounds them to 2 places for a read without unitdp=4", async () => {
    const [plain] = (await rawGet(`/Items/${remoteId}`)).Items;
    const [fine] = (await rawGet(`/Items?unitdp=4`)).Items.filter((i: { ItemID: string }) => i.ItemID === remoteId);
    expect([plain.SalesDetails.UnitPrice, plain.PurchaseDetails.UnitPrice]).toEqual([12.35, 7]);
    expect([fine.SalesDetails.UnitPrice, fine.PurchaseDetails.UnitPrice]).toEqual([12.3456, 7.0001]);
  });

  it("through the adapter's list and lookup by id", async () => {
    const listed = (await org.adapter.list("Item", { first: 10, offset: 0, filter: { search: "UDP-ITEM" } })).items.find((r) => r.remoteId === remoteId);
    const [byId] = await org.adapter.getMany("Item", [remoteId]);
    for (const item of [listed, byId]) expect([item?.salesUnitPrice, item?.purchaseUnitPrice]).toEqual(["12.3456", "7.0001"]);
  });
});
