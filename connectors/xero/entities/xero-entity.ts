import type { ListFilter } from "../../../src/connector/adapter.js";
import type { ListFilterName } from "../../../src/connector/capabilities.js";
import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import type { AccountingApi } from "xero-node";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";

export interface FetchedPage<R> {
  records: R[];
  /** Xero's `pagination.itemCount`, where the endpoint reports it. */
  itemCount?: number;
}

/** Lists Xero pages itself: `sized` endpoints take `pageSize`, the others page by 100. */
export interface PagedListing<R> {
  kind: "paged";
  sized: boolean;
  fetch(api: XeroApi, filter: ListFilter, page: number, pageSize: number): Promise<FetchedPage<R>>;
}

/** One call returns every record; `cached` ones are reference data kept in the cache and filtered in memory. */
export interface WholeListing<R> {
  kind: "whole";
  cached: boolean;
  fetch(api: XeroApi, filter: ListFilter): Promise<R[]>;
}

/** How `getMany` reaches records by id: `IDs=` batches, one GET each, or the whole list. */
export type Lookup<R> =
  | { kind: "batch"; fetch(api: XeroApi, ids: string[]): Promise<R[]> }
  | { kind: "each"; fetch(api: XeroApi, id: string): Promise<R | undefined> }
  | { kind: "whole" };

/**
 * A lookup by one GET per id: `get` calls the SDK's single-record method, `pick` takes the
 * one-element list out of Xero's envelope.
 */
export function lookupEach<R, B>(
  what: EntityName,
  get: (x: AccountingApi, tenant: string, id: string) => Promise<{ body: B }>,
  pick: (body: B) => R[] | undefined,
): Lookup<R> {
  return { kind: "each", fetch: async (api, id) => pick(await api.call({ what, id }, (x, tenant) => get(x, tenant, id)))?.[0] };
}

/** Everything the adapter needs to know about one unified entity at Xero. */
export interface XeroEntity<E extends EntityName = EntityName, R = unknown> {
  entity: E;
  /** Filters Xero applies server-side (reference data: applied in memory over the full list). */
  filters: readonly ListFilterName[];
  /** Unified statuses the default list leaves out and `includeArchived` brings back (declared as `listing.hidden`). */
  hidden: readonly string[];
  listing: PagedListing<R> | WholeListing<R>;
  lookup: Lookup<R>;
  /** False when ids are codes (tax rates), not GUIDs. */
  guidIds: boolean;
  map(record: R, ctx: MappingContext): EntityTypes[E];
  /** Drops records of the other kind (an Invoice id asked for as a Bill). */
  keep?(record: EntityTypes[E]): boolean;
}

/** Erases the record type so definitions can share one registry. */
export const defineEntity = <E extends EntityName, R>(entity: XeroEntity<E, R>) => entity as unknown as XeroEntity<E>;

export const sinceOf = (filter: ListFilter) => (filter.updatedSince ? new Date(filter.updatedSince) : undefined);
