import type { ListFilter } from "../../../src/connector/adapter.js";
import { badUserInput, notSupported } from "../../../src/errors/index.js";
import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import { and, equals, notEquals, or } from "./where.js";

/** Upper-cased statuses, each checked against the values the entity knows. */
export function statusesOf(filter: ListFilter, allowed: readonly string[]): string[] {
  const statuses = [...new Set((filter.status ?? []).map((s) => s.toUpperCase()))];
  const unknown = statuses.filter((s) => !allowed.includes(s));
  if (unknown.length > 0) {
    throw badUserInput([{ field: "filter.status", message: `unknown status ${unknown.join(", ")}; use one of ${allowed.join(", ")}` }]);
  }
  return statuses;
}

/** Quotes and purchase orders take a single `Status` parameter. */
export function singleStatus(entity: string, filter: ListFilter, allowed: readonly string[]): string | undefined {
  const statuses = statusesOf(filter, allowed);
  if (statuses.length > 1) throw notSupported("XERO", `filtering ${entity} by more than one status at a time`);
  return statuses[0];
}

const PAID_SOMETHING = "(AmountPaid>0 OR AmountCredited>0)";
const PAID_NOTHING = "(AmountPaid==0 AND AmountCredited==0)";

/**
 * Unified invoice statuses → Xero's `Statuses` parameter, plus a `where` clause when only one of
 * AUTHORISED / PARTIALLY_PAID was asked for (Xero calls both AUTHORISED).
 */
export function invoiceStatusQuery(filter: ListFilter): { statuses?: string[]; where?: string } {
  const wanted = statusesOf(filter, Object.values(InvoiceStatus));
  if (wanted.length === 0) return {};
  const statuses = [...new Set(wanted.map((s) => (s === InvoiceStatus.PARTIALLY_PAID ? InvoiceStatus.AUTHORISED : s)))];
  const open = wanted.includes(InvoiceStatus.AUTHORISED);
  const partial = wanted.includes(InvoiceStatus.PARTIALLY_PAID);
  if (open === partial) return { statuses };
  return { statuses, where: or(notEquals("Status", "AUTHORISED"), partial ? PAID_SOMETHING : PAID_NOTHING) };
}

/** `Status=="A" OR Status=="B"` for endpoints that filter status through `where`. */
export function statusWhere(statuses: string[], field = "Status"): string | undefined {
  return statuses.length === 0 ? undefined : or(...statuses.map((s) => equals(field, s)));
}

