import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportBasis, ReportTimeframe } from "../../schema/report/report-enums.js";
import type { Item } from "../../schema/item/item.type.js";
import type { ItemInput, StockAdditionInput } from "../../src/connector/inputs.js";
import type { ActionResults, WriteOptions } from "../../src/connector/writes.js";
import { Decimal } from "../../src/money/decimal.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";
import { accountBalance, unbalancedSources } from "./testing/books-ledger.js";

const send: WriteOptions = { dryRun: false };
let org: SandboxOrganization;
beforeAll(async () => (org = await startSandboxOrganization({ sandbox: { today: "2026-11-22" } })));
afterAll(() => org.sandbox.close());

const books = () => org.sandbox.books;
const adapter = () => org.adapter;
const supplier = () => books().contacts.find((c) => c.ContactStatus === "ACTIVE" && c.IsSupplier)!;
const storedItem = (code: string) => books().items.find((i) => i.Code === code)!;
const done = <T>(result: { kind: string }) => (result as unknown as { record: T }).record;
const API = "/api.xro/2.0";

const tracked = (code: string): ItemInput => ({
  code, name: `Tracked ${code}`, salesUnitPrice: "99.00", purchaseUnitPrice: "60.00", salesAccountCode: "200", taxRateCode: "OUTPUT",
  purchaseAccountCode: "310", isTracked: true, inventoryAssetAccountCode: "630",
});
const createItem = async (input: ItemInput) => done<Item>(await adapter().create!("Item", input, send));
const addStock = (input: Partial<StockAdditionInput> & { itemRemoteId: string }, options = send) =>
  adapter().perform!("addStock", { quantity: "5", date: "2026-11-16", contactRemoteId: supplier().ContactID, ...input }, options);

async function expectReportsBalance() {
  for (const basis of [ReportBasis.ACCRUAL, ReportBasis.CASH]) {
    expect(unbalancedSources(books(), basis)).toEqual([]);
    const bs = await adapter().balanceSheet({ date: "2026-11-30", periods: 0, timeframe: ReportTimeframe.MONTH, basis });
    expect(bs.balanced).toBe(true);
  }
}

describe("createItem", () => {
  it("stores a tracked item with its inventory and cost-of-sales accounts and nothing on hand", async () => {
    const item = await createItem(tracked("CAM-4K"));
    expect(storedItem("CAM-4K")).toMatchObject({
      ItemID: item.remoteId, Name: "Tracked CAM-4K", IsTrackedAsInventory: true, InventoryAssetAccountCode: "630", QuantityOnHand: 0, TotalCostPool: 0,
      SalesDetails: { UnitPrice: 99, AccountCode: "200", TaxType: "OUTPUT" }, PurchaseDetails: { UnitPrice: 60, COGSAccountCode: "310" },
    });
    expect(storedItem("CAM-4K").PurchaseDetails.AccountCode).toBeUndefined();
    expect(item).toMatchObject({ code: "CAM-4K", isTracked: true, quantityOnHand: "0", purchaseUnitPrice: "60", purchaseAccountCode: "310" });
  });

  it("stores an untracked item with its purchase account", async () => {
    const item = await createItem({ code: "SVC-CAL", name: "Calibration", salesUnitPrice: "80", purchaseUnitPrice: "20", purchaseAccountCode: "429" });
    expect(storedItem("SVC-CAL")).toMatchObject({ IsTrackedAsInventory: false, PurchaseDetails: { UnitPrice: 20, AccountCode: "429" } });
    expect(storedItem("SVC-CAL").QuantityOnHand).toBeUndefined();
    expect(item).toMatchObject({ isTracked: false, quantityOnHand: null });
  });

  it.each([
    ["a code already taken", { ...tracked("LAPTOP-14"), name: "Another laptop" }, /Price List Item with Code ''LAPTOP-14'' already exists/],
    ["an inventory account that is not of type INVENTORY", { ...tracked("CAM-BAD"), inventoryAssetAccountCode: "200" }, /type INVENTORY/],
    ["a tracked item without a cost-of-sales account", { ...tracked("CAM-NOCOGS"), purchaseAccountCode: null }, /COGSAccountCode/],
  ])("refuses %s with Xero's message", async (_case, input, message) => {
    const before = books().items.length;
    await expect(adapter().create!("Item", input, send)).rejects.toMatchObject({ extensions: { code: "PROVIDER_VALIDATION" }, message: expect.stringMatching(message) });
    expect(books().items.length).toBe(before);
  });

  it("refuses to track an item without an inventory account before calling Xero", async () => {
    org.sandbox.stats.reset();
    await expect(adapter().create!("Item", { ...tracked("CAM-X"), inventoryAssetAccountCode: null }, send))
      .rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", fields: [{ field: "input.inventoryAssetAccountCode" }] } });
    expect(org.sandbox.stats.total).toBe(0);
  });
});

describe("addStock", () => {
  it("buys the item on an approved bill: stock on hand rises and the inventory account carries its cost", async () => {
    const item = await createItem(tracked("CAM-BILL"));
    const inventory = accountBalance(books(), "630");
    const result = done<ActionResults["addStock"]>(await addStock({ itemRemoteId: item.remoteId, quantity: "12", unitCost: "58.50", note: "Initial stock" }));
    const bill = books().invoices.find((i) => i.Type === "ACCPAY" && i.LineItems.some((l) => l.ItemCode === "CAM-BILL"))!;
    expect(bill).toMatchObject({ Status: "AUTHORISED", Date: "2026-11-16", Total: 702, Contact: { ContactID: supplier().ContactID } });
    expect(bill.LineItems[0]).toMatchObject({ ItemCode: "CAM-BILL", Quantity: 12, UnitAmount: 58.5, AccountCode: "630", Description: "Initial stock" });
    expect(storedItem("CAM-BILL").QuantityOnHand).toBe(12);
    expect(accountBalance(books(), "630")).toBe(new Decimal(inventory).plus(702).toFixed(2));
    expect(result).toMatchObject({ quantityAdded: "12", via: `bill ${bill.InvoiceID}`, item: { remoteId: item.remoteId, quantityOnHand: "12" } });
    expect((await adapter().getMany("Item", [item.remoteId]))[0]).toMatchObject({ quantityOnHand: "12" });
    await expectReportsBalance();
  });

  it("pays for it from a bank account as spend money, at the item's purchase price by default; a sale takes stock out again", async () => {
    const item = await createItem(tracked("CAM-BANK"));
    const bank = accountBalance(books(), "090");
    const result = done<ActionResults["addStock"]>(await addStock({ itemRemoteId: item.remoteId, quantity: "3", bankAccountCode: "090" }));
    const tx = books().bankTransactions.find((t) => t.LineItems.some((l) => l.ItemCode === "CAM-BANK"))!;
    expect(tx).toMatchObject({ Type: "SPEND", Status: "AUTHORISED", Total: 180, BankAccount: { Code: "090" } });
    expect(result).toMatchObject({ via: `bank transaction ${tx.BankTransactionID}`, item: { quantityOnHand: "3" } });
    expect(storedItem("CAM-BANK").QuantityOnHand).toBe(3);
    expect(accountBalance(books(), "090")).toBe(new Decimal(bank).minus(180).toFixed(2));

    const customer = books().contacts.find((c) => c.ContactStatus === "ACTIVE" && c.IsCustomer)!;
    await adapter().create!("Invoice", {
      type: "INVOICE", contactRemoteId: customer.ContactID, status: "AUTHORISED" as never, issueDate: "2026-11-18", dueDate: "2026-12-18",
      lines: [{ description: "Camera", quantity: "2", unitAmount: "99", itemCode: "CAM-BANK", accountCode: "200" }],
    }, send);
    expect(storedItem("CAM-BANK").QuantityOnHand).toBe(1);
    await expectReportsBalance();
  });

  it("refuses untracked items naming input.itemId, before any write", async () => {
    const item = await createItem({ code: "SVC-ONLY", name: "Service only", salesUnitPrice: "10" });
    org.sandbox.stats.reset();
    await expect(addStock({ itemRemoteId: item.remoteId })).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", fields: [{ field: "itemId" }] } });
    expect(Object.keys(org.sandbox.stats.byPath)).toEqual([`${API}/Items/${item.remoteId}`]);
  });

  it("refuses a purchase without a supplier naming input.contactId", async () => {
    org.sandbox.stats.reset();
    await expect(addStock({ itemRemoteId: storedItem("LAPTOP-14").ItemID, contactRemoteId: null })).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", fields: [{ field: "contactId" }] } });
    expect(org.sandbox.stats.total).toBe(0);
  });

  it("retried with its idempotency key buys once", async () => {
    const item = await createItem(tracked("CAM-ONCE"));
    const options = { dryRun: false, idempotencyKey: "stock-once" };
    const first = done<ActionResults["addStock"]>(await addStock({ itemRemoteId: item.remoteId, quantity: "2" }, options));
    const again = done<ActionResults["addStock"]>(await addStock({ itemRemoteId: item.remoteId, quantity: "2" }, options));
    expect(again.via).toBe(first.via);
    expect(storedItem("CAM-ONCE").QuantityOnHand).toBe(2);
  });
});

describe("dry runs", () => {
  it("create sends nothing; addStock reads the item once and writes nothing", async () => {
    const laptop = storedItem("LAPTOP-14");
    const counts = [books().items.length, books().invoices.length, books().bankTransactions.length, laptop.QuantityOnHand];
    org.sandbox.stats.reset();
    const dry = { dryRun: true };
    const created = await adapter().create!("Item", tracked("CAM-DRY"), dry);
    expect(org.sandbox.stats.total).toBe(0);
    const stock = await addStock({ itemRemoteId: laptop.ItemID, quantity: "2", bankAccountCode: "090" }, dry);
    const bill = await addStock({ itemRemoteId: laptop.ItemID, quantity: "1", unitCost: "900" }, dry);
    expect(org.sandbox.stats.byPath).toEqual({ [`${API}/Items/${laptop.ItemID}`]: 2 });
    expect([books().items.length, books().invoices.length, books().bankTransactions.length, storedItem("LAPTOP-14").QuantityOnHand]).toEqual(counts);
    expect(created).toEqual({ kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/Items?summarizeErrors=true&unitdp=4", body: { Items: [{
      Code: "CAM-DRY", InventoryAssetAccountCode: "630", Name: "Tracked CAM-DRY",
      PurchaseDetails: { UnitPrice: "60.00", COGSAccountCode: "310" }, SalesDetails: { UnitPrice: "99.00", AccountCode: "200", TaxType: "OUTPUT" } }] } } });
    expect(stock).toMatchObject({ kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/BankTransactions?summarizeErrors=true&unitdp=4", body: { BankTransactions: [{
      Type: "SPEND", Status: "AUTHORISED", BankAccount: { Code: "090" }, Contact: { ContactID: supplier().ContactID }, Date: "2026-11-16",
      LineItems: [{ ItemCode: "LAPTOP-14", Quantity: "2", UnitAmount: String(laptop.PurchaseDetails.UnitPrice) }] }] } } });
    expect(bill).toMatchObject({ kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/Invoices?summarizeErrors=true&unitdp=4", body: { Invoices: [{
      Type: "ACCPAY", Status: "AUTHORISED", DueDate: "2026-11-16", LineItems: [{ ItemCode: "LAPTOP-14", Quantity: "1", UnitAmount: "900" }] }] } } });
  });
});
