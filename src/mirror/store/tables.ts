import type { Generated } from "kysely";
/** The mirror's tables as Kysely sees them (one shape on SQLite and PostgreSQL). */

/** One record of one organization and entity, with the columns its filters and sort use. */
export interface RecordsTable {
  organization_id: string;
  entity: string;
  remote_id: string;
  fingerprint: string;
  ended: string | null;
  /** The unified record without `raw`, JSON text. */
  record: string;
  /** The record's `raw` (the provider's payload), JSON text; null when it has none, or for rows written before it had a column (their `record` holds it). */
  raw: string | null;
  written_at: string;
  status: string | null;
  contact_remote_id: string | null;
  date: string | null;
  updated_at: string | null;
  number: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  search_text: string;
  /** 1 when the provider's default list leaves the record out, else 0. */
  archived: number;
  /** The per-entity order key (`sortValueOf`): a date or a lower-cased name, "" when missing. */
  sort_value: string;
}

/** Detection's state of one organization and entity, JSON text. */
export interface SyncTable {
  organization_id: string;
  entity: string;
  state: string;
  /** Bumped by every commit: a commit names the revision it read, and fails if another writer moved it. */
  revision: Generated<number>;
  /** The largest poll-lease fencing token a commit carried (0: none); bigint, so PostgreSQL may hand it back as a string. */
  fence: Generated<number | string>;
}

/** A counter per organization, bumped by every commit that changed a record. */
export interface VersionsTable {
  organization_id: string;
  /** bigint: PostgreSQL hands it back as a string. */
  version: number | string;
}

export interface MirrorDatabase {
  mirror_records: RecordsTable;
  mirror_sync: SyncTable;
  mirror_versions: VersionsTable;
}

/** Columns a commit writes for a record besides its key (in insert order). */
export const RECORD_VALUE_COLUMNS = [
  "fingerprint",
  "ended",
  "record",
  "raw",
  "written_at",
  "status",
  "contact_remote_id",
  "date",
  "updated_at",
  "number",
  "name",
  "email",
  "phone",
  "search_text",
  "archived",
  "sort_value",
] as const satisfies readonly (keyof RecordsTable)[];

/** Columns that hold what a record is (everything but when it was written): an upsert that changes none of them changes nothing. */
export const RECORD_CONTENT_COLUMNS = RECORD_VALUE_COLUMNS.filter((column) => column !== "written_at");

/** Parameters one record row binds in an insert (key + values). */
export const PARAMETERS_PER_RECORD = 3 + RECORD_VALUE_COLUMNS.length;
