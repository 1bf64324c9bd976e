import type { z } from "zod";
import type { ListFilter } from "../../../src/connector/adapter.js";
import type { ListFilterName } from "../../../src/connector/capabilities.js";
import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import type { Query } from "../client/clientary-api.js";
import type { ClientaryServices } from "../create-clientary-services.js";
import type { MappingContext } from "../mapping/common.js";

/** A list Clientary pages (`page`, `page_size` ≤ 100) under its plural key. */
export interface PagedListing {
  kind: "paged";
  key: string;
  schema: z.ZodTypeAny;
  /** Path and query for a filter; the pager adds `page`, `page_size` and `updated_since`. */
  request(filter: ListFilter): { path: string; query?: Query };
  /** Clientary takes `updated_since=YYYY-MM-DD` on this list. */
  updatedSince?: boolean;
}

/** A list Clientary returns whole (expenses by date window, hours per project, staff); paged in memory. */
export interface WholeListing {
  kind: "whole";
  fetch(services: ClientaryServices, filter: ListFilter): Promise<unknown[]>;
}

/** How `getMany` reaches records: one GET per id, or the whole (cached) list when there is no GET of one. */
export type Lookup = { kind: "each"; path(id: string): string; schema: z.ZodTypeAny } | { kind: "scan" };

export interface ClientaryEntity<E extends EntityName = EntityName> {
  entity: E;
  /** Filters Clientary applies server-side. */
  filters: readonly ListFilterName[];
  /** Unified statuses the default list leaves out and `includeArchived` brings back (declared as `listing.hidden`). */
  hidden: readonly string[];
  notes?: string;
  listing: PagedListing | WholeListing;
  lookup: Lookup;
  /** Completes parsed records before mapping (clients and leads get their contacts). */
  join?(services: ClientaryServices, records: unknown[]): Promise<unknown[]>;
  map(record: never, ctx: MappingContext): EntityTypes[E];
}

export const defineEntity = <E extends EntityName>(entity: ClientaryEntity<E>) => entity as unknown as ClientaryEntity<E>;

/** The `/clients/:id/...` form of a list when a contact filter is set. */
export const scopedPath = (filter: ListFilter, resource: string) =>
  filter.contactRemoteId ? `clients/${encodeURIComponent(filter.contactRemoteId)}/${resource}` : resource;
