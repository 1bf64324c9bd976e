import Keyv from "keyv";

/**
 * The durable key-value state every component uses (organizations, API keys, tokens, caches).
 * Backed by keyv: SQLite for the embedded default, Redis at scale, memory in unit tests.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** A view whose keys are prefixed with `name:`; same backing store. */
  namespace(name: string): KeyValueStore;
}

export function keyvStore(keyv: Keyv, prefix = ""): KeyValueStore {
  const k = (key: string) => `${prefix}${key}`;
  return {
    get: async <T>(key: string) => (await keyv.get(k(key))) as T | undefined,
    set: async <T>(key: string, value: T, ttlMs?: number) => {
      await keyv.set(k(key), value, ttlMs);
    },
    delete: (key) => keyv.delete(k(key)),
    namespace: (name) => keyvStore(keyv, `${prefix}${name}:`),
  };
}

/** In-memory store for unit tests and the cache tier. */
export function memoryStore(): KeyValueStore {
  return keyvStore(new Keyv());
}
