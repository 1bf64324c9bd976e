import type { ListFilter } from "../../../src/connector/adapter.js";
import { toIsoTimestamp } from "../mapping/dates.js";

interface Changed {
  id: string;
  client_id?: string | null;
  updated_at?: string | null;
  created_at?: string | null;
}

/** Clientary's `updated_since` takes a day: the UTC day of the instant asked for. */
export const sinceDay = (updatedSince: string) => new Date(updatedSince).toISOString().slice(0, 10);

/**
 * Records from a day-granular `updated_since` read, narrowed to the exact instant (the boundary day
 * is re-read, so earlier changes that day drop out here), de-duplicated by id (a record that changed
 * during the read can appear on two pages), and narrowed to the contact when one is asked for.
 */
export function changedSince(records: readonly unknown[], filter: ListFilter): unknown[] {
  const since = new Date(filter.updatedSince!).getTime();
  const seen = new Set<string>();
  return records.filter((record) => {
    const r = record as Changed;
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    const stamp = toIsoTimestamp(r.updated_at ?? r.created_at);
    const recent = stamp === null || Date.parse(stamp) >= since;
    return recent && (!filter.contactRemoteId || r.client_id === filter.contactRemoteId);
  });
}
