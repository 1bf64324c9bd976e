import { createSharedWork } from "../../upstream/shared-work.js";
import type { MirrorStore } from "../mirror-store.js";

/** One report made upstream, kept while the organization's mirror version is the one read before it was fetched. */
export interface CachedReport<R = unknown> {
  /** `MirrorStore.version(organizationId)` read before the fetch: the entry is valid while the version is unchanged. */
  version: number;
  report: R;
  /** When the gateway began producing it (ISO). */
  generatedAt: string;
}

/**
 * Most reports one process keeps per mirror store. A Xero report with its native layout (`raw`) is
 * tens to a few hundred kilobytes, so 200 entries stay within tens of megabytes.
 */
export const REPORT_CACHE_ENTRIES = 200;

/**
 * An in-process LRU of upstream reports, bounded in entries. Validity is not time but the mirror's
 * version, which every commit that changed a record of the organization bumps; the store is shared,
 * so a change seen by any node of a cluster invalidates every node's entries. Each node fetches a
 * report at most once per version: concurrent misses for the same report share one fetch, which
 * belongs to none of the callers waiting for it (`createSharedWork`).
 */
export class ReportCache {
  private readonly entries = new Map<string, CachedReport>();
  /** A waiter whose client leaves stops waiting; the fetch goes on for the others, and is cancelled once none is left. */
  private readonly fetches = createSharedWork({ stopWaitingWhenGone: true });

  constructor(readonly maxEntries = REPORT_CACHE_ENTRIES) {}

  /** The entry for `key` when it was made at `version`; refreshes its recency. A stale entry is dropped. */
  get<R>(key: string, version: number): CachedReport<R> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) return undefined;
    this.entries.set(key, entry);
    return entry as CachedReport<R>;
  }

  /** Keeps `entry` as the most recent, evicting the least recently used beyond `maxEntries`. Never replaces a newer version's entry. */
  set(key: string, entry: CachedReport): void {
    const held = this.entries.get(key);
    if (held && held.version > entry.version) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /**
   * The report for `key` at `version`: the entry when valid, else one fetch shared by every caller
   * asking for it meanwhile, kept when it succeeds. `hit` says whether the entry was already there.
   *
   * Asked by a client (a current upstream caller), the fetch runs as shared work: its upstream calls
   * count against no client's key, and it is cancelled only when every client waiting for it has left.
   * A client that leaves is answered at once with a cancellation; the others still get the report.
   */
  async getOrFetch<R>(key: string, version: number, fetch: () => Promise<CachedReport<R>>): Promise<{ entry: CachedReport<R>; hit: boolean }> {
    const held = this.get<R>(key, version);
    if (held) return { entry: held, hit: true };
    const entry = await this.fetches.run(`${version}\u0000${key}`, async () => {
      const fetched = await fetch();
      this.set(key, fetched);
      return fetched;
    });
    return { entry, hit: false };
  }

  get size(): number {
    return this.entries.size;
  }
}

const CACHES = new WeakMap<MirrorStore, ReportCache>();

/**
 * The report cache of one mirror store in this process. Keyed by the store object, so two gateways
 * in one process (tests) never share entries, and a closed store's cache goes with it.
 */
export function reportCacheOf(store: MirrorStore): ReportCache {
  let cache = CACHES.get(store);
  if (!cache) CACHES.set(store, (cache = new ReportCache()));
  return cache;
}

/** The cache key of one report: organization, report and every parameter, in a fixed order. */
export function reportCacheKey(organizationId: string, report: string, params: object): string {
  const sorted = Object.keys(params)
    .sort()
    .map((key) => [key, (params as Record<string, unknown>)[key] ?? null]);
  return JSON.stringify([organizationId, report, sorted]);
}
