import type { EntityName } from "../connector/entities.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import type { MirrorStore } from "./mirror-store.js";

/** How far one entity of one organization's mirror can be trusted. */
export type MirrorEntityState = "BACKFILLING" | "IN_SYNC" | "STALE";

export interface MirrorEntityStatus {
  entity: EntityName;
  state: MirrorEntityState;
  /** Records in the mirror. */
  records: number;
  /** When the mirror last held everything the provider had (a completed poll); null before the first. */
  syncedAt: string | null;
  /** Seconds since `syncedAt` (null before the first). */
  lagSeconds: number | null;
  /** Rows the backfill has written so far while BACKFILLING. */
  backfilled: number | null;
}

/** What the read path and the mutations need from the mirror (absent when the mirror is off). */
export interface MirrorAccess {
  store: MirrorStore;
  /** The entities this organization's connector can list, each with its state; entities it cannot list are absent. */
  status(organizationId: string): Promise<MirrorEntityStatus[]>;
  /** One entity's state (cheap: no record count). */
  entityState(organizationId: string, entity: EntityName): Promise<{ state: MirrorEntityState; syncedAt: string | null }>;
  /**
   * A write the gateway made (mutation) or a record it read live: recorded through the change recorder,
   * so the mirror and the event log stay one path (its events are emitted now, not at the next poll).
   * `change` says what the write was (CREATED for a create), for an entity still backfilling. @default "UPDATED"
   */
  observed(organization: OrganizationRecord, entity: EntityName, records: readonly Record<string, unknown>[], change?: "CREATED" | "UPDATED"): Promise<void>;
  /** A record the gateway deleted: gone from the mirror now (DELETED event when declared). */
  removed(organization: OrganizationRecord, entity: EntityName, remoteIds: readonly string[]): Promise<void>;
}
