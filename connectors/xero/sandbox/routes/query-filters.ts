/** Endpoint-specific list filters shared by Quotes and PurchaseOrders (`DateFrom`, `Status`, …). */
import { queryParam, type RequestContext } from "../http/context.js";
import { queryError } from "../http/errors.js";
import { parseWireDate, storedToMs } from "../wire/dates.js";
import { fieldAt } from "../wire/field-path.js";

function dateParam(ctx: RequestContext, name: string): number | undefined {
  const raw = queryParam(ctx, name);
  if (raw === undefined || raw === "") return undefined;
  const ms = parseWireDate(raw);
  if (ms === undefined) throw queryError(`${name} must be a date such as 2024-01-31`);
  return ms;
}

/** Keeps records whose `field` lies within [`fromParam`, `toParam`] (inclusive, either optional). */
export function byDateRange<T>(records: T[], ctx: RequestContext, field: string, fromParam: string, toParam: string): T[] {
  const from = dateParam(ctx, fromParam);
  const to = dateParam(ctx, toParam);
  if (from === undefined && to === undefined) return records;
  return records.filter((record) => {
    const value = fieldAt(record, field);
    if (typeof value !== "string") return false;
    const ms = storedToMs(value);
    return (from === undefined || ms >= from) && (to === undefined || ms <= to);
  });
}

/** Keeps records whose `field` equals the parameter (case-insensitive), when the parameter is given. */
export function byParam<T>(records: T[], ctx: RequestContext, param: string, field: string): T[] {
  const wanted = queryParam(ctx, param);
  if (wanted === undefined || wanted === "") return records;
  return records.filter((record) => String(fieldAt(record, field) ?? "").toLowerCase() === wanted.toLowerCase());
}
