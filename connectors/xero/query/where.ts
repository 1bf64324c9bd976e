/**
 * Builds Xero `where` expressions (C#-like: `==`, `AND`, `OR`, `.Contains()`, `Guid()`, `DateTime()`).
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses#retrieving-a-filtered-set-of-records
 */
export const literal = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export const equals = (field: string, value: string) => `${field}==${literal(value)}`;
export const notEquals = (field: string, value: string) => `${field}!=${literal(value)}`;
export const guidEquals = (field: string, id: string) => `${field}==Guid(${literal(id)})`;
export const contains = (field: string, text: string) => `${field}.Contains(${literal(text)})`;

/** "2026-10-31" → `DateTime(2026, 10, 31)`. */
export const dateTime = (isoDate: string) => `DateTime(${isoDate.split("-").map(Number).join(", ")})`;

export function dateRange(field: string, from?: string, to?: string): string | undefined {
  return and(from ? `${field}>=${dateTime(from)}` : undefined, to ? `${field}<=${dateTime(to)}` : undefined);
}

const group = (part: string) => (/ (AND|OR) /.test(part) && !/^\(.*\)$/.test(part) ? `(${part})` : part);

export function and(...parts: Array<string | undefined>): string | undefined {
  const present = parts.filter((p): p is string => Boolean(p));
  return present.length === 0 ? undefined : present.map(group).join(" AND ");
}

export function or(...parts: Array<string | undefined>): string | undefined {
  const present = parts.filter((p): p is string => Boolean(p));
  return present.length === 0 ? undefined : `(${present.map(group).join(" OR ")})`;
}
