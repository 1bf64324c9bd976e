import DataLoader from "dataloader";
import type { EntityName, EntityTypes } from "../connector/entities.js";
import type { ConnectorAdapter } from "../connector/adapter.js";
import type { MirrorAccess } from "../mirror/mirror-access.js";
import type { LoadSource } from "../mirror/read/freshness.js";
import { loadRecords } from "../mirror/read/load-records.js";

/**
 * Per-request DataLoaders, one per (organization, entity, source): every `contact { … }` on a page of
 * documents becomes one batched read (the mirror's `getMany`, or the provider's) instead of one per
 * document. Sources are kept apart so a MIRROR read never shares a batch with a live one.
 */
export interface Loaders {
  /** `source` defaults to AUTO: the mirror when the entity is IN_SYNC, the provider otherwise. */
  entity<E extends EntityName>(organizationId: string, entity: E, source?: LoadSource): DataLoader<string, EntityTypes[E] | null>;
}

/**
 * The loaders of one request. `mirror` is the gateway's mirror (absent when it is off: every source
 * but MIRROR then reads the provider, and MIRROR is BAD_USER_INPUT).
 */
export function createLoaders(adapterFor: (organizationId: string) => Promise<ConnectorAdapter>, mirror?: MirrorAccess): Loaders {
  const loaders = new Map<string, DataLoader<string, unknown>>();
  return {
    entity<E extends EntityName>(organizationId: string, entity: E, source: LoadSource = "AUTO") {
      const key = `${organizationId}\u0000${entity}\u0000${source}`;
      let loader = loaders.get(key);
      if (!loader) {
        const deps = { adapter: () => adapterFor(organizationId), mirror };
        loader = new DataLoader<string, unknown>((ids) => loadRecords(deps, organizationId, entity, source, ids), { maxBatchSize: 100 });
        loaders.set(key, loader);
      }
      return loader as DataLoader<string, EntityTypes[E] | null>;
    },
  };
}
