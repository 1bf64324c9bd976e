import type { Principal } from "../../context/gateway-context.js";

/** The owning keys as stored, looked up at most once per key every `ttlMs`. */
export interface PrincipalCache {
  /** The key as stored at most `ttlMs` ago; null when revoked. */
  get(apiKeyId: string): Promise<Principal | null>;
}

/**
 * Caches `principalOf` per key for `ttlMs` of real time (how stale a revocation or a changed grant may be
 * seen), sharing a lookup under way. A lookup that fails is not cached (the next call asks again).
 */
export function principalCache(principalOf: (apiKeyId: string) => Promise<Principal | null>, ttlMs: number): PrincipalCache {
  const entries = new Map<string, { at: number; value: Promise<Principal | null> }>();
  return {
    get(apiKeyId) {
      const now = performance.now();
      const entry = entries.get(apiKeyId);
      if (entry && now - entry.at < ttlMs) return entry.value;
      const value = principalOf(apiKeyId);
      const fresh = { at: now, value };
      entries.set(apiKeyId, fresh);
      value.catch(() => {
        if (entries.get(apiKeyId) === fresh) entries.delete(apiKeyId);
      });
      return value;
    },
  };
}
