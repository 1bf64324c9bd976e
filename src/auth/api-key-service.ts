import { randomUUID } from "node:crypto";
import type { Principal } from "../context/gateway-context.js";
import { badUserInput, notFound } from "../errors/index.js";
import { systemClock, type Clock } from "../infra/clock.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import { generateApiKey, hashApiKey, looksLikeApiKey, sameDigest } from "./api-key-secret.js";

/** What may be said about a key after it was created: never the key itself. */
export interface ApiKeySummary {
  id: string;
  name: string;
  /** Organizations the key may see; "*" means all. */
  organizationIds: "*" | string[];
  createdAt: string;
  revokedAt?: string;
}

/** As stored: the summary plus the SHA-256 digest of the key. */
interface ApiKeyRecord extends ApiKeySummary {
  digest: string;
}

export interface ApiKeyService {
  /** Creates a key. The returned `key` is shown once and cannot be recovered afterwards. */
  create(input: { name: string; organizationIds: "*" | string[] }): Promise<{ id: string; key: string }>;
  /** The principal for a presented key, or null when it is unknown, malformed or revoked. */
  verify(key: string): Promise<Principal | null>;
  list(): Promise<ApiKeySummary[]>;
  /** Revokes a key at once; false when there is no such key. */
  revoke(id: string): Promise<boolean>;
  /** Replaces the key's organization grants; throws NOT_FOUND for an unknown or revoked key. */
  grant(id: string, organizationIds: "*" | string[]): Promise<ApiKeySummary>;
  /** The principal of the key with this id as stored now (another instance may have changed it); null when unknown or revoked. */
  principalOf(id: string): Promise<Principal | null>;
  /**
   * Calls `listener` right after this process revoked a key or changed its grants (principal null:
   * revoked). Other instances sharing the store learn of it by re-reading (`principalOf`).
   */
  onChange(listener: (id: string, principal: Principal | null) => void): () => void;
}

export interface ApiKeyServiceOptions {
  /** @default systemClock */
  clock?: Clock;
}

/**
 * API keys kept in the key-value store under `api-keys:`: `record:<id>` holds the record,
 * `digest:<sha256>` points from a key's digest to its id, `index` lists the ids. Writes from this
 * process are serialised; the index is the only multi-key structure, and only `list()` reads it.
 */
export function createApiKeyService(root: KeyValueStore, { clock = systemClock }: ApiKeyServiceOptions = {}): ApiKeyService {
  const store = root.namespace("api-keys");
  let writes: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writes.then(work, work);
    writes = next.catch(() => undefined);
    return next;
  };
  const record = (id: string) => store.get<ApiKeyRecord>(`record:${id}`);
  const ids = async () => (await store.get<string[]>("index")) ?? [];
  const listeners = new Set<(id: string, principal: Principal | null) => void>();
  const changed = (id: string, principal: Principal | null) => {
    for (const listener of [...listeners]) listener(id, principal);
  };

  return {
    create: ({ name, organizationIds }) =>
      serial(async () => {
        const cleanName = checkName(name);
        const grants = checkGrants(organizationIds);
        const key = generateApiKey();
        const id = `key_${randomUUID()}`;
        const digest = hashApiKey(key);
        await store.set<ApiKeyRecord>(`record:${id}`, { id, name: cleanName, organizationIds: grants, createdAt: clock.now().toISOString(), digest });
        await store.set(`digest:${digest}`, id);
        await store.set("index", [...(await ids()), id]);
        return { id, key };
      }),

    async verify(key) {
      if (!looksLikeApiKey(key)) return null;
      const digest = hashApiKey(key);
      const id = await store.get<string>(`digest:${digest}`);
      const found = id === undefined ? undefined : await record(id);
      if (!found || found.revokedAt || !sameDigest(found.digest, digest)) return null;
      return principal(found);
    },

    async principalOf(id) {
      const found = await record(id);
      return found && !found.revokedAt ? principal(found) : null;
    },

    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    async list() {
      const records = await Promise.all((await ids()).map(record));
      return records.filter((r): r is ApiKeyRecord => r !== undefined).map(summary);
    },

    revoke: (id) =>
      serial(async () => {
        const found = await record(id);
        if (!found) return false;
        await store.delete(`digest:${found.digest}`);
        if (!found.revokedAt) await store.set<ApiKeyRecord>(`record:${id}`, { ...found, revokedAt: clock.now().toISOString() });
        changed(id, null);
        return true;
      }),

    grant: (id, organizationIds) =>
      serial(async () => {
        const found = await record(id);
        if (!found || found.revokedAt) throw notFound("API key", id);
        const updated = { ...found, organizationIds: checkGrants(organizationIds) };
        await store.set<ApiKeyRecord>(`record:${id}`, updated);
        changed(id, principal(updated));
        return summary(updated);
      }),
  };
}

function principal(found: ApiKeyRecord): Principal {
  return { apiKeyId: found.id, name: found.name, organizationIds: found.organizationIds };
}

function summary({ digest: _digest, ...rest }: ApiKeyRecord): ApiKeySummary {
  return rest;
}

function checkName(name: string): string {
  const clean = typeof name === "string" ? name.trim() : "";
  if (clean.length === 0 || clean.length > 100) throw badUserInput([{ field: "name", message: "give the key a name of 1 to 100 characters" }]);
  return clean;
}

function checkGrants(organizationIds: "*" | string[]): "*" | string[] {
  if (organizationIds === "*") return "*";
  if (Array.isArray(organizationIds) && organizationIds.every((o) => typeof o === "string" && o.trim() !== "")) {
    return [...new Set(organizationIds)];
  }
  throw badUserInput([{ field: "organizationIds", message: 'pass "*" for all organizations or a list of organization ids' }]);
}
