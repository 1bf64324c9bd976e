/** Test helpers over the sandbox's stored books: balances straight from its double-entry journal. */
import { journal, type Basis } from "../sandbox/books/ledger.js";
import { Decimal, sumDecimal } from "../sandbox/books/money.js";
import type { XeroBooks } from "../sandbox/books/types.js";

/** Debit-positive balance of one account, on a basis, as the sandbox's reports would show it. */
export function accountBalance(books: XeroBooks, code: string, basis: Basis = "ACCRUAL"): string {
  return sumDecimal(journal(books, basis).filter((l) => l.accountCode === code).map((l) => l.amount)).toFixed(2);
}

/** Sources (documents, payments, allocations, transfers) whose journal lines do not sum to zero. */
export function unbalancedSources(books: XeroBooks, basis: Basis): string[] {
  const sums = new Map<string, Decimal>();
  for (const line of journal(books, basis)) sums.set(line.source.id, (sums.get(line.source.id) ?? new Decimal(0)).plus(line.amount));
  return [...sums].filter(([, sum]) => !sum.isZero()).map(([id, sum]) => `${id}: ${sum.toFixed(2)}`);
}
