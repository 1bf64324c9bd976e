/**
 * Relay offset windows → Xero `page`/`pageSize`. One upstream call serves the window whenever a
 * page size up to Xero's maximum can hold it; otherwise consecutive pages (two for any window up to
 * the maximum) do.
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses#paging
 */
export interface PagePlan {
  pageSize: number;
  /** 1-based pages to fetch, in order. */
  pages: number[];
  /** Records to drop from the start of the first page. */
  skip: number;
}

/** `pageSize` 1..1000 on the endpoints that take it (Invoices, Contacts, CreditNotes, BankTransactions, Payments, PurchaseOrders…). */
export const XERO_MAX_PAGE_SIZE = 1000;
/** Quotes (and unsized lists) page by a fixed 100 with no pagination object. */
export const XERO_FIXED_PAGE_SIZE = 100;

/** The consecutive 1-based pages of `size` that hold records offset..offset+count-1. */
function spanningPages(offset: number, count: number, size: number): PagePlan {
  const firstPage = Math.floor(offset / size);
  const lastPage = Math.floor((offset + Math.max(1, count) - 1) / size);
  return { pageSize: size, pages: Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i + 1), skip: offset - firstPage * size };
}

export function planPages(offset: number, first: number, maxPageSize = XERO_MAX_PAGE_SIZE): PagePlan {
  const want = Math.max(1, first);
  for (let size = want; size <= maxPageSize; size++) {
    const page = Math.floor(offset / size);
    if (offset + want <= (page + 1) * size) return { pageSize: size, pages: [page + 1], skip: offset - page * size };
  }
  return spanningPages(offset, want, Math.min(want, maxPageSize));
}

/**
 * Fixed-size pages: exactly the pages that hold the window, so a page-aligned window of 100 costs
 * one call (whether more follow is then judged by whether the last page was full).
 */
export function planFixedPages(offset: number, first: number, size = XERO_FIXED_PAGE_SIZE): PagePlan {
  return spanningPages(offset, first, size);
}
