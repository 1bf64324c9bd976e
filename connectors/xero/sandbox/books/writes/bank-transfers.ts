import { randomUUID } from "node:crypto";
import { groupedAmount, money } from "../money.js";
import type { WriteOptions, WriteResult, XeroAccount, XeroBankTransfer, XeroBooks } from "../types.js";
import { recordChange } from "./audit.js";
import { bankAccountOf } from "./bank-transactions.js";
import { asElement, dateInput, failed, flag, numeric, succeeded, text, today, type Element } from "./input.js";
import { DATE_MESSAGE } from "./invoice-draft.js";

export const FROM_ACCOUNT_MESSAGE = "A valid FromBankAccount must be specified: an active account of type BANK.";
export const TO_ACCOUNT_MESSAGE = "A valid ToBankAccount must be specified: an active account of type BANK.";
export const SAME_ACCOUNT_MESSAGE = "The FromBankAccount and ToBankAccount must be different bank accounts.";
export const TRANSFER_AMOUNT_MESSAGE = "The Amount must be a number greater than zero.";

/** Each transfer also shows in both accounts as a SPEND-TRANSFER / RECEIVE-TRANSFER bank transaction. */
function leg(books: XeroBooks, type: "SPEND-TRANSFER" | "RECEIVE-TRANSFER", account: XeroAccount, transfer: { Date: string; Amount: number; Reference?: string }, reconciled: boolean, now: string): string {
  const id = randomUUID();
  books.bankTransactions.push({
    BankTransactionID: id, Type: type, BankAccount: { AccountID: account.AccountID, Code: account.Code, Name: account.Name },
    IsReconciled: reconciled, Date: transfer.Date, ...(transfer.Reference ? { Reference: transfer.Reference } : {}), Status: "AUTHORISED",
    LineAmountTypes: "NoTax", LineItems: [], SubTotal: transfer.Amount, TotalTax: 0, Total: transfer.Amount,
    CurrencyCode: books.organisation.BaseCurrency, CurrencyRate: 1, HasAttachments: false, UpdatedDateUTC: now,
  });
  return id;
}

function createTransfer(books: XeroBooks, el: Element, opts: WriteOptions): WriteResult<XeroBankTransfer> {
  const errors: string[] = [];
  const from = bankAccountOf(books, el.FromBankAccount);
  const to = bankAccountOf(books, el.ToBankAccount);
  if (!from) errors.push(FROM_ACCOUNT_MESSAGE);
  if (!to) errors.push(TO_ACCOUNT_MESSAGE);
  if (from && to && from.AccountID === to.AccountID) errors.push(SAME_ACCOUNT_MESSAGE);
  const requested = numeric(el.Amount);
  const amount = requested === undefined || Number.isNaN(requested) ? undefined : money(requested);
  if (amount === undefined || amount <= 0) errors.push(TRANSFER_AMOUNT_MESSAGE);
  const dateIn = dateInput(el.Date);
  if (dateIn === null) errors.push(DATE_MESSAGE);
  if (errors.length || !from || !to || amount === undefined) return failed(el, errors);

  const reference = text(el.Reference);
  const details = { Date: dateIn ?? today(opts.now), Amount: amount, ...(reference ? { Reference: reference } : {}) };
  const fromReconciled = flag(el.FromIsReconciled) ?? false, toReconciled = flag(el.ToIsReconciled) ?? false;
  const transfer: XeroBankTransfer = {
    BankTransferID: randomUUID(),
    FromBankAccount: { AccountID: from.AccountID, Code: from.Code, Name: from.Name },
    ToBankAccount: { AccountID: to.AccountID, Code: to.Code, Name: to.Name },
    ...details,
    CurrencyRate: 1,
    FromBankTransactionID: leg(books, "SPEND-TRANSFER", from, details, fromReconciled, opts.now),
    ToBankTransactionID: leg(books, "RECEIVE-TRANSFER", to, details, toReconciled, opts.now),
    FromIsReconciled: fromReconciled,
    ToIsReconciled: toReconciled,
    HasAttachments: false,
    Status: "AUTHORISED",
    CreatedDateUTC: opts.now,
  };
  books.bankTransfers.push(transfer);
  recordChange(books, transfer.BankTransferID, "Created", `Transfer of ${groupedAmount(amount)} from ${from.Name} to ${to.Name}.`, opts.now);
  return succeeded(transfer);
}

/** PUT /BankTransfers: moves money between two different bank accounts; the ledger posts it once, from the transfer. */
export function writeBankTransfers(books: XeroBooks, elements: unknown[], opts: WriteOptions): WriteResult<XeroBankTransfer>[] {
  return elements.map((raw) => {
    const el = asElement(raw);
    if (text(el.BankTransferID)) return failed(raw, ["A bank transfer cannot be edited once created."]);
    return createTransfer(books, el, opts);
  });
}
