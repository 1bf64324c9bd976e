/**
 * `page` / `pageSize` paging: 1-based pages of 100 by default, pageSize 1..1000 (larger capped),
 * past the last page an empty list. Paged endpoints answer with a `pagination` object.
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses#paging
 */

export interface Paging {
  page: number;
  pageSize: number;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  itemCount: number;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

/** Undefined when the request asked for no paging; `pageSize` is honoured only where allowed. */
export function readPaging(page: string | undefined, pageSize: string | undefined, sizeAllowed: boolean): Paging | undefined {
  if (page === undefined && (pageSize === undefined || !sizeAllowed)) return undefined;
  const size = sizeAllowed ? Math.min(positiveInt(pageSize) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  return { page: positiveInt(page) ?? 1, pageSize: size };
}

export function paginate<T>(records: T[], paging: Paging): { items: T[]; pagination: Pagination } {
  const start = (paging.page - 1) * paging.pageSize;
  return {
    items: records.slice(start, start + paging.pageSize),
    pagination: {
      page: paging.page,
      pageSize: paging.pageSize,
      pageCount: Math.ceil(records.length / paging.pageSize),
      itemCount: records.length,
    },
  };
}
