import { supports, type CapabilityDeclaration } from "../connector/capabilities.js";
import { ENTITY_NAMES, type EntityName } from "../connector/entities.js";
import type { Clock } from "../infra/clock.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import type { ChangeRecorder } from "../triggers/change-recorder.js";
import type { Observed } from "../triggers/fingerprint.js";
import { declaredChangesOf } from "../triggers/trigger-declarations.js";
import type { MirrorAccess, MirrorEntityState, MirrorEntityStatus } from "./mirror-access.js";
import type { MirrorStore, SyncState } from "./mirror-store.js";

export interface MirrorRuntimeOptions {
  store: MirrorStore;
  recorder: ChangeRecorder;
  capabilitiesOf(organization: OrganizationRecord): CapabilityDeclaration;
  organization(organizationId: string): Promise<OrganizationRecord | undefined>;
  clock: Clock;
  /** An entity whose last completed poll is older than this is STALE (or than twice its planned period, when longer). */
  maxLagMs: number;
  /**
   * Time the scheduler now plans between two polls of an entity, when it knows one. A provider's daily
   * budget can space polls further apart than `maxLagMs` (Xero's 5,000 calls a day): such an entity is
   * STALE only once a poll is overdue (twice its period), not whenever it waits for its turn, so
   * `source: AUTO` does not spend the budget reading live what the mirror holds as fresh as the budget allows.
   */
  plannedPeriodMs?(organizationId: string, entity: EntityName): number | undefined;
  /** How long one entity's state is reused by reads in this process. @default 500 */
  stateTtlMs?: number;
}

/** The entities of a connector the mirror keeps: every one it can list. */
export function mirroredEntities(capabilities: CapabilityDeclaration): EntityName[] {
  return ENTITY_NAMES.filter((entity) => supports(capabilities, entity, "list"));
}

/** BACKFILLING until the first full listing completed; then IN_SYNC while the last completed poll is recent enough, else STALE. */
export function stateOf(sync: (SyncState & { legacySeen?: unknown }) | undefined, now: number, maxLagMs: number): MirrorEntityState {
  if (!sync?.baselineAt || sync.legacySeen !== undefined || !sync.syncedAt) return "BACKFILLING";
  return now - Date.parse(sync.syncedAt) > maxLagMs ? "STALE" : "IN_SYNC";
}

/**
 * The mirror as requests see it: each entity's state (what `source: AUTO` decides on), the
 * organization's progress, and the gateway's own writes recorded through the change recorder so a
 * client reads its write at once and its events go out now.
 */
export function createMirrorRuntime({ store, recorder, capabilitiesOf, organization, clock, maxLagMs, plannedPeriodMs, stateTtlMs = 500 }: MirrorRuntimeOptions): MirrorAccess & { invalidate(organizationId: string, entity: EntityName): void } {
  const recent = new Map<string, { at: number; value: { state: MirrorEntityState; syncedAt: string | null } }>();

  async function entityState(organizationId: string, entity: EntityName) {
    const key = `${organizationId}\u0000${entity}`;
    const now = clock.now().getTime();
    const cached = recent.get(key);
    if (cached && now - cached.at < stateTtlMs) return cached.value;
    const sync = await store.loadSync(organizationId, entity);
    const value = { state: stateOf(sync, now, lagAllowed(organizationId, entity)), syncedAt: sync?.syncedAt ?? null };
    if (recent.size > 10_000) recent.clear();
    recent.set(key, { at: now, value });
    return value;
  }

  const lagAllowed = (organizationId: string, entity: EntityName) => Math.max(maxLagMs, 2 * (plannedPeriodMs?.(organizationId, entity) ?? 0));
  const forget = (organizationId: string, entity: EntityName) => recent.delete(`${organizationId}\u0000${entity}`);

  return {
    store,
    entityState,
    /** Drops the cached state of an entity (the recorder just committed to it). */
    invalidate: forget,
    async status(organizationId) {
      const found = await organization(organizationId);
      if (!found) return [];
      const rows = new Map((await store.entities(organizationId)).map((row) => [row.entity, row]));
      const now = clock.now().getTime();
      return mirroredEntities(capabilitiesOf(found)).map((entity): MirrorEntityStatus => {
        const row = rows.get(entity);
        const state = stateOf(row?.sync, now, lagAllowed(organizationId, entity));
        const syncedAt = row?.sync.syncedAt ?? null;
        return {
          entity,
          state,
          records: row?.records ?? 0,
          syncedAt,
          lagSeconds: syncedAt ? Math.max(0, Math.round((now - Date.parse(syncedAt)) / 1000)) : null,
          backfilled: state === "BACKFILLING" ? (row?.records ?? 0) : null,
        };
      });
    },
    async observed(org, entity, records, change = "UPDATED") {
      if (records.length === 0) return;
      const observed = records as unknown as Observed[];
      const hints = new Map(observed.map((r) => [r.remoteId, { change }]));
      await recorder.record({ organization: org, entity, declared: declaredChangesOf(capabilitiesOf(org), entity), scan: "lookup", records: observed, hints });
      forget(org.id, entity);
    },
    async removed(org, entity, remoteIds) {
      if (remoteIds.length === 0) return;
      await recorder.record({ organization: org, entity, declared: declaredChangesOf(capabilitiesOf(org), entity), scan: "lookup", records: [], vanished: remoteIds });
      forget(org.id, entity);
    },
  };
}
