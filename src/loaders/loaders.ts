import DataLoader from "dataloader";
import type { EntityName, EntityTypes } from "../connector/entities.js";
import type { ConnectorAdapter } from "../connector/adapter.js";

/**
 * Per-request DataLoaders, one per (organization, entity): every `contact { … }` on a page of
 * documents becomes one batched `getMany` call instead of one call per document.
 */
export interface Loaders {
  entity<E extends EntityName>(organizationId: string, entity: E): DataLoader<string, EntityTypes[E] | null>;
}

export function createLoaders(adapterFor: (organizationId: string) => Promise<ConnectorAdapter>): Loaders {
  const loaders = new Map<string, DataLoader<string, unknown>>();
  return {
    entity<E extends EntityName>(organizationId: string, entity: E) {
      const key = `${organizationId}\u0000${entity}`;
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader<string, unknown>(async (ids) => (await adapterFor(organizationId)).getMany(entity, ids), {
          maxBatchSize: 100,
        });
        loaders.set(key, loader);
      }
      return loader as DataLoader<string, EntityTypes[E] | null>;
    },
  };
}
