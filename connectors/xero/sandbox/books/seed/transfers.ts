import { daysBetween } from "../dates.js";
import type { XeroAccount, XeroBankTransfer } from "../types.js";
import type { MonthWindow } from "./calendar.js";
import { CODES } from "./chart.js";
import type { SeedContext } from "./context.js";

/** Each transfer also appears as a SPEND-TRANSFER / RECEIVE-TRANSFER pair of bank transactions, as in Xero. */
function transfer(ctx: SeedContext, from: XeroAccount, to: XeroAccount, date: string, amount: number): void {
  const reconciled = daysBetween(date, ctx.today) > 10;
  const created = ctx.stamp(date);
  const leg = (type: "SPEND-TRANSFER" | "RECEIVE-TRANSFER", bank: XeroAccount) => {
    const id = ctx.guid();
    ctx.books.bankTransactions.push({
      BankTransactionID: id, Type: type, BankAccount: { AccountID: bank.AccountID, Code: bank.Code, Name: bank.Name },
      IsReconciled: reconciled, Date: date, Reference: "Transfer", Status: "AUTHORISED", LineAmountTypes: "NoTax", LineItems: [],
      SubTotal: amount, TotalTax: 0, Total: amount, CurrencyCode: ctx.books.organisation.BaseCurrency, CurrencyRate: 1,
      HasAttachments: false, UpdatedDateUTC: created,
    });
    return id;
  };
  const record: XeroBankTransfer = {
    BankTransferID: ctx.guid(),
    FromBankAccount: { AccountID: from.AccountID, Code: from.Code, Name: from.Name },
    ToBankAccount: { AccountID: to.AccountID, Code: to.Code, Name: to.Name },
    Amount: amount,
    Date: date,
    CurrencyRate: 1,
    FromBankTransactionID: leg("SPEND-TRANSFER", from),
    ToBankTransactionID: leg("RECEIVE-TRANSFER", to),
    FromIsReconciled: reconciled,
    ToIsReconciled: reconciled,
    Reference: "Transfer",
    HasAttachments: false,
    Status: "AUTHORISED",
    CreatedDateUTC: created,
  };
  ctx.books.bankTransfers.push(record);
}

/** Sweeps surplus cash to savings mid-month; twice a year some comes back. */
export function seedTransfers(ctx: SeedContext, window: MonthWindow, index: number): void {
  const date = window.from.slice(0, 8) + "16";
  if (date < window.from || date > window.to) return;
  const bank = ctx.account(CODES.bank), savings = ctx.account(CODES.savings);
  transfer(ctx, bank, savings, date, ctx.rng.int(8, 15) * 1000);
  if (index % 6 === 5) transfer(ctx, savings, bank, date, 25000);
}
