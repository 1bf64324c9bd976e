import type { ListFilter } from "../../../src/connector/adapter.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { Query } from "../client/clientary-api.js";
import { pageEnvelope } from "../client/schemas/common.js";
import type { ClientaryServices } from "../create-clientary-services.js";
import type { PagedListing } from "../entities/clientary-entity.js";
import { CLIENTARY_MAX_PAGE_SIZE } from "./page-plan.js";

/** Pages read when a list must be read through (updated_since, scans); a longer list is refused rather than read halfway. */
export const MAX_SCAN_PAGES = 50;

export interface FetchedPage {
  records: unknown[];
  totalCount?: number;
  pageCount?: number;
}

/** One page of a paged list. The envelope is parsed before any record is used. */
export async function fetchPage(services: ClientaryServices, listing: PagedListing, filter: ListFilter, page: number, pageSize: number, extra: Query = {}): Promise<FetchedPage> {
  const { path, query } = listing.request(filter);
  const body = await services.api.get(path, pageEnvelope(listing.key, listing.schema), { ...query, ...extra, page, page_size: pageSize });
  return { records: body[listing.key] ?? [], totalCount: body.total_count ?? undefined, pageCount: body.page_count ?? undefined };
}

const tooLong = (key: string) =>
  new GatewayError(ErrorCode.BAD_USER_INPUT, `Clientary's ${key} list is longer than the ${MAX_SCAN_PAGES * CLIENTARY_MAX_PAGE_SIZE} records the gateway reads through at once. Narrow it (for example with a later updatedSince).`, {
    details: { provider: "CLIENTARY" },
  });

/** Every page of a list, 100 at a time, stopping at `page_count` (or a short page). */
export async function fetchAllPages(services: ClientaryServices, listing: PagedListing, filter: ListFilter, extra: Query = {}): Promise<unknown[]> {
  const records: unknown[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchPage(services, listing, filter, page, CLIENTARY_MAX_PAGE_SIZE, extra);
    records.push(...result.records);
    const pageCount = result.pageCount ?? (result.records.length < CLIENTARY_MAX_PAGE_SIZE ? page : page + 1);
    if (page >= pageCount || result.records.length === 0) return records;
    if (page >= MAX_SCAN_PAGES) throw tooLong(listing.key);
  }
}
