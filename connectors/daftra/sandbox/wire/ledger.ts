import { Decimal } from "decimal.js";
import type { DaftraBooks } from "../books/types.js";

export interface AccountTotals {
  debit: Decimal;
  credit: Decimal;
}

/** Running debit/credit per journal account, from every journal line. */
export function accountTotals(books: DaftraBooks): Map<number, AccountTotals> {
  const totals = new Map<number, AccountTotals>();
  for (const journal of books.journals) {
    for (const line of journal.lines) {
      const t = totals.get(line.journal_account_id) ?? { debit: new Decimal(0), credit: new Decimal(0) };
      totals.set(line.journal_account_id, { debit: t.debit.plus(line.debit), credit: t.credit.plus(line.credit) });
    }
  }
  return totals;
}
