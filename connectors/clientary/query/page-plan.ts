/**
 * Relay offset windows → Clientary `page`/`page_size` (≤ 100). One call serves the window whenever
 * some page size can hold it; otherwise consecutive pages of 100 do.
 * https://www.clientary.com/api (pagination)
 */
export const CLIENTARY_MAX_PAGE_SIZE = 100;

export interface PagePlan {
  pageSize: number;
  /** 1-based pages to fetch, in order. */
  pages: number[];
  /** Records to drop from the start of the first page. */
  skip: number;
}

export function planPages(offset: number, first: number, max = CLIENTARY_MAX_PAGE_SIZE): PagePlan {
  const want = Math.max(1, first);
  for (let size = want; size <= max; size++) {
    const page = Math.floor(offset / size);
    if (offset + want <= (page + 1) * size) return { pageSize: size, pages: [page + 1], skip: offset - page * size };
  }
  const firstPage = Math.floor(offset / max);
  const lastPage = Math.floor((offset + want - 1) / max);
  return { pageSize: max, pages: Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i + 1), skip: offset - firstPage * max };
}
