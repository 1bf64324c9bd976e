import type { Kysely } from "kysely";
import type { ListFilter } from "../connector/adapter.js";
import type { EntityName } from "../connector/entities.js";
import type { NewEvent } from "../triggers/event.js";

/**
 * The mirror: each organization's books as the change feed last saw them, one row per record, with
 * indexed columns for every filter the schema offers. It also keeps, per organization and entity,
 * what detection needs (the sync state), so a detection's record writes and its state are one
 * transaction.
 */

/** The filterable and sortable facts of a record, extracted once when it is written. */
export interface IndexedColumns {
  status: string | null;
  contactRemoteId: string | null;
  /** Accounting date (YYYY-MM-DD) for documents; null for records without one. */
  date: string | null;
  /** The provider's `updatedAt` (ISO), if it keeps one. */
  updatedAt: string | null;
  number: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** Lower-cased text the mirror's `search` filter matches (name, number, reference, email, phone, contact name). */
  searchText: string;
  /** True when the provider's default list leaves it out (shown only with includeArchived). */
  archived: boolean;
}

/** One record as the mirror keeps it. */
export interface MirrorRecord {
  remoteId: string;
  /** The version detection compares (`fingerprintOf`). */
  fingerprint: string;
  /** VOIDED or DELETED when the record's status ended it. */
  ended: "VOIDED" | "DELETED" | null;
  /**
   * The unified record as plain JSON, without `raw` (a new object per read). A row written before
   * `raw` had its own column still holds it here.
   */
  record: Record<string, unknown>;
  /**
   * The record's `raw` (the provider's payload, about half of every row) as JSON text, parsed only
   * by whoever needs it (`recordWithRaw`, the schema's `raw` field); null when there is none here.
   */
  rawJson: string | null;
  /** When the mirror last wrote this row (ISO). */
  writtenAt: string;
}

/** A mirror row's record with its `raw` parsed back in: the record as it was written. */
export function recordWithRaw(row: Pick<MirrorRecord, "record" | "rawJson">): Record<string, unknown> {
  return row.rawJson === null || "raw" in row.record ? row.record : { ...row.record, raw: JSON.parse(row.rawJson) as unknown };
}

/** What detection knows of one record without loading it. */
export interface KnownRecord {
  fingerprint: string;
  ended: "VOIDED" | "DELETED" | null;
}

/** A record to write: its row, and the columns extracted from it. */
export interface MirrorWrite {
  remoteId: string;
  fingerprint: string;
  ended: "VOIDED" | "DELETED" | null;
  record: Record<string, unknown>;
  columns: IndexedColumns;
}

/** Detection's bookkeeping for one organization and entity (was the poll state, without the `seen` map). */
export interface SyncState {
  /** When the first full listing completed. Records present at the baseline raised no events. */
  baselineAt?: string;
  /** `updatedSince` for the next incremental read. */
  cursor?: string;
  /** When the last full listing (baseline or reconciliation) finished. */
  lastFullScanAt?: string;
  /** Set after a resumed baseline (less a margin): records it missed that changed before this raise no CREATED when found later. */
  baselineListedFrom?: string;
  /** When the last poll (not a lookup) completed. */
  lastRunAt?: string;
  /** When the mirror last held everything the provider had for this entity: a completed poll. */
  syncedAt?: string;
  eventsEmitted: number;
  /** A baseline listing under way: where it resumes after a restart. */
  backfill?: { offset: number; startedAt: string; newestUpdatedAt?: string; /** It was resumed after a restart. */ resumed?: boolean };
  /** Events a crash may have kept from the log: append them (the log drops ids it has), then clear. */
  pending?: NewEvent[];
  /** The row's revision when it was read (set by `loadSync`, never stored in the state itself). */
  revision?: number;
}

/** One write of detection: records in, records out and the new sync state, in one transaction. */
export interface MirrorCommit {
  upserts: readonly MirrorWrite[];
  removals: readonly string[];
  sync: SyncState;
  /**
   * The sync row's revision the writer read (`SyncState.revision`; null: it read no row). The commit
   * fails with `MirrorConflictError`, writing nothing, when another writer (another instance sharing
   * the database) committed in between. Undefined: no check.
   */
  expectedRevision?: number | null;
  /**
   * The fencing token of the poll lease the writer holds (pollers only). The commit fails with
   * `MirrorFencedError`, writing nothing, when the row stores a larger one (a later holder committed);
   * else the row keeps the larger of the two. Undefined (webhooks, the gateway's own writes): no check.
   */
  fence?: number;
}

/** Another writer committed to the same organization and entity since this one read it: read again and retry. */
export class MirrorConflictError extends Error {
  constructor(organizationId: string, entity: string) {
    super(`the mirror's sync state of ${organizationId} ${entity} changed under this writer`);
    this.name = "MirrorConflictError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * The writer's poll lease passed to another instance, which has committed since: nothing was written.
 * The writer has lost its lease and stops polling (retrying cannot succeed).
 */
export class MirrorFencedError extends Error {
  constructor(organizationId: string, entity: string, readonly fence: number, readonly storedFence: number) {
    super(`the poll lease of ${organizationId} passed to another instance (its token ${storedFence} is above this writer's ${fence}): ${entity} not written`);
    this.name = "MirrorFencedError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Keyset position in a mirror list: the sort value and the remote id of the last row returned. */
export interface MirrorPosition {
  sortValue: string | null;
  remoteId: string;
}

/** The filters of a list, as the connectors take them; the mirror applies every one of them to every entity. */
export type MirrorFilter = Omit<ListFilter, "status"> & { status?: readonly string[] };

export interface MirrorListQuery {
  filter: MirrorFilter;
  first: number;
  after?: MirrorPosition;
}

export interface MirrorListPage {
  rows: MirrorRecord[];
  hasNextPage: boolean;
  /** Position of each row, for its cursor (same order as `rows`). */
  positions: MirrorPosition[];
}

export interface EntitySyncRow {
  entity: EntityName;
  records: number;
  sync: SyncState;
}

/** A read-only view in which every read sees the same moment of the mirror (reports). */
export interface MirrorSnapshot {
  all(organizationId: string, entity: EntityName): Promise<MirrorRecord[]>;
}

/**
 * The mirror's own Kysely database, for other stores that keep their tables beside the mirror's
 * (webhooks) so one transaction can span both. `db` writes; `reader` reads the last committed state
 * (a separate read-only connection on a SQLite file, the same as `db` otherwise).
 */
export interface MirrorDatabaseHandle {
  kind: "sqlite" | "postgres";
  db: Kysely<any>;
  reader: Kysely<any>;
}

export interface MirrorStore {
  readonly kind: "sqlite" | "postgres";
  /** The database the mirror lives in (set by the Kysely store; absent on stores that have none). */
  readonly database?: MirrorDatabaseHandle;
  // Detection.
  loadSync(organizationId: string, entity: EntityName): Promise<SyncState | undefined>;
  known(organizationId: string, entity: EntityName, remoteIds: readonly string[]): Promise<Map<string, KnownRecord>>;
  knownIds(organizationId: string, entity: EntityName): Promise<string[]>;
  commit(organizationId: string, entity: EntityName, change: MirrorCommit): Promise<void>;
  /** Bumped by every commit that changed a record; a cache of anything computed from the books is valid while it stays. */
  version(organizationId: string): Promise<number>;
  // Reads.
  list(organizationId: string, entity: EntityName, query: MirrorListQuery): Promise<MirrorListPage>;
  /**
   * Rows matching `filter`. Remembered per organization, entity and filter while the organization's
   * `version` stays (counting a large match reads every index entry: ≈10 ms for 56,000 invoices).
   */
  count(organizationId: string, entity: EntityName, filter: MirrorFilter): Promise<number>;
  getMany(organizationId: string, entity: EntityName, remoteIds: readonly string[]): Promise<Array<MirrorRecord | null>>;
  entities(organizationId: string): Promise<EntitySyncRow[]>;
  snapshot<T>(read: (snapshot: MirrorSnapshot) => Promise<T>): Promise<T>;
  /** Everything of one organization, gone (disconnect, tests). */
  forget(organizationId: string): Promise<void>;
  close(): Promise<void>;
}
