import type { ListParams, Page } from "../../../src/connector/adapter.js";
import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import type { XeroApi } from "../client/xero-api.js";
import type { PagedListing, XeroEntity } from "../entities/xero-entity.js";
import type { MappingContext } from "../mapping/common.js";
import { planFixedPages, planPages } from "./paging.js";
import { pageInMemory } from "../../../src/connector/in-memory.js";
import { mapInSlices } from "../../../src/infra/event-loop-slices.js";
export { pageInMemory };

/**
 * One Relay page from a paged Xero list: records offset..offset+first-1 from the pages that hold
 * them (one call where a page size can hold the window, two for any window up to Xero's maximum),
 * and no further call once Xero shows the list has ended.
 */
export async function listPaged<E extends EntityName>(
  def: XeroEntity<E>,
  listing: PagedListing<unknown>,
  api: XeroApi,
  { first, offset, filter }: ListParams,
  ctx: MappingContext,
): Promise<Page<EntityTypes[E]>> {
  const plan = listing.sized ? planPages(offset, first) : planFixedPages(offset, first);
  const fetched: unknown[] = [];
  let itemCount: number | undefined;
  let lastPageFull = false;
  for (const page of plan.pages) {
    const result = await listing.fetch(api, filter, page, plan.pageSize);
    fetched.push(...result.records);
    itemCount = result.itemCount ?? itemCount;
    lastPageFull = result.records.length >= plan.pageSize;
    const ended = !lastPageFull || (itemCount !== undefined && page * plan.pageSize >= itemCount);
    if (ended || fetched.length >= plan.skip + first) break;
  }
  const window = fetched.slice(plan.skip, plan.skip + first);
  const moreFetched = fetched.length > plan.skip + window.length;
  const hasNextPage = itemCount !== undefined ? offset + window.length < itemCount : moreFetched || lastPageFull;
  return { items: await mapInSlices(window, (record) => def.map(record, ctx)), hasNextPage, totalCount: itemCount ?? null };
}
