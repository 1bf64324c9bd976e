/** Per-request counters exposed as `sandbox.stats`, for tests that count upstream calls. */

export interface RequestStats {
  total: number;
  /** Requests per path (without query string), e.g. "/api.xro/2.0/Invoices". */
  byPath: Record<string, number>;
  /** Accounting API requests per resolved tenant id. */
  byTenant: Record<string, number>;
  /** The bodies of the last few PUT and POST requests exactly as received, newest last, for tests that check the bytes on the wire. */
  recentWrites: Array<{ method: string; path: string; body: string }>;
  reset(): void;
}

export function createRequestStats(): RequestStats {
  const stats: RequestStats = {
    total: 0,
    byPath: {},
    byTenant: {},
    recentWrites: [],
    reset() {
      stats.total = 0;
      stats.byPath = {};
      stats.byTenant = {};
      stats.recentWrites = [];
    },
  };
  return stats;
}

export function countRequest(stats: RequestStats, path: string): void {
  stats.total += 1;
  stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
}

export function countTenant(stats: RequestStats, tenantId: string): void {
  stats.byTenant[tenantId] = (stats.byTenant[tenantId] ?? 0) + 1;
}

const RECENT_WRITES = 20;

/** Keeps the raw body of a PUT or POST (path with its query string), dropping the oldest past 20. */
export function recordWrite(stats: RequestStats, method: string, path: string, body: Buffer): void {
  if (method !== "PUT" && method !== "POST") return;
  stats.recentWrites.push({ method, path, body: body.toString("utf8") });
  if (stats.recentWrites.length > RECENT_WRITES) stats.recentWrites.shift();
}
