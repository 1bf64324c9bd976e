import { AccountIndex } from "./ledger/accounts.js";
import { accrualLines } from "./ledger/accrual.js";
import { bankingLines } from "./ledger/banking.js";
import { cashLines } from "./ledger/cash.js";
import type { Basis, JournalLine } from "./ledger/types.js";
import type { XeroBooks } from "./types.js";

export type { Basis, JournalLine, JournalSourceType } from "./ledger/types.js";

/**
 * Double-entry journal lines derived from the documents. Only approved (AUTHORISED/PAID)
 * documents and AUTHORISED payments, bank transactions and transfers post; drafts, submitted,
 * voided and deleted records post nothing. The lines of each source sum to zero.
 */
export function journal(books: XeroBooks, basis: Basis): JournalLine[] {
  const accounts = new AccountIndex(books);
  const documents = basis === "ACCRUAL" ? accrualLines(books, accounts) : cashLines(books, accounts);
  return [...documents, ...bankingLines(books, accounts)];
}
