import { createHash } from "node:crypto";
import type { KeyValueStore } from "../store/key-value-store.js";
import { badUserInput } from "../errors/index.js";

interface Stored<T> {
  fingerprint: string;
  value: T;
  at: string;
}

export interface IdempotencyOptions {
  /** How long a key's result is kept for replay. @default 7 days */
  retentionMs?: number;
  /** How long one caller may hold a key while its write runs. @default 60000 */
  leaseMs?: number;
}

export interface IdempotentRun<T> {
  /** Where the key lives, e.g. `<organizationId>:createContact`: the same key in another scope is another key. */
  scope: string;
  key: string;
  /** The request the key stands for; the same key with another request is refused. */
  request: unknown;
  execute: () => Promise<T>;
}

export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;

/** Stable digest of a request: object keys sorted, so property order never makes two requests differ. */
export function fingerprint(request: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
        : value;
  return createHash("sha256").update(JSON.stringify(canonical(request))).digest("base64url");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs each (scope, key) once: concurrent callers share the first run (in this process through its
 * promise, across instances through a store lease), later callers — also after a restart — get the
 * stored result back, and the same key with a different request is refused naming `idempotencyKey`.
 */
export function createIdempotency(store: KeyValueStore, { retentionMs = 7 * 24 * 3_600_000, leaseMs = 60_000 }: IdempotencyOptions = {}) {
  const records = store.namespace("idempotency");
  const running = new Map<string, Promise<{ value: unknown; replayed: boolean }>>();

  async function replay<T>(id: string, print: string): Promise<{ value: T; replayed: true } | undefined> {
    const stored = await records.get<Stored<T>>(id);
    if (!stored) return undefined;
    if (stored.fingerprint !== print) {
      throw badUserInput([{ field: "idempotencyKey", message: "was already used with a different request; use a new key for a new request." }]);
    }
    return { value: stored.value, replayed: true };
  }

  async function once<T>(id: string, print: string, execute: () => Promise<T>): Promise<{ value: T; replayed: boolean }> {
    const deadline = Date.now() + 2 * leaseMs;
    while (Date.now() < deadline) {
      const done = await replay<T>(id, print);
      if (done) return done;
      const lease = await records.leases.acquire(id, leaseMs);
      if (lease) {
        try {
          const again = await replay<T>(id, print);
          if (again) return again;
          const value = await execute();
          await records.set<Stored<T>>(id, { fingerprint: print, value, at: new Date().toISOString() }, retentionMs);
          return { value, replayed: false };
        } finally {
          await records.leases.release(id, lease.holder);
        }
      }
      await sleep(100);
    }
    throw badUserInput([{ field: "idempotencyKey", message: "is still being processed by another request; retry in a minute." }]);
  }

  return {
    async run<T>({ scope, key, request, execute }: IdempotentRun<T>): Promise<{ value: T; replayed: boolean }> {
      if (!key.trim() || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
        throw badUserInput([{ field: "idempotencyKey", message: `must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters.` }]);
      }
      const id = `${scope}:${key}`;
      const print = fingerprint(request);
      // Callers share a run only when they ask for the same request: a different request under the same
      // key waits for the key's lease and is then refused (or runs, when the first write failed).
      const runKey = `${id}\u0000${print}`;
      let shared = running.get(runKey);
      if (!shared) {
        shared = once(id, print, execute).finally(() => running.delete(runKey));
        running.set(runKey, shared);
        return shared as Promise<{ value: T; replayed: boolean }>;
      }
      const first = await shared;
      const stored = await replay<T>(id, print);
      return stored ?? { value: first.value as T, replayed: true };
    },
  };
}
export type Idempotency = ReturnType<typeof createIdempotency>;
