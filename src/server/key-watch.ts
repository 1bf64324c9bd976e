import type { ApiKeyService } from "../auth/api-key-service.js";
import type { Principal } from "../context/gateway-context.js";
import type { Logger } from "../infra/logger.js";

/** Told the key's principal after a change: null once the key is revoked (or deleted). */
export type KeyChangeListener = (principal: Principal | null) => void;

export interface KeyWatchOptions {
  apiKeys: ApiKeyService;
  /** How often each watched key is re-read from the store. */
  intervalMs: number;
  logger: Logger;
}

/**
 * Follows the API keys of open connections. A revocation or grant change made by this process is
 * passed on at once (`apiKeys.onChange`); one made by another instance sharing the store is seen at
 * the next re-check, which reads each watched key once per interval however many connections use it.
 * Listeners hear only real changes (revoked, or different grants).
 */
export function createKeyWatch({ apiKeys, intervalMs, logger }: KeyWatchOptions) {
  const watched = new Map<string, { grants: string | null; listeners: Set<KeyChangeListener> }>();
  const tell = (id: string, principal: Principal | null) => {
    const entry = watched.get(id);
    if (!entry) return;
    const grants = principal ? JSON.stringify(principal.organizationIds) : null;
    if (grants === entry.grants) return;
    entry.grants = grants;
    for (const listener of [...entry.listeners]) listener(principal);
  };
  const stopListening = apiKeys.onChange(tell);
  let checking = false;
  const recheck = async () => {
    if (checking) return;
    checking = true;
    await Promise.all([...watched.keys()].map(async (id) => {
      try {
        tell(id, await apiKeys.principalOf(id));
      } catch (error) {
        logger.warn("could not re-check an API key of open graphql-ws connections", { apiKeyId: id, error: String(error) });
      }
    }));
    checking = false;
  };
  const timer = setInterval(() => void recheck(), intervalMs);
  timer.unref();

  return {
    /** Calls `listener` on every later change of the key of `principal`; returns the unwatch function. */
    watch(principal: Principal, listener: KeyChangeListener): () => void {
      const entry = watched.get(principal.apiKeyId) ?? { grants: JSON.stringify(principal.organizationIds), listeners: new Set() };
      watched.set(principal.apiKeyId, entry);
      entry.listeners.add(listener);
      return () => {
        entry.listeners.delete(listener);
        if (entry.listeners.size === 0 && watched.get(principal.apiKeyId) === entry) watched.delete(principal.apiKeyId);
      };
    },
    close() {
      clearInterval(timer);
      stopListening();
      watched.clear();
    },
  };
}
export type KeyWatch = ReturnType<typeof createKeyWatch>;
