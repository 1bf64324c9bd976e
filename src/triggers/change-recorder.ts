import type { EntityName } from "../connector/entities.js";
import type { Clock } from "../infra/clock.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import { MirrorConflictError, type IndexedColumns, type KnownRecord, type MirrorCommit, type MirrorStore, type MirrorWrite, type SyncState } from "../mirror/mirror-store.js";
import { detectChanges, type SightingHint } from "./detect-changes.js";
import { withoutRaw, type ChangeKind, type StoredEvent } from "./event.js";
import type { EventLog } from "./event-log/event-log.js";
import { endedStatusOf, fingerprintOf, snapshotOf, type Observed } from "./fingerprint.js";
import { mapInSlices } from "../infra/event-loop-slices.js";
import { createKeyedMutex } from "./keyed-mutex.js";
import type { LegacyPollStates } from "./poll-state.js";

/**
 * How the records were found: the first full listing's last page (`baseline`), a listing of what
 * changed since the cursor (`incremental`), one page of a full listing (`page`), the end of a full
 * listing that also finds vanished records (`full`), or a lookup by id after a webhook or a write
 * the gateway made (`lookup`).
 */
export type ScanKind = "baseline" | "incremental" | "page" | "full" | "lookup";

export interface Sightings {
  organization: OrganizationRecord;
  entity: EntityName;
  declared: readonly ChangeKind[];
  scan: ScanKind;
  records: readonly Observed[];
  vanished?: readonly string[];
  hints?: ReadonlyMap<string, SightingHint>;
  /** When the listing started: the next cursor never passes it, and the mirror is in sync as of it. */
  listedFrom?: Date;
  /** A baseline listing that resumed after a restart (its pages may have shifted). */
  resumed?: boolean;
  /** The poll lease's fencing token (pollers): the commit is refused with `MirrorFencedError` once a later holder's was stored. */
  fence?: number;
}

/** One page of a baseline listing under way: written to the mirror at once, raising no events. */
export interface BackfillPage {
  organization: OrganizationRecord;
  entity: EntityName;
  records: readonly Observed[];
  /** Offset of the next page. */
  nextOffset: number;
  startedAt: Date;
  /** The listing resumed after a restart. */
  resumed?: boolean;
  /** The poll lease's fencing token, as `Sightings.fence`. */
  fence?: number;
}

export interface ChangeRecorderOptions {
  log: EventLog;
  mirror: MirrorStore;
  /** The indexed columns of a record (filters the mirror answers), as its organization's connector defines them. */
  columnsOf(organization: OrganizationRecord, entity: EntityName, record: Record<string, unknown>): IndexedColumns;
  clock: Clock;
  /** Poll states saved by gateways before the mirror: imported once, so their organizations raise no duplicate events. */
  legacy?: LegacyPollStates;
  /** How far before the newest `updatedAt` seen the next incremental read starts. @default 5000 */
  cursorOverlapMs?: number;
  /** Told after every commit (so what reads cached about the entity's state is dropped). */
  onCommitted?(organizationId: string, entity: EntityName): void;
}

/** Sync state as the mirror keeps it, plus fingerprints imported from a pre-mirror poll state until a full listing replaces them. */
interface LoadedSync extends SyncState {
  legacySeen?: Record<string, string>;
  legacyEnded?: Record<string, "VOIDED" | "DELETED">;
}

/** Detections run again at most this often when other instances keep committing to the same entity first. */
const MAX_CONFLICT_RETRIES = 5;

/** How much earlier than a resumed baseline's start a record must have changed to count as one it missed. */
const BASELINE_MARGIN_MS = 5 * 60_000;

export const emptySyncState = (): SyncState => ({ eventsEmitted: 0 });

/**
 * The one detection path the pollers, the webhook ingress and the gateway's own writes share: per
 * organization and entity, one at a time, it loads what the mirror knows of the records sighted (their
 * fingerprints, never the whole organization), detects the changes, and commits in one transaction the
 * changed records, the new sync state and the events as `pending`; then it appends the events to the
 * log and clears `pending`. The mirror is never behind the log; a crash between the two is finished by
 * the next detection (the log keeps each event id once).
 */
export function createChangeRecorder({ log, mirror: store, columnsOf, clock, legacy, cursorOverlapMs = 5000, onCommitted }: ChangeRecorderOptions) {
  const withLock = createKeyedMutex();
  /**
   * Every commit names the sync row's revision its state was read at (`sync.revision`; none: no row
   * yet), so two instances sharing the mirror never overwrite each other's state: the later one gets
   * a `MirrorConflictError`, writes nothing, and its detection runs again on what the other wrote.
   * Resolves with the row's new revision. A poller's commits carry its lease's fencing token too
   * (`fence`): once a later holder's is stored they fail with `MirrorFencedError`, which is not retried.
   */
  const mirror = {
    loadSync: (o: string, e: EntityName) => store.loadSync(o, e),
    known: (o: string, e: EntityName, ids: readonly string[]) => store.known(o, e, ids),
    knownIds: (o: string, e: EntityName) => store.knownIds(o, e),
    async commit(o: string, e: EntityName, change: Omit<MirrorCommit, "expectedRevision" | "fence">, fence: number | undefined): Promise<number> {
      const read = change.sync.revision ?? null;
      await store.commit(o, e, { ...change, expectedRevision: read, ...(fence === undefined ? {} : { fence }) });
      onCommitted?.(o, e);
      return read === null ? 0 : read + 1;
    },
  };
  /** Runs a detection under the entity's lock, again (on fresh state) when another instance committed first. */
  const exclusively = <T>(organizationId: string, entity: EntityName, work: () => Promise<T>): Promise<T> =>
    withLock(`${organizationId}:${entity}`, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await work();
        } catch (error) {
          if (!(error instanceof MirrorConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        }
      }
    });

  async function load(organizationId: string, entity: EntityName, fence: number | undefined): Promise<LoadedSync> {
    const saved = await mirror.loadSync(organizationId, entity);
    if (saved) return saved;
    const old = await legacy?.load(organizationId, entity);
    if (!old?.baselineAt) return emptySyncState();
    // A full listing comes next: it writes every record into the mirror and ends the import.
    const { seen, ended, pending, lastFullScanAt: _last, ...rest } = old;
    const imported: LoadedSync = { ...rest, legacySeen: seen, legacyEnded: ended, ...(pending ? { pending: pending.events } : {}) };
    imported.revision = await mirror.commit(organizationId, entity, { upserts: [], removals: [], sync: imported }, fence);
    return imported;
  }

  /** A detection a crash interrupted: its events go to the log (again, if they got there). */
  async function finishPending(organizationId: string, entity: EntityName, state: LoadedSync, fence: number | undefined): Promise<LoadedSync> {
    if (!state.pending?.length) return state;
    await log.append(state.pending);
    const { pending: _pending, ...next } = state;
    next.revision = await mirror.commit(organizationId, entity, { upserts: [], removals: [], sync: next }, fence);
    return next;
  }

  /** Each record's fingerprint, computed once per recording (detection and the mirror's writes share it) and in slices. */
  async function fingerprintsOf(records: readonly Observed[]): Promise<Map<Observed, string>> {
    const fingerprints = await mapInSlices(records, fingerprintOf);
    return new Map(records.map((record, i) => [record, fingerprints[i]!]));
  }

  function writeOf(organization: OrganizationRecord, entity: EntityName, record: Observed, fingerprint: string): MirrorWrite {
    const snapshot = snapshotOf(record);
    return { remoteId: record.remoteId, fingerprint, ended: endedStatusOf(record) ?? null, record: snapshot, columns: columnsOf(organization, entity, snapshot) };
  }

  /**
   * Rows to write: the latest sighting of each id whose version detection kept (`seen`: never one older
   * than the mirror's). Every such sighting is written, not only new versions: providers change some
   * fields without a new `updatedAt` (Xero's customer/supplier flags, a link cleared when its target is
   * deleted), and the mirror must show them. The store skips a row whose content is the same, so this
   * writes (and bumps the organization's version) only for what really changed.
   */
  function writesOf(
    organization: OrganizationRecord,
    entity: EntityName,
    records: readonly Observed[],
    seen: Record<string, string>,
    fingerprints: ReadonlyMap<Observed, string>,
  ): Promise<MirrorWrite[]> {
    const kept = [...new Map(records.map((r) => [r.remoteId, r])).values()].filter((record) => {
      const fingerprint = seen[record.remoteId];
      return fingerprint !== undefined && (fingerprints.get(record) ?? fingerprintOf(record)) === fingerprint;
    });
    return mapInSlices(kept, (record) => writeOf(organization, entity, record, seen[record.remoteId]!));
  }

  /** What is known of these ids: the mirror's rows, else (until a full listing ends an import) the imported fingerprints. */
  function knownOf(state: LoadedSync, rows: Map<string, KnownRecord>, ids: Iterable<string>) {
    const seen: Record<string, string> = {};
    const ended: Record<string, "VOIDED" | "DELETED"> = {};
    for (const id of ids) {
      const row = rows.get(id);
      const fingerprint = row?.fingerprint ?? state.legacySeen?.[id];
      if (fingerprint === undefined) continue;
      seen[id] = fingerprint;
      const end = row ? row.ended : state.legacyEnded?.[id];
      if (end) ended[id] = end;
    }
    return { seen, ended };
  }

  return {
    record(sightings: Sightings): Promise<{ appended: StoredEvent[]; state: SyncState }> {
      const { organization, entity, scan, fence } = sightings;
      return exclusively(organization.id, entity, async () => {
        const previous = await finishPending(organization.id, entity, await load(organization.id, entity, fence), fence);
        const ids = new Set([...sightings.records.map((r) => r.remoteId), ...(sightings.vanished ?? [])]);
        const rows = await mirror.known(organization.id, entity, [...ids]);
        const known = knownOf(previous, rows, ids);
        const now = clock.now();
        const baseline = scan === "baseline";
        const fingerprints = await fingerprintsOf(sightings.records);
        const detected = detectChanges({ ...previous, ...known }, {
          organizationId: organization.id, provider: organization.provider, entity, declared: sightings.declared,
          records: sightings.records, vanished: sightings.vanished, hints: sightings.hints, baseline, now, fingerprints,
          ...(previous.baselineListedFrom ? { existedBefore: previous.baselineListedFrom } : {}),
        });

        const upserts = await writesOf(organization, entity, sightings.records, detected.state.seen, fingerprints);
        const removals = (sightings.vanished ?? []).filter((id) => rows.has(id));

        const { legacySeen, legacyEnded, pending: _pending, ...kept } = previous;
        const state: LoadedSync = { ...kept, eventsEmitted: previous.eventsEmitted + detected.events.length };
        if (legacySeen && scan !== "full") Object.assign(state, { legacySeen, legacyEnded });
        if (scan !== "lookup") {
          const listedFrom = sightings.listedFrom ?? now;
          const newest = baseline ? previous.backfill?.newestUpdatedAt : undefined;
          state.cursor = laterOf(previous.cursor, cursorAfter(sightings.records, cursorOverlapMs, listedFrom, newest));
          if (scan !== "page") {
            state.lastRunAt = now.toISOString();
            state.syncedAt = laterOf(previous.syncedAt, listedFrom.toISOString());
          }
        }
        if (baseline) {
          state.baselineAt = now.toISOString();
          // Only a baseline of several pages can have missed records; the margin keeps a provider clock that runs behind from hiding real creations.
          if (previous.backfill || sightings.resumed) state.baselineListedFrom = new Date((sightings.listedFrom ?? now).getTime() - BASELINE_MARGIN_MS).toISOString();
          delete state.backfill;
        }
        // A baseline of several pages (or one resumed after a restart) may have missed records: offsets
        // shift when records are deleted between pages. A full listing follows at once, and finds them
        // without raising CREATED.
        if ((baseline && !previous.backfill && !sightings.resumed) || scan === "full") state.lastFullScanAt = now.toISOString();

        const events = detected.events.map(withoutRaw);
        state.revision = await mirror.commit(organization.id, entity, { upserts, removals, sync: events.length ? { ...state, pending: events } : state }, fence);
        if (events.length === 0) return { appended: [], state };
        const appended = await log.append(events);
        state.revision = await mirror.commit(organization.id, entity, { upserts: [], removals: [], sync: state }, fence);
        return { appended, state };
      });
    },

    /**
     * One page of the first full listing: its records go into the mirror now (no events: they were
     * there before the baseline), with where the listing resumes after a restart.
     */
    backfill(page: BackfillPage): Promise<SyncState> {
      const { organization, entity, fence } = page;
      return exclusively(organization.id, entity, async () => {
        const previous = await finishPending(organization.id, entity, await load(organization.id, entity, fence), fence);
        // A record a webhook recorded after this page was listed keeps its newer version (the mirror is never behind the log).
        const ids = new Set(page.records.map((r) => r.remoteId));
        const rows = await mirror.known(organization.id, entity, [...ids]);
        const fingerprints = await fingerprintsOf(page.records);
        const { state: kept } = detectChanges({ ...previous, ...knownOf(previous, rows, ids) }, {
          organizationId: organization.id, provider: organization.provider, entity, declared: [], records: page.records, baseline: true, now: clock.now(), fingerprints,
        });
        const upserts = await writesOf(organization, entity, page.records, kept.seen, fingerprints);
        const newest = newestUpdatedAt(page.records, previous.backfill?.newestUpdatedAt);
        const state: LoadedSync = {
          ...previous,
          backfill: { offset: page.nextOffset, startedAt: previous.backfill?.startedAt ?? page.startedAt.toISOString(), ...(newest ? { newestUpdatedAt: newest } : {}), ...(previous.backfill?.resumed || page.resumed ? { resumed: true } : {}) },
        };
        state.revision = await mirror.commit(organization.id, entity, { upserts, removals: [], sync: state }, fence);
        return state;
      });
    },

    /** The saved state, read under the same lock (so never half-way through a detection); reading never writes. */
    state: (organizationId: string, entity: EntityName): Promise<SyncState & { importing: boolean }> =>
      withLock(`${organizationId}:${entity}`, async () => {
        const saved = (await mirror.loadSync(organizationId, entity)) as LoadedSync | undefined;
        if (saved) {
          const { legacySeen, legacyEnded: _e, ...state } = saved;
          return { ...state, importing: legacySeen !== undefined };
        }
        const old = await legacy?.load(organizationId, entity);
        return old?.baselineAt ? { baselineAt: old.baselineAt, eventsEmitted: old.eventsEmitted, importing: true } : { ...emptySyncState(), importing: false };
      }),

    /** Every id the mirror (or an import not yet replaced) holds for the entity: what a full listing must find again. */
    async knownIds(organizationId: string, entity: EntityName): Promise<string[]> {
      const ids = new Set(await mirror.knownIds(organizationId, entity));
      const saved = (await mirror.loadSync(organizationId, entity)) as LoadedSync | undefined;
      for (const id of Object.keys(saved?.legacySeen ?? {})) ids.add(id);
      return [...ids];
    },

    /** Which of these ids the mirror holds. */
    known: async (organizationId: string, entity: EntityName, remoteIds: readonly string[]): Promise<Set<string>> =>
      new Set((await mirror.known(organizationId, entity, remoteIds)).keys()),
  };
}
export type ChangeRecorder = ReturnType<typeof createChangeRecorder>;

function newestUpdatedAt(records: readonly Observed[], before: string | undefined): string | undefined {
  let newest = before ? Date.parse(before) : Number.NEGATIVE_INFINITY;
  for (const record of records) {
    const at = record.updatedAt ? Date.parse(record.updatedAt) : Number.NaN;
    if (at > newest) newest = at;
  }
  return Number.isFinite(newest) ? new Date(newest).toISOString() : undefined;
}

/**
 * Where the next incremental read starts: the newest `updatedAt` seen, less the overlap, but never
 * later than the moment the listing started. A record stamped ahead of the clock (provider clock skew,
 * a future-dated import) would otherwise push the cursor past changes that have not happened yet.
 */
function cursorAfter(records: readonly Observed[], overlapMs: number, listedFrom: Date, newestBefore?: string): string | undefined {
  const newest = newestUpdatedAt(records, newestBefore);
  if (newest === undefined) return undefined;
  return new Date(Math.min(Date.parse(newest), listedFrom.getTime()) - overlapMs).toISOString();
}

function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
