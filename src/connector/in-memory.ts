import { Decimal } from "decimal.js";
import { InvoiceStatus } from "../../schema/invoice/invoice-status.enum.js";
import type { ListParams, Page } from "./adapter.js";

/** A Relay page out of records held in memory (whole lists, cached reference data). */
export function pageInMemory<T>(records: readonly T[], { first, offset }: Pick<ListParams, "first" | "offset">): Page<T> {
  return { items: records.slice(offset, offset + first), hasNextPage: offset + first < records.length, totalCount: records.length };
}

const OPEN = new Set<InvoiceStatus>([InvoiceStatus.AUTHORISED, InvoiceStatus.PARTIALLY_PAID]);

/** Open, past its due date (the UTC day of `now`), with money still due — for providers that do not say. */
export function isOverdue(dueDate: string | null, amountDue: string, status: InvoiceStatus, now: Date): boolean {
  return OPEN.has(status) && dueDate !== null && dueDate < now.toISOString().slice(0, 10) && new Decimal(amountDue).greaterThan(0);
}
