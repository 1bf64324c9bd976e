import type { ListFilter } from "../../../src/connector/adapter.js";

interface ReferenceRecord {
  status: string;
  name: string;
  code?: string | null;
}

/** Reference statuses a default list leaves out; `includeArchived` (or asking for the status) shows them. */
export const REFERENCE_HIDDEN: readonly string[] = ["ARCHIVED", "DELETED"];
const HIDDEN = new Set(REFERENCE_HIDDEN);

/** Status and search over a cached reference list; archived and deleted records only when asked for. */
export function filterReference<T>(records: T[], filter: ListFilter): T[] {
  const statuses = (filter.status ?? []).map((s) => s.toUpperCase());
  const text = filter.search?.trim().toLowerCase();
  return records.filter((record) => {
    const r = record as unknown as ReferenceRecord;
    const status = r.status.toUpperCase();
    const statusOk = statuses.length > 0 ? statuses.includes(status) : filter.includeArchived || !HIDDEN.has(status);
    const textOk = !text || r.name.toLowerCase().includes(text) || (r.code ?? "").toLowerCase().includes(text);
    return statusOk && textOk;
  });
}
