/**
 * Relay windows → Daftra `page`/`limit`: the smallest `limit` (from the window size up to the
 * maximum) whose one page holds the whole window, so a window costs one call; a window no such page
 * holds takes consecutive pages of the maximum (two for any window up to it).
 * https://docs.daftara.dev/15115241e0 (page is 1-based; limit defaults to 20)
 */
export interface WindowPlan {
  /** 1-based pages to fetch, in order. */
  pages: number[];
  limit: number;
  /** Records to drop from the start of the first page. */
  skip: number;
}

/**
 * The largest `limit` the connector asks for. Daftra's current documents enforce no maximum ("very
 * large values return very large responses"); an older copy of them gave 1000, which also keeps
 * one answer (documents with their lines) to a size Daftra serves reliably.
 */
export const DAFTRA_MAX_LIMIT = 1000;

export function planWindow(offset: number, count: number, maxLimit = DAFTRA_MAX_LIMIT): WindowPlan {
  const size = Math.max(1, count);
  for (let limit = size; limit <= maxLimit; limit++) {
    const page = Math.floor(offset / limit);
    if ((page + 1) * limit >= offset + size) return { pages: [page + 1], limit, skip: offset - page * limit };
  }
  const limit = Math.min(size, maxLimit);
  const firstPage = Math.floor(offset / limit);
  const lastPage = Math.floor((offset + size - 1) / limit);
  return { pages: Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i + 1), limit, skip: offset - firstPage * limit };
}
