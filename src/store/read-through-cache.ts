import type { KeyValueStore } from "./key-value-store.js";

/** Values loaded once per TTL; concurrent misses for one key share a single load. */
export interface ReadThroughCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  delete(key: string): Promise<void>;
}

export function createReadThroughCache(store: KeyValueStore, ttlMs: number): ReadThroughCache {
  const loading = new Map<string, Promise<unknown>>();
  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = await store.get<T>(key);
      if (hit !== undefined) return hit;
      let running = loading.get(key) as Promise<T> | undefined;
      if (!running) {
        running = load()
          .then(async (value) => {
            await store.set(key, value, ttlMs);
            return value;
          })
          .finally(() => loading.delete(key));
        loading.set(key, running);
      }
      return running;
    },
    async delete(key) {
      await store.delete(key);
    },
  };
}
