import { randomUUID } from "node:crypto";
import type { Principal } from "../context/gateway-context.js";
import { badUserInput, notFound } from "../errors/index.js";
import { systemClock, type Clock } from "../infra/clock.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import { generateApiKey, hashApiKey, looksLikeApiKey, sameDigest } from "./api-key-secret.js";
import { LEGACY_SCOPES, parseScopes, type Scope } from "./scopes.js";

/** What may be said about a key after it was created: never the key itself. */
export interface ApiKeySummary {
  id: string;
  name: string;
  /** Organizations the key may see; "*" means all. */
  organizationIds: "*" | string[];
  /** What the key may do (keys stored before scopes existed: READ, WRITE, SUBSCRIBE). */
  scopes: Scope[];
  createdAt: string;
  revokedAt?: string;
}

/** As stored: the summary plus the SHA-256 digest of the key; `scopes` is absent on keys made before scopes existed. */
interface ApiKeyRecord extends Omit<ApiKeySummary, "scopes"> {
  scopes?: Scope[];
  digest: string;
}

export interface ApiKeyService {
  /**
   * Creates a key. The returned `key` is shown once and cannot be recovered afterwards.
   * @param input.scopes @default READ, WRITE, SUBSCRIBE (what every key could do before scopes existed)
   */
  create(input: { name: string; organizationIds: "*" | string[]; scopes?: readonly Scope[] }): Promise<{ id: string; key: string }>;
  /** The principal for a presented key, or null when it is unknown, malformed or revoked. */
  verify(key: string): Promise<Principal | null>;
  /** Every key, revoked ones too, in the order they were created. */
  list(): Promise<ApiKeySummary[]>;
  /** One key (revoked too), or undefined. */
  get(id: string): Promise<ApiKeySummary | undefined>;
  /** Revokes a key at once; false when there is no such key. */
  revoke(id: string): Promise<boolean>;
  /** Replaces the key's organization grants; throws NOT_FOUND for an unknown or revoked key. */
  grant(id: string, organizationIds: "*" | string[]): Promise<ApiKeySummary>;
  /** Adds one organization to the key's grants (nothing to do for a key granted "*"), read and written as one step of this process's writes. */
  addGrant(id: string, organizationId: string): Promise<ApiKeySummary>;
  /**
   * Replaces the key's scopes; throws NOT_FOUND for an unknown or revoked key. Operations already
   * running (open subscriptions) keep the scopes they were started with.
   */
  setScopes(id: string, scopes: readonly Scope[]): Promise<ApiKeySummary>;
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
 * `digest:<sha256>` points from a key's digest to its id, and the set `ids` holds every id (each add
 * one atomic step, so processes creating keys at once lose none; `index`, the list earlier versions
 * kept, is still read). Writes to one record from this process are serialised; a grant or scope
 * change from two processes at once keeps the last one, as a replacement should.
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
  const ids = async () => {
    const [members, legacy] = await Promise.all([store.sets.members("ids"), store.get<string[]>("index")]);
    return [...new Set([...(legacy ?? []), ...members])];
  };
  const listeners = new Set<(id: string, principal: Principal | null) => void>();
  const changed = (id: string, principal: Principal | null) => {
    for (const listener of [...listeners]) listener(id, principal);
  };

  return {
    create: ({ name, organizationIds, scopes = LEGACY_SCOPES }) =>
      serial(async () => {
        const cleanName = checkName(name);
        const grants = checkGrants(organizationIds);
        const allowed = checkScopes(scopes);
        const key = generateApiKey();
        const id = `key_${randomUUID()}`;
        const digest = hashApiKey(key);
        await store.set<ApiKeyRecord>(`record:${id}`, { id, name: cleanName, organizationIds: grants, scopes: allowed, createdAt: clock.now().toISOString(), digest });
        await store.set(`digest:${digest}`, id);
        await store.sets.add("ids", id);
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

    async get(id) {
      const found = await record(id);
      return found ? summary(found) : undefined;
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

    addGrant: (id, organizationId) =>
      serial(async () => {
        const found = await record(id);
        if (!found || found.revokedAt) throw notFound("API key", id);
        if (found.organizationIds === "*" || found.organizationIds.includes(organizationId)) return summary(found);
        const updated = { ...found, organizationIds: checkGrants([...found.organizationIds, organizationId]) };
        await store.set<ApiKeyRecord>(`record:${id}`, updated);
        changed(id, principal(updated));
        return summary(updated);
      }),

    setScopes: (id, scopes) =>
      serial(async () => {
        const found = await record(id);
        if (!found || found.revokedAt) throw notFound("API key", id);
        const updated = { ...found, scopes: checkScopes(scopes) };
        await store.set<ApiKeyRecord>(`record:${id}`, updated);
        changed(id, principal(updated));
        return summary(updated);
      }),
  };
}

function principal(found: ApiKeyRecord): Principal {
  return { apiKeyId: found.id, name: found.name, organizationIds: found.organizationIds, scopes: found.scopes ?? [...LEGACY_SCOPES] };
}

function summary({ digest: _digest, scopes, ...rest }: ApiKeyRecord): ApiKeySummary {
  return { ...rest, scopes: scopes ?? [...LEGACY_SCOPES] };
}

function checkScopes(scopes: readonly Scope[]): Scope[] {
  const parsed = Array.isArray(scopes) ? parseScopes(scopes) : { ok: false as const, problem: "pass a list of scopes" };
  if (!parsed.ok) throw badUserInput([{ field: "scopes", message: parsed.problem }]);
  return parsed.scopes;
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
