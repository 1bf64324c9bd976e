/** Per-request counters exposed as `sandbox.stats`, for tests that count upstream calls. */

export interface RequestStats {
  total: number;
  /** Requests per path (without query string), e.g. "/api.xro/2.0/Invoices". */
  byPath: Record<string, number>;
  /** Accounting API requests per resolved tenant id. */
  byTenant: Record<string, number>;
  reset(): void;
}

export function createRequestStats(): RequestStats {
  const stats: RequestStats = {
    total: 0,
    byPath: {},
    byTenant: {},
    reset() {
      stats.total = 0;
      stats.byPath = {};
      stats.byTenant = {};
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
