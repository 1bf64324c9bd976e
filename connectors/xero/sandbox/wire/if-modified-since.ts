/**
 * The `If-Modified-Since` header: records created or changed at or after the given instant,
 * compared to the second. xero-node sends ISO (`2020-02-06T12:17:43.202Z`); RFC 1123 is accepted too.
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses#http-headers
 */
import { parseWireDate, storedToMs } from "./dates.js";

export function parseIfModifiedSince(value: string | undefined): number | undefined {
  if (!value || value.trim() === "") return undefined;
  const text = value.trim();
  const ms = parseWireDate(text) ?? Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** True when the stored timestamp is at or after `since`, to the second. */
export function modifiedSince(updated: string | undefined, since: number): boolean {
  if (!updated) return false;
  return Math.floor(storedToMs(updated) / 1000) >= Math.floor(since / 1000);
}
