import type { CapabilityDeclaration } from "./capabilities.js";
import type { EntityName } from "./entities.js";

/** Page size assumed for an entity whose connector declares no `listing.maxPageSize`. */
export const DEFAULT_MAX_PAGE_SIZE = 100;

/**
 * The page a connector declares for lists its provider answers whole (one upstream answer, paged in
 * memory): any size costs the same call, so this only bounds how many records one page carries.
 */
export const WHOLE_LIST_PAGE_SIZE = 1000;

/**
 * Whether the connector's default list (no `includeArchived`) leaves this record out, judged by its
 * unified `status` against the entity's declared `listing.hidden`. A mirror uses it to answer a
 * default list from records it listed with `includeArchived: true`, exactly as the live list would.
 */
export function isHiddenByDefault(capabilities: CapabilityDeclaration, entity: EntityName, record: { status?: unknown }): boolean {
  const hidden = capabilities.entities[entity]?.listing?.hidden;
  if (!hidden || hidden.length === 0) return false;
  const status = record.status;
  return typeof status === "string" && hidden.includes(status.toUpperCase());
}

/**
 * The `first` to ask for when listing an entity in full (pollers, backfills): the declared
 * `listing.maxPageSize`, or 100 when the connector declares none, so a full listing takes the fewest
 * upstream calls the provider allows.
 */
export function maxPageSizeOf(capabilities: CapabilityDeclaration, entity: EntityName): number {
  const declared = capabilities.entities[entity]?.listing?.maxPageSize;
  return declared !== undefined && Number.isInteger(declared) && declared > 0 ? declared : DEFAULT_MAX_PAGE_SIZE;
}
