import { Decimal, sumDecimal } from "../money.js";
import type { XeroBooks } from "../types.js";
import type { AccountIndex } from "./accounts.js";
import { controlAccount, documentPostings } from "./documents.js";
import type { JournalLine } from "./types.js";

/** Spend/receive money and transfers post the same way on both bases. */
export function bankingLines(books: XeroBooks, accounts: AccountIndex): JournalLine[] {
  const lines: JournalLine[] = [];
  for (const tx of books.bankTransactions) {
    // Transfer legs are posted once, from the BankTransfer record.
    if (tx.Status !== "AUTHORISED" || tx.Type.endsWith("-TRANSFER")) continue;
    const source = { type: "BankTransaction" as const, id: tx.BankTransactionID };
    const postings = documentPostings(tx, accounts);
    lines.push(...postings.map((p) => accounts.line(tx.Date, p, source)));
    const bank = { accountCode: controlAccount(tx, accounts), amount: sumDecimal(postings.map((p) => p.amount)).negated() };
    lines.push(accounts.line(tx.Date, bank, source));
  }
  for (const transfer of books.bankTransfers) {
    if (transfer.Status !== "AUTHORISED") continue;
    const source = { type: "BankTransfer" as const, id: transfer.BankTransferID };
    const amount = new Decimal(transfer.Amount);
    lines.push(accounts.line(transfer.Date, { accountCode: transfer.ToBankAccount.Code, amount }, source));
    lines.push(accounts.line(transfer.Date, { accountCode: transfer.FromBankAccount.Code, amount: amount.negated() }, source));
  }
  return lines;
}
