import type { DaftraBooks } from "../books/types.js";
import { accountTotals, type AccountTotals } from "./ledger.js";

/** What serializers need: the books, the display date format, and ledger totals computed once per request. */
export interface WireContext {
  books: DaftraBooks;
  dateFormat: string;
  totals(): Map<number, AccountTotals>;
}

export function wireContext(books: DaftraBooks): WireContext {
  let totals: Map<number, AccountTotals> | undefined;
  return { books, dateFormat: books.site.date_format, totals: () => (totals ??= accountTotals(books)) };
}
