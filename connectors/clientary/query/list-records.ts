import type { ListParams, Page } from "../../../src/connector/adapter.js";
import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import type { ClientaryServices } from "../create-clientary-services.js";
import type { ClientaryEntity, PagedListing } from "../entities/clientary-entity.js";
import type { MappingContext } from "../mapping/common.js";
import { fetchAllPages, fetchPage } from "./fetch-pages.js";
import { planPages } from "./page-plan.js";
import { changedSince, sinceDay } from "./updated-since.js";
import { pageInMemory } from "../../../src/connector/in-memory.js";
import { mapInSlices } from "../../../src/infra/event-loop-slices.js";
export { pageInMemory };

export async function mapRecords<E extends EntityName>(def: ClientaryEntity<E>, services: ClientaryServices, records: unknown[], ctx: MappingContext): Promise<Array<EntityTypes[E]>> {
  const joined = def.join ? await def.join(services, records) : records;
  return mapInSlices(joined, (record) => def.map(record as never, ctx));
}


/**
 * One Relay page of a paged Clientary list: the pages the window spans (usually one call), with
 * `total_count` deciding whether more follow. With `updatedSince` the day-granular change list is
 * read through, narrowed to the instant and paged in memory.
 */
export async function listPaged<E extends EntityName>(
  def: ClientaryEntity<E>,
  listing: PagedListing,
  services: ClientaryServices,
  params: ListParams,
  ctx: MappingContext,
): Promise<Page<EntityTypes[E]>> {
  const { first, offset, filter } = params;
  if (filter.updatedSince && listing.updatedSince) {
    const changed = changedSince(await fetchAllPages(services, listing, filter, { updated_since: sinceDay(filter.updatedSince) }), filter);
    const page = pageInMemory(changed, params);
    return { ...page, items: await mapRecords(def, services, page.items, ctx) };
  }
  const plan = planPages(offset, first);
  const fetched: unknown[] = [];
  let totalCount: number | undefined;
  for (const page of plan.pages) {
    const result = await fetchPage(services, listing, filter, page, plan.pageSize);
    fetched.push(...result.records);
    totalCount = result.totalCount ?? totalCount;
    if (result.records.length < plan.pageSize) break;
  }
  const window = fetched.slice(plan.skip, plan.skip + first);
  const hasNextPage = totalCount !== undefined ? offset + window.length < totalCount : fetched.length > plan.skip + first || fetched.length === plan.pages.length * plan.pageSize;
  return { items: await mapRecords(def, services, window, ctx), hasNextPage, totalCount: totalCount ?? null };
}
