import { isOverdue } from "../../connector/in-memory.js";
import { lazyRaw } from "../../connector/raw.js";
import type { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import type { ListFilter } from "../../connector/adapter.js";
import type { EntityName } from "../../connector/entities.js";
import type { MirrorFilter, MirrorPosition, MirrorRecord, MirrorStore } from "../mirror-store.js";
import { laterOf, markFreshness } from "./freshness.js";
import type { EntityReadiness, ReadSource } from "./read-source.js";

/** One page read from the mirror, before the schema shapes it into a connection. */
export interface MirrorPage {
  records: Record<string, unknown>[];
  positions: MirrorPosition[];
  hasNextPage: boolean;
  /** Runs the count only when called: a connection's `totalCount` costs nothing unless it is selected. */
  totalCount: () => Promise<number>;
}

export interface MirrorPageQuery {
  organizationId: string;
  entity: EntityName;
  first: number;
  after?: MirrorPosition;
  /** The list's filter, as the live path would send it to the connector. */
  filter: ListFilter;
  readiness: EntityReadiness;
  /** The source the request asked for (kept on each record for its references). */
  asked: ReadSource;
}

/** A list filter as the mirror applies it: the same fields, every one of them on every entity. */
export function toMirrorFilter(filter: ListFilter): MirrorFilter {
  const out: MirrorFilter = {};
  if (filter.status?.length) out.status = filter.status;
  if (filter.contactRemoteId) out.contactRemoteId = filter.contactRemoteId;
  if (filter.dateFrom) out.dateFrom = filter.dateFrom;
  if (filter.dateTo) out.dateTo = filter.dateTo;
  if (filter.updatedSince) out.updatedSince = filter.updatedSince;
  if (filter.search) out.search = filter.search;
  if (filter.includeArchived) out.includeArchived = true;
  return out;
}

/**
 * One keyset page of the mirror: rows after `after` in the entity's order, each record tagged with
 * its freshness, and a count that runs only if asked for.
 */
export async function readMirrorPage(store: MirrorStore, q: MirrorPageQuery): Promise<MirrorPage> {
  const filter = toMirrorFilter(q.filter);
  const page = await store.list(q.organizationId, q.entity, { filter, first: q.first, ...(q.after ? { after: q.after } : {}) });
  let counted: Promise<number> | undefined;
  return {
    records: page.rows.map((row) => mirrorRecordOf(row, q.readiness, q.asked)),
    positions: page.positions,
    hasNextPage: page.hasNextPage,
    totalCount: () => (counted ??= store.count(q.organizationId, q.entity, filter)),
  };
}

/**
 * The record of a mirror row, tagged MIRROR with syncedAt = the later of the row's write and the
 * entity's last sync. Its `raw` is a thunk, as connectors hand it out: parsed only if selected.
 */
export function mirrorRecordOf(row: MirrorRecord, readiness: Pick<EntityReadiness, "syncedAt">, asked: ReadSource): Record<string, unknown> {
  const { record, rawJson } = row;
  // A row an older version rewrote keeps `raw` inside the record (and a stale column): the record's wins.
  if (rawJson !== null && !("raw" in record)) record.raw = lazyRaw(() => JSON.parse(rawJson) as unknown);
  return markFreshness(withClockFields(record), { source: "MIRROR", syncedAt: laterOf(row.writtenAt, readiness.syncedAt), asked });
}

/**
 * What the gateway computes from the clock is computed again on read: a row written last week says
 * whether the invoice was overdue then (the fingerprint ignores such fields, so no write refreshes them).
 */
function withClockFields(record: Record<string, unknown>): Record<string, unknown> {
  if (!("isOverdue" in record)) return record;
  const { dueDate, amountDue, status } = record as { dueDate?: string | null; amountDue?: string; status?: string };
  if (typeof amountDue !== "string" || typeof status !== "string") return record;
  record.isOverdue = isOverdue(dueDate ?? null, amountDue, status as InvoiceStatus, new Date());
  return record;
}
