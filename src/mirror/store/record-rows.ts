import type { EntityName } from "../../connector/entities.js";
import { sortValueOf } from "../columns.js";
import type { MirrorRecord, MirrorWrite } from "../mirror-store.js";
import type { RecordsTable } from "./tables.js";

/**
 * The row a write becomes. The record is serialised here, inside the commit's transaction, so a
 * record that cannot be serialised fails the commit like any other error (nothing written).
 */
export function toRecordRow(organizationId: string, entity: EntityName, write: MirrorWrite, writtenAt: string): RecordsTable {
  const { columns } = write;
  const { raw, ...record } = write.record;
  return {
    organization_id: organizationId,
    entity,
    remote_id: write.remoteId,
    fingerprint: write.fingerprint,
    ended: write.ended,
    record: JSON.stringify(record),
    raw: raw === undefined ? null : JSON.stringify(raw),
    written_at: writtenAt,
    status: columns.status,
    contact_remote_id: columns.contactRemoteId,
    date: columns.date,
    updated_at: columns.updatedAt,
    number: columns.number,
    name: columns.name,
    email: columns.email,
    phone: columns.phone,
    search_text: columns.searchText,
    archived: columns.archived ? 1 : 0,
    sort_value: sortValueOf(entity, columns),
  };
}

/** A stored row as the mirror hands it out: a new object per read; `raw` stays JSON text until someone asks for it. */
export function fromRecordRow(row: Pick<RecordsTable, "remote_id" | "fingerprint" | "ended" | "record" | "raw" | "written_at">): MirrorRecord {
  return {
    remoteId: row.remote_id,
    fingerprint: row.fingerprint,
    ended: endedOf(row.ended),
    record: JSON.parse(row.record) as Record<string, unknown>,
    rawJson: row.raw ?? null,
    writtenAt: row.written_at,
  };
}

/** The stored `ended` column as the interface spells it (anything unexpected reads as not ended). */
export function endedOf(value: string | null): "VOIDED" | "DELETED" | null {
  return value === "VOIDED" || value === "DELETED" ? value : null;
}

/** The writes of one commit with a remote id written twice kept once (the last wins), as one upsert statement requires. */
export function lastWritePerId(writes: readonly MirrorWrite[]): MirrorWrite[] {
  const byId = new Map<string, MirrorWrite>();
  for (const write of writes) {
    byId.delete(write.remoteId);
    byId.set(write.remoteId, write);
  }
  return [...byId.values()];
}

/** `items` in consecutive slices of at most `size`. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
