import type { ConnectorAdapter, ListFilter } from "../adapter.js";
import type { EntityName } from "../entities.js";
import { isHiddenByDefault, maxPageSizeOf } from "../listing.js";

interface Listed {
  remoteId: string;
  status?: unknown;
}

/** Every record of a list, in order, page by page at the entity's declared `maxPageSize`. */
export async function listEverything(adapter: Pick<ConnectorAdapter, "list" | "capabilities">, entity: EntityName, filter: ListFilter): Promise<Listed[]> {
  const pageSize = maxPageSizeOf(adapter.capabilities, entity);
  const all: Listed[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await adapter.list(entity, { first: pageSize, offset, filter });
    all.push(...(page.items as Listed[]));
    if (!page.hasNextPage || page.items.length === 0) return all;
  }
}

/**
 * What a connector's default list leaves out, side by side with what its declaration says it
 * leaves out: `missing` are the ids listed with `includeArchived: true` but not by default,
 * `declared` the ids of those records whose status `listing.hidden` names, and `extra` any id the
 * default list shows that the full list does not (there should be none).
 */
export async function hiddenSplit(adapter: Pick<ConnectorAdapter, "list" | "capabilities">, entity: EntityName) {
  const all = await listEverything(adapter, entity, { includeArchived: true });
  const byDefault = await listEverything(adapter, entity, {});
  const shown = new Set(byDefault.map((r) => r.remoteId));
  const everything = new Set(all.map((r) => r.remoteId));
  return {
    all,
    byDefault,
    missing: all.filter((r) => !shown.has(r.remoteId)).map((r) => r.remoteId).sort(),
    declared: all.filter((r) => isHiddenByDefault(adapter.capabilities, entity, r)).map((r) => r.remoteId).sort(),
    extra: byDefault.filter((r) => !everything.has(r.remoteId)).map((r) => r.remoteId),
  };
}
