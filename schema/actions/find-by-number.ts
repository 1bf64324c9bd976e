import type { ConnectorAdapter } from "../../src/connector/adapter.js";
import type { EntityTypes } from "../../src/connector/entities.js";

export type NumberedEntity = "Invoice" | "Bill" | "PurchaseOrder";

const PAGE = 200;

/**
 * The record of `entity` whose number is exactly `number`: through the provider's search where the
 * connector declares it for the entity (then matched exactly, since searches match parts), otherwise
 * reading the list page by page until it turns up.
 */
export async function findByNumber<E extends NumberedEntity>(adapter: Pick<ConnectorAdapter, "list" | "capabilities">, entity: E, number: string): Promise<EntityTypes[E] | null> {
  const wanted = number.trim();
  const canSearch = (adapter.capabilities.entities[entity]?.filters ?? []).includes("search");
  const filter = canSearch ? { search: wanted } : {};
  for (let offset = 0; ; offset += PAGE) {
    const page = await adapter.list(entity, { first: PAGE, offset, filter });
    const found = page.items.find((record) => record.number?.trim() === wanted);
    if (found) return found;
    if (!page.hasNextPage || page.items.length === 0) return null;
  }
}
