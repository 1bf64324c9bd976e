import type { ConnectorAdapter } from "../../../connector/adapter.js";
import type { EntityName } from "../../../connector/entities.js";
import { listAll } from "../../../connector/list-all.js";
import { endedStatusOf, fingerprintOf, snapshotOf, type Observed } from "../../../triggers/fingerprint.js";
import { columnsOf } from "../../columns.js";
import type { MirrorStore, MirrorWrite } from "../../mirror-store.js";

/** The mirror row of one unified record, written as detection writes it (JSON snapshot, fingerprint, columns). */
export function mirrorWriteOf(entity: EntityName, record: object): MirrorWrite {
  const observed = record as Observed;
  const snapshot = snapshotOf(observed);
  return { remoteId: observed.remoteId, fingerprint: fingerprintOf(observed), ended: endedStatusOf(observed) ?? null, record: snapshot, columns: columnsOf(entity, snapshot) };
}

/**
 * Writes `records` as the whole of `entity` for the organization and marks it synced at `syncedAt`
 * (a completed baseline), as a finished backfill leaves it.
 */
export async function fillMirror(store: MirrorStore, organizationId: string, entity: EntityName, records: readonly object[], syncedAt = new Date().toISOString()): Promise<void> {
  await store.commit(organizationId, entity, {
    upserts: records.map((record) => mirrorWriteOf(entity, record)),
    removals: [],
    sync: { baselineAt: syncedAt, lastFullScanAt: syncedAt, lastRunAt: syncedAt, syncedAt, eventsEmitted: 0 },
  });
}

/** Lists each entity live through the adapter, as detection does, and writes it to the mirror. */
export async function fillMirrorFromLive(
  store: MirrorStore, organizationId: string, adapter: Pick<ConnectorAdapter, "list">, entities: readonly EntityName[], syncedAt = new Date().toISOString(),
): Promise<void> {
  // As detection lists them: archived records too, which the live report listings leave out (they post nothing).
  for (const entity of entities) await fillMirror(store, organizationId, entity, await listAll(adapter, entity, { includeArchived: true }), syncedAt);
}

/**
 * Paths in a unified record whose value JSON would not give back as it is (a Decimal, a Date, a Map,
 * NaN…): empty when the mirror's JSON row reads exactly like the record. `raw` (possibly a lazy
 * thunk the mirror resolves) is not looked into.
 */
export function nonJsonValues(value: unknown, path = "$"): string[] {
  if (value === null || value === undefined || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonJsonValues(item, `${path}[${i}]`));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([key, item]) => (key === "raw" ? [] : nonJsonValues(item, `${path}.${key}`)));
  }
  return [`${path} (${Object.prototype.toString.call(value)})`];
}
