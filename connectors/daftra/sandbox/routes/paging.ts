/** `page`/`limit` paging with Daftra's pagination object (relative prev/next links). */
import { ReplyError, validationFailed, type Pagination } from "../http/reply.js";

const positive = (query: URLSearchParams, name: string, fallback: number): number => {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ReplyError(validationFailed({ [name]: `${name} must be a positive whole number` }));
  return value;
};

export function pageOf<T>(rows: T[], query: URLSearchParams, path: string): { items: T[]; pagination: Pagination } {
  const page = positive(query, "page", 1);
  const limit = positive(query, "limit", 20);
  const pageCount = Math.max(1, Math.ceil(rows.length / limit));
  const link = (n: number) => {
    const params = new URLSearchParams(query);
    params.set("page", String(n));
    params.set("limit", String(limit));
    return `/api2${path}.json?${params.toString()}`;
  };
  return {
    items: rows.slice((page - 1) * limit, page * limit),
    pagination: { page, page_count: pageCount, total_results: rows.length, prev: page > 1 ? link(page - 1) : null, next: page < pageCount ? link(page + 1) : null },
  };
}

/** `sort`/`direction` over a wire field; unknown fields keep the default order, as Daftra ignores them. */
export function sortRows<T>(rows: T[], query: URLSearchParams, fieldOf: (row: T, field: string) => unknown, defaultDirection: "ASC" | "DESC"): T[] {
  const asked = query.get("sort");
  const field = asked && rows.length > 0 && fieldOf(rows[0]!, asked) !== undefined ? asked : undefined;
  const direction = (query.get("direction") ?? defaultDirection).toUpperCase() === "DESC" ? -1 : 1;
  if (!field) return direction === -1 ? [...rows].reverse() : rows;
  return [...rows].sort((a, b) => {
    const x = fieldOf(a, field);
    const y = fieldOf(b, field);
    const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "en", { numeric: true });
    return cmp * direction;
  });
}
