import Keyv from "keyv";
import { localLeases, type Leases } from "./leases.js";
import { localSets, type MemberSets } from "./member-sets.js";

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
  /** Exclusive short leases on keys of this view, valid across every instance sharing the store. */
  leases: Leases;
  /** Sets of strings named by keys of this view, each add or remove atomic across every process sharing the store. */
  sets: MemberSets;
}

export function keyvStore(keyv: Keyv, prefix = "", rootLeases: Leases = localLeases(), rootSets: MemberSets = localSets()): KeyValueStore {
  const k = (key: string) => `${prefix}${key}`;
  return {
    get: async <T>(key: string) => (await keyv.get(k(key))) as T | undefined,
    set: async <T>(key: string, value: T, ttlMs?: number) => {
      await keyv.set(k(key), value, ttlMs);
    },
    delete: (key) => keyv.delete(k(key)),
    namespace: (name) => keyvStore(keyv, `${prefix}${name}:`, rootLeases, rootSets),
    leases: {
      acquire: (key, ttlMs) => rootLeases.acquire(k(key), ttlMs),
      renew: (key, holder, ttlMs) => rootLeases.renew(k(key), holder, ttlMs),
      release: (key, holder) => rootLeases.release(k(key), holder),
      raiseFence: (key, atLeast) => rootLeases.raiseFence(k(key), atLeast),
    },
    sets: {
      add: (key, member) => rootSets.add(k(key), member),
      remove: (key, member) => rootSets.remove(k(key), member),
      members: (key) => rootSets.members(k(key)),
    },
  };
}

/** In-memory store for unit tests and the cache tier. */
export function memoryStore(): KeyValueStore {
  return keyvStore(new Keyv());
}
