/**
 * Relay offset windows → Xero `page`/`pageSize`. One upstream call serves the window whenever a
 * page size up to Xero's maximum can hold it; otherwise two consecutive pages of `first` do.
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses#paging
 */
export interface PagePlan {
  pageSize: number;
  /** 1-based pages to fetch, in order (one or two). */
  pages: number[];
  /** Records to drop from the start of the first page. */
  skip: number;
}

export const XERO_MAX_PAGE_SIZE = 1000;
/** Quotes (and unsized lists) page by a fixed 100 with no pagination object. */
export const XERO_FIXED_PAGE_SIZE = 100;

export function planPages(offset: number, first: number, maxPageSize = XERO_MAX_PAGE_SIZE): PagePlan {
  const want = Math.max(1, first);
  for (let size = want; size <= maxPageSize; size++) {
    const page = Math.floor(offset / size);
    if (offset + want <= (page + 1) * size) return { pageSize: size, pages: [page + 1], skip: offset - page * size };
  }
  const size = Math.min(want, maxPageSize);
  const page = Math.floor(offset / size);
  return { pageSize: size, pages: [page + 1, page + 2], skip: offset - page * size };
}

/**
 * Fixed-size pages: fetch through one record past the window (to learn whether more follow),
 * never more than two pages.
 */
export function planFixedPages(offset: number, first: number, size = XERO_FIXED_PAGE_SIZE): PagePlan {
  const firstPage = Math.floor(offset / size);
  const lastPage = Math.min(Math.floor((offset + Math.max(1, first)) / size), firstPage + 1);
  const pages = Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i + 1);
  return { pageSize: size, pages, skip: offset - firstPage * size };
}
