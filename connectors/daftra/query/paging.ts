/**
 * Relay windows → Daftra `page`/`limit`: the smallest `limit` (from the window size up) whose one
 * page holds the whole window, so each window costs one call.
 * https://docs.daftara.dev/15115241e0 (page is 1-based; limit has no documented maximum)
 */
export interface WindowPlan {
  page: number;
  limit: number;
  /** Records to drop from the start of the page. */
  skip: number;
}

export function planWindow(offset: number, count: number): WindowPlan {
  const size = Math.max(1, count);
  for (let limit = size; ; limit++) {
    const page = Math.floor(offset / limit);
    if ((page + 1) * limit >= offset + size) return { page: page + 1, limit, skip: offset - page * limit };
  }
}
