import type { ConnectorAdapter } from "../../../src/connector/adapter.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_NOW } from "../sandbox/test/harness.js";
import { startSandboxOrganization, type SandboxOrganization } from "../testing/sandbox-organization.js";
import { failureOf, journalsOf, ledgerDifference, unbalancedJournals, writeRequests } from "../testing/write-checks.js";

let org: SandboxOrganization;
let adapter: Required<ConnectorAdapter>;
beforeAll(async () => {
  org = await startSandboxOrganization({ sandbox: { now: TEST_NOW }, clock: { now: TEST_NOW } });
  adapter = org.adapter as Required<ConnectorAdapter>;
});
afterAll(() => org.sandbox.close());

const record = <T = any>(result: { kind: string }) => {
  expect(result.kind).toBe("done");
  return (result as unknown as { record: T }).record;
};
const legs = (type: string, id: number) => journalsOf(org.sandbox.books, type, id)[0]!.lines.map((l) => [l.subkey, l.debit, l.credit]);

describe("Daftra expenses", () => {
  it("creates an expense before tax: Daftra adds the tax, stores it gross, and posts net, tax and cash", async () => {
    const expense = record(await adapter.create("Expense", {
      date: "2026-11-04", amount: "200.00", taxRateCode: "1", category: "Utilities", description: "Electricity October", paidFromAccountCode: "1202",
    }, { dryRun: false }));
    expect(expense).toMatchObject({ kind: "EXPENSE", subTotal: "200.00", totalTax: "30.00", total: "230.00", category: "Utilities", taxRateCode: "1", paidFrom: { remoteId: "treasury:2" } });
    const id = Number(expense.remoteId);
    expect(org.sandbox.books.expenses.find((e) => e.id === id)).toMatchObject({ amount: "230.00", tax1_id: 1, treasury_id: 2, journal_account_id: 503 });
    expect(legs("expense", id)).toEqual([["expense_category", "200.00", "0.00"], ["outcome_tax", "30.00", "0.00"], ["treasury", "0.00", "230.00"]]);
  });

  it("opens an account for a new category, and the account list shows it right after", async () => {
    await adapter.list("Account", { first: 100, offset: 0, filter: {} }); // warm the cache
    const expense = record(await adapter.create("Expense", { date: "2026-11-05", amount: "80.00", category: "Cleaning" }, { dryRun: false }));
    const account = org.sandbox.books.journalAccounts.find((a) => a.name === "Cleaning")!;
    expect(org.sandbox.books.expenses.find((e) => e.id === Number(expense.remoteId))!.journal_account_id).toBe(account.id);
    const accounts = await adapter.list("Account", { first: 100, offset: 0, filter: { search: "Cleaning" } });
    expect(accounts.items.map((a) => a.code)).toEqual([account.code]);
  });

  it("books to an account given by code", async () => {
    const expense = record(await adapter.create("Expense", { date: "2026-11-05", amount: "60.00", accountCode: "5205", category: "Ads" }, { dryRun: false }));
    expect(org.sandbox.books.expenses.find((e) => e.id === Number(expense.remoteId))!.journal_account_id).toBe(506);
  });

  it("updates the amount and tax, re-posting the journal", async () => {
    const created = record(await adapter.create("Expense", { date: "2026-11-06", amount: "100.00", category: "Rent" }, { dryRun: false }));
    const updated = record(await adapter.update("Expense", created.remoteId, { amount: "120.00", taxRateCode: "3", description: "Storage rent" }, { dryRun: false }));
    expect(updated).toMatchObject({ subTotal: "120.00", totalTax: "6.00", total: "126.00", description: "Storage rent", category: "Rent" });
    expect(legs("expense", Number(created.remoteId))).toEqual([["expense_category", "120.00", "0.00"], ["outcome_tax", "6.00", "0.00"], ["treasury", "0.00", "126.00"]]);
    const dated = record(await adapter.update("Expense", created.remoteId, { date: "2026-11-07" }, { dryRun: false }));
    expect(dated).toMatchObject({ date: "2026-11-07", total: "126.00" });
  });

  it("updates an income through the same entity", async () => {
    const income = org.sandbox.books.expenses.find((e) => e.is_income)!;
    const updated = record(await adapter.update("Expense", String(income.id), { description: "Bank interest Q4" }, { dryRun: false }));
    expect(updated).toMatchObject({ kind: "INCOME", description: "Bank interest Q4" });
    expect(org.sandbox.books.expenses.find((e) => e.id === income.id)!.note).toBe("Bank interest Q4");
  });

  it.each([
    ["a negative amount", { date: "2026-11-05", amount: "-5.00" }, "PROVIDER_VALIDATION"],
    ["an unknown tax", { date: "2026-11-05", amount: "5.00", taxRateCode: "99" }, "PROVIDER_VALIDATION"],
    ["a bank account that does not exist", { date: "2026-11-05", amount: "5.00", paidFromAccountCode: "9999" }, "BAD_USER_INPUT"],
    ["a supplier as the contact", { date: "2026-11-05", amount: "5.00", contactRemoteId: "supplier:1" }, "NOT_SUPPORTED"],
    ["a project", { date: "2026-11-05", amount: "5.00", projectRemoteId: "p-1" }, "NOT_SUPPORTED"],
  ])("refuses %s", async (_name, input, code) => {
    const count = org.sandbox.books.expenses.length;
    expect((await failureOf(adapter.create("Expense", input, { dryRun: false }))).code).toBe(code);
    expect(org.sandbox.books.expenses).toHaveLength(count);
  });

  it("answers a dry run with the exact request, writing nothing", async () => {
    org.sandbox.stats.reset();
    expect(await adapter.create("Expense", { date: "2026-11-05", amount: "12.50", taxRateCode: "1", description: "Pens", category: "Office Supplies" }, { dryRun: true })).toEqual({
      kind: "dryRun",
      request: { method: "POST", path: "/api2/expenses.json", body: { Expense: { amount: "12.50", tax1_included: 0, tax1_id: "1", date: "2026-11-05", note: "Pens", category: "Office Supplies" } } },
    });
    expect(org.sandbox.stats.total).toBe(0);
  });
});

describe("Daftra items and stock", () => {
  it("creates a tracked product", async () => {
    const item = record(await adapter.create("Item", { code: "P-900", name: "Ergonomic Footrest", salesUnitPrice: "120.00", purchaseUnitPrice: "70.00", taxRateCode: "1", isTracked: true }, { dryRun: false }));
    expect(item).toMatchObject({ code: "P-900", isTracked: true, quantityOnHand: "0", salesUnitPrice: "120.00", purchaseUnitPrice: "70.00" });
    expect(org.sandbox.books.products.find((p) => p.id === Number(item.remoteId))).toMatchObject({ product_code: "P-900", track_stock: 1, buy_price: "70.00" });
    expect((await failureOf(adapter.create("Item", { code: "P-900", name: "Duplicate" }, { dryRun: false }))).extensions.providerErrors).toEqual([{ field: "product_code", message: "Product code already exists" }]);
  });

  it("adds stock as a stock transaction: the product's stock rises and the inventory journal posts", async () => {
    const product = org.sandbox.books.products.find((p) => p.product_code === "P-004")!;
    const before = Number(product.stock_balance);
    const result = record(await adapter.perform("addStock", { itemRemoteId: String(product.id), quantity: "12", date: "2026-11-12", note: "Restock" }, { dryRun: false }));
    expect(result).toMatchObject({ quantityAdded: "12", via: expect.stringMatching(/^stock_transaction:\d+$/), item: { remoteId: String(product.id), quantityOnHand: String(before + 12) } });
    const txId = Number(result.via.split(":")[1]);
    expect(org.sandbox.books.stockTransactions!.find((t) => t.id === txId)).toMatchObject({ product_id: product.id, transaction_type: 1, quantity: "12", price: "108.00", source_type: 1 });
    expect(legs("stock_transaction", txId)).toEqual([["store", "1296.00", "0.00"], ["stock_adjustment", "0.00", "1296.00"]]);
  });

  it("credits the bank's ledger account when the stock was paid from it", async () => {
    const result = record(await adapter.perform("addStock", { itemRemoteId: "5", quantity: "3", unitCost: "50.00", bankAccountCode: "1201" }, { dryRun: false }));
    const txId = Number(result.via.split(":")[1]);
    expect(org.sandbox.books.stockTransactions!.find((t) => t.id === txId)).toMatchObject({ journal_account_id: 104, price: "50.00", date: "2026-11-15" });
  });

  it("refuses stock for a service with Daftra's message", async () => {
    const service = org.sandbox.books.products.find((p) => !p.track_stock)!;
    const failure = await failureOf(adapter.perform("addStock", { itemRemoteId: String(service.id), quantity: "1" }, { dryRun: false }));
    expect(failure.code).toBe("PROVIDER_VALIDATION");
    expect(failure.extensions.providerErrors).toEqual([{ field: "product_id", message: "This product does not track stock" }]);
    expect(service.stock_balance).toBe("0");
  });

  it("answers an addStock dry run with the exact request, writing nothing", async () => {
    const product = org.sandbox.books.products[0]!;
    const before = product.stock_balance;
    org.sandbox.stats.reset();
    expect(await adapter.perform("addStock", { itemRemoteId: String(product.id), quantity: "2", unitCost: "10.00", date: "2026-11-14" }, { dryRun: true })).toEqual({
      kind: "dryRun",
      request: { method: "POST", path: "/api2/stock_transactions.json", body: { StockTransaction: { product_id: String(product.id), transaction_type: 1, source_type: 1, quantity: "2", price: "10.00", date: "2026-11-14" } } },
    });
    expect(writeRequests(org.sandbox)).toBe(0);
    expect(product.stock_balance).toBe(before);
  });

  it("refuses to delete a product used on documents", async () => {
    expect((await failureOf(adapter.remove("Item", "1", { dryRun: false }))).message).toContain("Remove its transactions first");
  });
});

describe("Daftra: what it cannot do", () => {
  it.each([
    ["createPurchaseOrder", () => adapter.create("PurchaseOrder", { contactRemoteId: "supplier:1", lines: [] }, { dryRun: false }), "create PurchaseOrder", /no purchase orders/],
    ["createBankTransaction", () => adapter.create("BankTransaction", { kind: "SPEND", bankAccountCode: "1201", date: "2026-11-01", lines: [] }, { dryRun: false }), "create BankTransaction", /no bank transactions/],
    ["a bank transfer", () => adapter.perform("transfer", { fromAccountCode: "1201", toAccountCode: "1203", amount: "1.00", date: "2026-11-01" }, { dryRun: false }), "transfer BankTransaction", /no treasury transfers/],
    ["allocating a credit note", () => adapter.perform("allocateCredit", { creditNoteRemoteId: "1", documentType: "INVOICE", documentRemoteId: "1", amount: "1.00" }, { dryRun: false }), "allocate CreditNote", /no allocation endpoint/],
    ["sending an invoice", () => adapter.send("Invoice", "1", { dryRun: false }), "send Invoice", /emails an invoice/],
    ["createProject", () => adapter.create("Project", { name: "Fit-out" }, { dryRun: false }), "create Project", /no projects/],
  ])("%s answers NOT_SUPPORTED naming Daftra and the operation, with the reason, before any call", async (_name, run, operation, reason) => {
    org.sandbox.stats.reset();
    const failure = await failureOf(run());
    expect(failure).toMatchObject({ code: "NOT_SUPPORTED", extensions: { provider: "DAFTRA", operation } });
    expect(failure.message).toMatch(reason);
    expect(writeRequests(org.sandbox)).toBe(0);
  });

  it("leaves every journal balanced after all these writes, and the reports balanced", async () => {
    expect(unbalancedJournals(org.sandbox.books)).toEqual([]);
    expect(ledgerDifference(org.sandbox.books)).toBe("0.00");
    const pl = await adapter.profitAndLoss({ fromDate: "2026-11-01", toDate: "2026-11-15", periods: 0, timeframe: "MONTH", basis: "ACCRUAL" } as never);
    const bs = await adapter.balanceSheet({ date: "2026-11-15", periods: 0, timeframe: "MONTH", basis: "ACCRUAL" } as never);
    expect([pl.balanced, bs.balanced]).toEqual([true, true]);
  });
});
