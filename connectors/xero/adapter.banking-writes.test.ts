import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportBasis, ReportTimeframe } from "../../schema/report/report-enums.js";
import type { BankTransactionInput } from "../../src/connector/inputs.js";
import type { BankTransfer, WriteOptions } from "../../src/connector/writes.js";
import { Decimal } from "../../src/money/decimal.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";
import { accountBalance, unbalancedSources } from "./testing/books-ledger.js";

const send: WriteOptions = { dryRun: false };
let org: SandboxOrganization;
beforeAll(async () => (org = await startSandboxOrganization({ sandbox: { today: "2026-11-22" } })));
afterAll(() => org.sandbox.close());

const books = () => org.sandbox.books;
const adapter = () => org.adapter;
const contact = () => books().contacts.find((c) => c.ContactStatus === "ACTIVE")!;
const plus = (a: string, b: string) => new Decimal(a).plus(b).toFixed(2);
const done = <T>(result: { kind: string }) => (result as unknown as { record: T }).record;

const spend = (overrides: Partial<BankTransactionInput> = {}): BankTransactionInput => ({
  kind: "SPEND", bankAccountCode: "090", contactRemoteId: contact().ContactID, date: "2026-11-14", lineAmountType: "NO_TAX" as BankTransactionInput["lineAmountType"],
  lines: [{ description: "Courier", quantity: "1", unitAmount: "64.50", accountCode: "429" }], reference: "Courier run", ...overrides,
});
const transfer = (fromAccountCode: string, toAccountCode: string, amount: string, options = send) =>
  adapter().perform!("transfer", { fromAccountCode, toAccountCode, amount, date: "2026-11-15", reference: "Sweep" }, options);

async function expectReportsBalance() {
  for (const basis of [ReportBasis.ACCRUAL, ReportBasis.CASH]) {
    expect(unbalancedSources(books(), basis)).toEqual([]);
    const bs = await adapter().balanceSheet({ date: "2026-11-30", periods: 0, timeframe: ReportTimeframe.MONTH, basis });
    const pl = await adapter().profitAndLoss({ fromDate: "2026-11-01", toDate: "2026-11-30", periods: 0, timeframe: ReportTimeframe.MONTH, basis });
    expect([bs.balanced, pl.balanced]).toEqual([true, true]);
  }
}

describe("createBankTransaction", () => {
  it("spend money leaves the bank and lands on the expense account, on both bases", async () => {
    const bank = accountBalance(books(), "090"), expense = accountBalance(books(), "429", "CASH");
    const record = done<{ remoteId: string; kind: string; total: string }>(await adapter().create!("BankTransaction", spend(), send));
    const stored = books().bankTransactions.find((t) => t.BankTransactionID === record.remoteId)!;
    expect(stored).toMatchObject({ Type: "SPEND", Status: "AUTHORISED", Date: "2026-11-14", Total: 64.5, Reference: "Courier run", BankAccount: { Code: "090" }, Contact: { ContactID: contact().ContactID } });
    expect(record).toMatchObject({ kind: "SPEND", total: "64.50" });
    expect(accountBalance(books(), "090")).toBe(plus(bank, "-64.50"));
    expect(accountBalance(books(), "429", "CASH")).toBe(plus(expense, "64.50"));
    expect((await adapter().getMany("BankTransaction", [record.remoteId]))[0]).toMatchObject({ reference: "Courier run" });
    await expectReportsBalance();
  });

  it("receive money enters the bank with its sales tax", async () => {
    const bank = accountBalance(books(), "091");
    const input = spend({ kind: "RECEIVE", bankAccountCode: "091", lineAmountType: "EXCLUSIVE" as BankTransactionInput["lineAmountType"], lines: [{ description: "Cash sale", quantity: "2", unitAmount: "50.00", accountCode: "200", taxRateCode: "OUTPUT" }] });
    const record = done<{ remoteId: string }>(await adapter().create!("BankTransaction", input, send));
    const stored = books().bankTransactions.find((t) => t.BankTransactionID === record.remoteId)!;
    expect(stored).toMatchObject({ Type: "RECEIVE", SubTotal: 100 });
    expect(stored.TotalTax).toBeGreaterThan(0);
    expect(accountBalance(books(), "091")).toBe(plus(bank, String(stored.Total)));
    await expectReportsBalance();
  });

  it("refuses a line coded to a bank account and a bank account that is not one, with Xero's messages", async () => {
    const before = books().bankTransactions.length;
    await expect(adapter().create!("BankTransaction", spend({ bankAccountCode: "200" }), send)).rejects.toMatchObject({ extensions: { code: "PROVIDER_VALIDATION" }, message: expect.stringContaining("BankAccount") });
    await expect(adapter().create!("BankTransaction", spend({ lines: [{ description: "x", quantity: "1", unitAmount: "5", accountCode: "091" }] }), send))
      .rejects.toMatchObject({ extensions: { code: "PROVIDER_VALIDATION" }, message: expect.stringContaining("Account code '091'") });
    await expect(adapter().create!("BankTransaction", spend({ contactRemoteId: null }), send)).rejects.toMatchObject({ extensions: { code: "PROVIDER_VALIDATION" }, message: expect.stringContaining("Contact must be specified") });
    expect(books().bankTransactions.length).toBe(before);
  });
});

describe("transfer", () => {
  it("moves money between two bank accounts through a transfer and its two bank transactions", async () => {
    const balances = () => (["ACCRUAL", "CASH"] as const).flatMap((basis) => [accountBalance(books(), "090", basis), accountBalance(books(), "091", basis)]);
    const before = balances();
    const result = done<BankTransfer>(await transfer("090", "091", "2500.00"));
    const stored = books().bankTransfers.find((t) => t.BankTransferID === result.remoteId)!;
    expect(stored).toMatchObject({ Amount: 2500, Date: "2026-11-15", Reference: "Sweep", Status: "AUTHORISED", FromBankAccount: { Code: "090" }, ToBankAccount: { Code: "091" } });
    expect(result).toEqual({
      remoteId: stored.BankTransferID, fromAccountCode: "090", toAccountCode: "091", amount: "2500.00", date: "2026-11-15", reference: "Sweep",
      fromTransactionRemoteId: stored.FromBankTransactionID, toTransactionRemoteId: stored.ToBankTransactionID,
    });
    const legs = [stored.FromBankTransactionID, stored.ToBankTransactionID].map((id) => books().bankTransactions.find((t) => t.BankTransactionID === id)!);
    expect(legs.map((l) => [l.Type, l.BankAccount.Code, l.Total])).toEqual([["SPEND-TRANSFER", "090", 2500], ["RECEIVE-TRANSFER", "091", 2500]]);
    expect(balances()).toEqual(before.map((balance, i) => plus(balance, i % 2 === 0 ? "-2500.00" : "2500.00")));
    await expectReportsBalance();
  });

  it.each([
    ["to the same account", "090", "090", "10.00", /must be different/],
    ["from an account that is not a bank account", "200", "091", "10.00", /FromBankAccount/],
    ["of nothing", "090", "091", "0", /greater than zero/],
  ])("refuses a transfer %s with Xero's message", async (_case, from, to, amount, message) => {
    const before = books().bankTransfers.length;
    await expect(transfer(from, to, amount)).rejects.toMatchObject({ extensions: { code: "PROVIDER_VALIDATION", provider: "XERO" }, message: expect.stringMatching(message) });
    expect(books().bankTransfers.length).toBe(before);
  });

  it("retried with its idempotency key moves the money once", async () => {
    const before = books().bankTransfers.length;
    const options = { dryRun: false, idempotencyKey: "sweep-once" };
    const [a, b] = [done<BankTransfer>(await transfer("091", "090", "75.00", options)), done<BankTransfer>(await transfer("091", "090", "75.00", options))];
    expect(b.remoteId).toBe(a.remoteId);
    expect(books().bankTransfers.length).toBe(before + 1);
  });
});

describe("dry runs", () => {
  it("describe the exact requests and send nothing", async () => {
    const counts = [books().bankTransactions.length, books().bankTransfers.length];
    org.sandbox.stats.reset();
    const dry = { dryRun: true };
    const tx = await adapter().create!("BankTransaction", spend(), dry);
    const move = await transfer("090", "091", "12.34", dry);
    expect(org.sandbox.stats.total).toBe(0);
    expect([books().bankTransactions.length, books().bankTransfers.length]).toEqual(counts);
    expect(tx).toEqual({ kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/BankTransactions?summarizeErrors=true&unitdp=4", body: { BankTransactions: [{
      Type: "SPEND", Contact: { ContactID: contact().ContactID }, LineItems: [{ Description: "Courier", Quantity: "1", UnitAmount: "64.50", AccountCode: "429" }],
      BankAccount: { Code: "090" }, Date: "2026-11-14", Reference: "Courier run", LineAmountTypes: "NoTax" }] } } });
    expect(move).toEqual({ kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/BankTransfers", body: { BankTransfers: [{
      FromBankAccount: { Code: "090" }, ToBankAccount: { Code: "091" }, Amount: "12.34", Date: "2026-11-15", Reference: "Sweep" }] } } });
  });
});

describe("expenses", () => {
  it("are not a Xero record: listing and creating answer NOT_SUPPORTED saying to use a SPEND bank transaction", async () => {
    await expect(adapter().list("Expense", { first: 1, offset: 0, filter: {} })).rejects.toMatchObject({ extensions: { code: "NOT_SUPPORTED", provider: "XERO" }, message: expect.stringContaining("kind SPEND") });
    await expect(adapter().create!("Expense", { date: "2026-11-01", amount: "10.00" }, send)).rejects.toMatchObject({ extensions: { code: "NOT_SUPPORTED" }, message: expect.stringContaining("createBankTransaction") });
    await expect(adapter().create!("Project", { name: "Fit-out" }, send)).rejects.toMatchObject({ extensions: { code: "NOT_SUPPORTED" }, message: expect.stringContaining("Xero Projects") });
  });
});
