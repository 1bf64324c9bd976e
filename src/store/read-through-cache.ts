import { createCallerAbort } from "../upstream/call-deadline.js";
import { currentUpstreamCaller, withSharedUpstreamWork } from "../upstream/caller-scope.js";
import type { KeyValueStore } from "./key-value-store.js";

/**
 * Values loaded once per TTL; concurrent misses for one key share a single load.
 *
 * A shared load belongs to no single caller. Started by a client request, it runs as shared work
 * (`withSharedUpstreamWork`): its upstream calls use no client key's share but count inside the
 * organization's interactive budget, and are bounded by the governor's deadline. It is abandoned
 * only once every client waiting for it has gone; a caller asking after that starts a new load.
 * Started by background work (no caller), it stays background work and is never abandoned.
 */
export interface ReadThroughCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  delete(key: string): Promise<void>;
}

/** One load in flight and who is waiting for it. */
interface SharedLoad {
  result?: Promise<unknown>;
  /** Waiters that may still leave (their client's signal has not aborted). */
  leavable: number;
  /** Some waiter can never leave (background work, or a caller without a signal): never abandon. */
  pinned: boolean;
  /** Aborts the load's upstream calls once every waiter has left. */
  abandon: AbortController;
  /** Stops listening to the waiters' signals once the load has settled. */
  detach: Array<() => void>;
}

export function createReadThroughCache(store: KeyValueStore, ttlMs: number): ReadThroughCache {
  const loading = new Map<string, SharedLoad>();

  /** Counts the current caller in as a waiter, and out again when its client goes. */
  function join(key: string, shared: SharedLoad): void {
    const signal = currentUpstreamCaller()?.signal;
    if (!signal) {
      shared.pinned = true;
      return;
    }
    const leave = () => {
      shared.leavable--;
      if (shared.leavable > 0 || shared.pinned) return;
      // Nobody is left to answer: stop the upstream calls, and let the next caller start afresh.
      if (loading.get(key) === shared) loading.delete(key);
      shared.abandon.abort(new Error("every caller waiting for this load has gone"));
    };
    shared.leavable++;
    if (signal.aborted) return leave();
    signal.addEventListener("abort", leave, { once: true });
    shared.detach.push(() => signal.removeEventListener("abort", leave));
  }

  /** Starts the one load for `key`, with the current caller as its first waiter. */
  function start<T>(key: string, load: () => Promise<T>): SharedLoad {
    const shared: SharedLoad = { leavable: 0, pinned: false, abandon: createCallerAbort(), detach: [] };
    loading.set(key, shared);
    join(key, shared);
    const run = async () => {
      const value = await load();
      await store.set(key, value, ttlMs);
      return value;
    };
    shared.result = (currentUpstreamCaller() ? withSharedUpstreamWork(shared.abandon.signal, run) : run()).finally(() => {
      if (loading.get(key) === shared) loading.delete(key);
      for (const stop of shared.detach) stop();
    });
    return shared;
  }

  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = await store.get<T>(key);
      if (hit !== undefined) return hit;
      const running = loading.get(key);
      if (running) join(key, running);
      return (running ?? start(key, load)).result as Promise<T>;
    },
    async delete(key) {
      await store.delete(key);
    },
  };
}
