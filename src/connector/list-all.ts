import type { ConnectorAdapter, ListFilter } from "./adapter.js";
import type { EntityName, EntityTypes } from "./entities.js";

/** Every record of an entity, page by page (for computed reports over providers without report endpoints). */
export async function listAll<E extends EntityName>(adapter: Pick<ConnectorAdapter, "list">, entity: E, filter: ListFilter = {}, pageSize = 200): Promise<Array<EntityTypes[E]>> {
  const all: Array<EntityTypes[E]> = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await adapter.list(entity, { first: pageSize, offset, filter });
    all.push(...page.items);
    if (!page.hasNextPage || page.items.length === 0) return all;
  }
}
