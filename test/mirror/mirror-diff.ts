import { COMPUTED_FIELDS } from "../../src/triggers/fingerprint.js";
import type { ConnectorAdapter } from "../../src/connector/adapter.js";
import type { EntityName } from "../../src/connector/entities.js";
import { maxPageSizeOf } from "../../src/connector/listing.js";
import { loadConfig, resolveSecretKey } from "../../src/config/index.js";
import { systemClock } from "../../src/infra/clock.js";
import { silentLogger } from "../../src/infra/logger.js";
import { mirroredEntities } from "../../src/mirror/mirror-runtime.js";
import type { MirrorRecord, MirrorStore } from "../../src/mirror/mirror-store.js";
import { openMirrorStore } from "../../src/mirror/open-mirror-store.js";
import { createAdapterPool } from "../../src/organizations/adapter-pool.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import { createOrganizationRepository } from "../../src/organizations/organization-repository.js";
import { createSecretBox } from "../../src/secrets/secret-box.js";
import { createKeyValueStore } from "../../src/store/create-store.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import type { EventLog } from "../../src/triggers/event-log/event-log.js";
import { openEventLog } from "../../src/triggers/event-log/open-event-log.js";
import { isKeyEvent, type StoredEvent } from "../../src/triggers/event.js";
import { endedStatusOf, fingerprintOf, snapshotOf, type Observed } from "../../src/triggers/fingerprint.js";
import { mirrorLocationOf } from "../../src/triggers/start-triggers.js";
import { connectors } from "../../connectors/index.js";

/**
 * The mirror compared with the providers' books, record by record: for every organization and every
 * entity its connector can list, the records listed live in full (archived ones included, past any
 * connector cache) against the mirror's rows — the same remote ids, and for each the same version
 * fingerprint, the same ended status and the same unified record (without `raw` and without the
 * fields the gateway computes from the clock). Also: whether the mirror is behind the event log.
 * Reusable by tests and benchmarks; nothing here asserts.
 */

/**
 * Fields of a unified record the gateway computes from the clock rather than reading from the
 * provider, left out of the comparison: the same set `fingerprintOf` ignores (src/triggers/fingerprint.ts).
 */
/** Fields the gateway computes from the clock or builds lazily: never compared (the fingerprint ignores them too). */
export const GATEWAY_COMPUTED_FIELDS: readonly string[] = [...COMPUTED_FIELDS];

/** One way the mirror and the books disagree. */
export interface MirrorDifference {
  organizationId: string;
  provider: string;
  entity: EntityName;
  remoteId: string;
  /** `missing`: the books have it, the mirror not; `extra`: the mirror has it, the books not; else the row differs in `field`. */
  kind: "missing" | "extra" | "fingerprint" | "ended" | "field";
  /** Dotted path into the unified record (`lineItems[0].amount`), for `field`. */
  field?: string;
  mirror?: unknown;
  live?: unknown;
  /**
   * For `field`: the mirror's row and the books are at the same version fingerprint, so the provider
   * changed the record without changing its `updatedAt` and detection, which compares versions, kept
   * the old content.
   */
  sameVersion?: boolean;
}

/** What was compared for one organization and entity. */
export interface EntityComparison {
  organizationId: string;
  provider: string;
  entity: EntityName;
  liveRecords: number;
  mirrorRecords: number;
  differences: MirrorDifference[];
}

export interface MirrorComparison {
  entities: EntityComparison[];
  differences: MirrorDifference[];
  /** Every record the books hold now, by `recordKey` (for `mirrorBehindLog`). */
  live: Map<string, Observed>;
  /** Every row the mirror holds now, by `recordKey`. */
  rows: Map<string, MirrorRecord>;
}

/** `organizationId|entity|remoteId`. */
export const recordKey = (organizationId: string, entity: EntityName, remoteId: string) => `${organizationId}|${entity}|${remoteId}`;

/** A unified record as compared: plain JSON (lazy `raw` resolved, as the mirror stores it), without the gateway-computed fields. */
export function comparable(record: Record<string, unknown>): Record<string, unknown> {
  const json = snapshotOf(record as unknown as Observed);
  for (const field of GATEWAY_COMPUTED_FIELDS) delete json[field];
  return json;
}

/** Where two JSON values differ, as dotted paths (objects compared key by key whatever their order, arrays by position). */
export function jsonDifferences(mirror: unknown, live: unknown, path = ""): Array<{ field: string; mirror: unknown; live: unknown }> {
  if (Object.is(mirror, live)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (Array.isArray(mirror) && Array.isArray(live)) {
    const out: Array<{ field: string; mirror: unknown; live: unknown }> = [];
    for (let i = 0; i < Math.max(mirror.length, live.length); i++) out.push(...jsonDifferences(mirror[i], live[i], `${path}[${i}]`));
    return out;
  }
  if (isObject(mirror) && isObject(live)) {
    const out: Array<{ field: string; mirror: unknown; live: unknown }> = [];
    for (const key of [...new Set([...Object.keys(mirror), ...Object.keys(live)])].sort()) {
      out.push(...jsonDifferences(mirror[key], live[key], path ? `${path}.${key}` : key));
    }
    return out;
  }
  return [{ field: path || "(record)", mirror, live }];
}

/** The differences between the live records of one entity and the mirror's rows for it. */
export function diffEntityRecords(
  where: { organizationId: string; provider: string; entity: EntityName },
  live: readonly Observed[],
  rows: readonly MirrorRecord[],
): MirrorDifference[] {
  const differences: MirrorDifference[] = [];
  const say = (remoteId: string, d: Omit<MirrorDifference, "organizationId" | "provider" | "entity" | "remoteId">) => differences.push({ ...where, remoteId, ...d });
  const liveById = new Map(live.map((r) => [r.remoteId, r]));
  const rowById = new Map(rows.map((r) => [r.remoteId, r]));
  if (liveById.size !== live.length) {
    const seen = new Set<string>();
    for (const r of live) {
      if (seen.has(r.remoteId)) say(r.remoteId, { kind: "field", field: "(listed more than once by the provider)" });
      seen.add(r.remoteId);
    }
  }
  for (const [remoteId, record] of liveById) {
    const row = rowById.get(remoteId);
    if (!row) {
      say(remoteId, { kind: "missing", live: fingerprintOf(record) });
      continue;
    }
    const fingerprint = fingerprintOf(record);
    if (row.fingerprint !== fingerprint) say(remoteId, { kind: "fingerprint", mirror: row.fingerprint, live: fingerprint });
    const ended = endedStatusOf(record) ?? null;
    if (row.ended !== ended) say(remoteId, { kind: "ended", mirror: row.ended, live: ended });
    const sameVersion = row.fingerprint === fingerprint;
    for (const d of jsonDifferences(comparable(row.record), comparable(record as unknown as Record<string, unknown>))) say(remoteId, { kind: "field", ...d, ...(sameVersion ? { sameVersion } : {}) });
  }
  for (const [remoteId, row] of rowById) if (!liveById.has(remoteId)) say(remoteId, { kind: "extra", mirror: row.fingerprint });
  return differences;
}

/** Every record of an entity as the provider lists it now: archived included, in the largest pages, past any connector cache. */
export async function listLive(adapter: ConnectorAdapter, entity: EntityName): Promise<Observed[]> {
  const first = maxPageSizeOf(adapter.capabilities, entity);
  const all: Observed[] = [];
  for (let offset = 0; ; ) {
    const page = await adapter.list(entity, { first, offset, filter: { includeArchived: true }, fresh: true });
    all.push(...(page.items as Observed[]));
    offset += page.items.length;
    if (!page.hasNextPage || page.items.length === 0) return all;
  }
}

export interface CompareMirrorOptions {
  mirror: MirrorStore;
  organizations: readonly OrganizationRecord[];
  adapterFor(organization: OrganizationRecord): ConnectorAdapter;
  /** @default every entity the connector can list (what the gateway mirrors) */
  entitiesOf?(organization: OrganizationRecord, adapter: ConnectorAdapter): EntityName[];
}

/** Compares the mirror with the books of every organization, entity by entity (the books read first, then the mirror's rows). */
export async function compareMirror({ mirror, organizations, adapterFor, entitiesOf }: CompareMirrorOptions): Promise<MirrorComparison> {
  const live = new Map<string, Observed>();
  const rows = new Map<string, MirrorRecord>();
  // Organizations side by side (each its own provider), entities one after the other.
  const perOrganization = await Promise.all(organizations.map(async (organization) => {
    const adapter = adapterFor(organization);
    const compared: EntityComparison[] = [];
    for (const entity of entitiesOf?.(organization, adapter) ?? mirroredEntities(adapter.capabilities)) {
      const records = await listLive(adapter, entity);
      const mirrored = await mirror.snapshot((snapshot) => snapshot.all(organization.id, entity));
      for (const r of records) live.set(recordKey(organization.id, entity, r.remoteId), r);
      for (const r of mirrored) rows.set(recordKey(organization.id, entity, r.remoteId), r);
      const where = { organizationId: organization.id, provider: organization.provider, entity };
      compared.push({ ...where, liveRecords: records.length, mirrorRecords: mirrored.length, differences: diffEntityRecords(where, records, mirrored) });
    }
    return compared;
  }));
  const entities = perOrganization.flat();
  return { entities, differences: entities.flatMap((e) => e.differences), live, rows };
}

/** True when the mirror's row holds the event's version of the record or a later one. */
function rowAtOrAfter(row: MirrorRecord, event: StoredEvent): boolean {
  const version = fingerprintOf(event.record as unknown as Observed);
  if (row.fingerprint === version) return true;
  // Two provider timestamps order the versions; otherwise the row must have been written by that detection or a later one.
  if (row.fingerprint.startsWith("u:") && version.startsWith("u:")) return Date.parse(row.fingerprint.slice(2)) >= Date.parse(version.slice(2));
  return Date.parse(row.writtenAt) >= Date.parse(event.detectedAt);
}

/**
 * Events the mirror is behind: an event whose record the books still hold, with no mirror row at the
 * event's version or a later one. (An event is appended only after the mirror committed its record,
 * so none should be.) `live` and `rows` as `compareMirror` answers them.
 */
export function mirrorBehindLog(events: readonly StoredEvent[], live: ReadonlyMap<string, Observed>, rows: ReadonlyMap<string, MirrorRecord>): string[] {
  const problems: string[] = [];
  for (const event of events) {
    // Key events (WEBHOOK_ENDPOINT_DISABLED) carry no organization's record.
    if (!event.record || isKeyEvent(event) || event.organizationId === null) continue;
    const key = recordKey(event.organizationId, event.entity as EntityName, event.remoteId);
    if (!live.has(key)) continue;
    const row = rows.get(key);
    const version = fingerprintOf(event.record as unknown as Observed);
    if (!row) problems.push(`${event.provider} ${event.entity} ${event.remoteId}: event ${event.change} at ${version} (${event.cursor}), no mirror row`);
    else if (!rowAtOrAfter(row, event)) {
      problems.push(`${event.provider} ${event.entity} ${event.remoteId}: event ${event.change} at ${version} detected ${event.detectedAt}, mirror row at ${row.fingerprint} written ${row.writtenAt}`);
    }
  }
  return problems;
}

const shown = (value: unknown) => {
  const text = JSON.stringify(value);
  return text === undefined ? "undefined" : text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

/** The differences as lines a person reads: provider, entity, remote id, what differs (the first `limit`, then how many more). */
export function formatDifferences(differences: readonly MirrorDifference[], limit = 60): string {
  const lines = differences.slice(0, limit).map((d) => {
    const what =
      d.kind === "missing" ? `missing from the mirror (books at ${shown(d.live)})`
      : d.kind === "extra" ? `in the mirror (${shown(d.mirror)}) but not in the books`
      : `${d.kind === "field" ? d.field : d.kind}: mirror ${shown(d.mirror)}, books ${shown(d.live)}${d.sameVersion ? " (both at the same version: changed without a new updatedAt)" : ""}`;
    return `${d.provider} ${d.entity} ${d.remoteId}: ${what}`;
  });
  if (differences.length > limit) lines.push(`… and ${differences.length - limit} more`);
  return lines.join("\n");
}

/** Counts per provider and entity, fields named: `XERO Contact: field isSupplier 3, missing 1`. */
export function summarizeDifferences(differences: readonly MirrorDifference[]): string[] {
  const groups = new Map<string, Map<string, number>>();
  for (const d of differences) {
    const key = `${d.provider} ${d.entity}`;
    const what = d.kind === "field" ? `field ${d.field?.replace(/\[\d+\]/g, "[]")}${d.sameVersion ? " (same version)" : ""}` : d.kind;
    const kinds = groups.get(key) ?? new Map<string, number>();
    kinds.set(what, (kinds.get(what) ?? 0) + 1);
    groups.set(key, kinds);
  }
  return [...groups].map(([key, kinds]) => `${key}: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`);
}

/** A stopped gateway's data folder opened for reading: its mirror, its event log, its organizations and an adapter for each. */
export interface DataFolder {
  mirror: MirrorStore;
  log: EventLog;
  organizations: OrganizationRecord[];
  adapterFor(organization: OrganizationRecord): ConnectorAdapter;
  close(): Promise<void>;
}

/**
 * Opens what a gateway left in `dataDir` (its default SQLite store, mirror and log, as `startLedgerline`
 * finds them), with adapters built from the stored credentials as the gateway builds them. Meant for a
 * stopped gateway: an adapter may refresh and save an organization's tokens.
 */
export async function openDataFolder(dataDir: string): Promise<DataFolder> {
  const config = loadConfig({ LEDGERLINE_DATA_DIR: dataDir });
  const { store, location, close: closeStore } = await createKeyValueStore(config.storeUrl, { logger: silentLogger });
  try {
    const secrets = createSecretBox(resolveSecretKey(config));
    const organizations = await createOrganizationRepository(store).list();
    const pool = createAdapterPool({ connectors, store: store.namespace("connector"), cache: memoryStore(), secrets, logger: silentLogger, clock: systemClock });
    const mirror = await openMirrorStore(mirrorLocationOf(undefined, location));
    const log = await openEventLog(location);
    return {
      mirror, log, organizations, adapterFor: (o) => pool.adapterFor(o),
      close: async () => {
        await log.close();
        await mirror.close();
        await closeStore();
      },
    };
  } catch (error) {
    await closeStore();
    throw error;
  }
}
