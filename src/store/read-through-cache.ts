import { createSharedWork } from "../upstream/shared-work.js";
import type { KeyValueStore } from "./key-value-store.js";

/**
 * Values loaded once per TTL; concurrent misses for one key share a single load.
 *
 * A shared load belongs to no single caller (`createSharedWork`). Started by a client request, it
 * runs as shared work: its upstream calls use no client key's share but count inside the
 * organization's interactive budget, and are bounded by the governor's deadline. It is abandoned
 * only once every client waiting for it has gone; a caller asking after that starts a new load. A
 * client that left is still handed the load's outcome. Started by background work (no caller), it
 * stays background work and is never abandoned.
 */
export interface ReadThroughCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  delete(key: string): Promise<void>;
}

export function createReadThroughCache(store: KeyValueStore, ttlMs: number): ReadThroughCache {
  const loads = createSharedWork();
  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = await store.get<T>(key);
      if (hit !== undefined) return hit;
      return loads.run(key, async () => {
        const value = await load();
        await store.set(key, value, ttlMs);
        return value;
      });
    },
    async delete(key) {
      await store.delete(key);
    },
  };
}
