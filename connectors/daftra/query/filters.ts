import type { ListFilter } from "../../../src/connector/adapter.js";
import { badUserInput, notSupported } from "../../../src/errors/index.js";

/** The one status a Daftra filter can take, upper-cased and checked; more than one is not supported. */
export function singleStatus(what: string, filter: ListFilter, allowed: readonly string[]): string | undefined {
  const statuses = [...new Set((filter.status ?? []).map((s) => s.toUpperCase()))];
  const unknown = statuses.filter((s) => !allowed.includes(s));
  if (unknown.length) throw badUserInput([{ field: "filter.status", message: `unknown status ${unknown.join(", ")}; use one of ${allowed.join(", ")}` }]);
  if (statuses.length > 1) throw notSupported("DAFTRA", `filtering ${what} by more than one status at a time`);
  return statuses[0];
}

interface ReferenceRecord {
  status: string;
  name: string;
  code?: string | null;
}

/** Status and free-text search over a cached reference list. */
export function filterInMemory<T>(records: T[], filter: ListFilter): T[] {
  const statuses = (filter.status ?? []).map((s) => s.toUpperCase());
  const text = filter.search?.trim().toLowerCase();
  return records.filter((record) => {
    const r = record as unknown as ReferenceRecord;
    const statusOk = statuses.length === 0 || statuses.includes(r.status.toUpperCase());
    return statusOk && (!text || r.name.toLowerCase().includes(text) || (r.code ?? "").toLowerCase().includes(text));
  });
}
