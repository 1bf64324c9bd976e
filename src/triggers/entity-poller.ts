import type { ConnectorAdapter, ListFilter } from "../connector/adapter.js";
import { supports } from "../connector/capabilities.js";
import { maxPageSizeOf } from "../connector/listing.js";
import type { EntityName } from "../connector/entities.js";
import type { Clock } from "../infra/clock.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import { meterCallsSettled } from "../upstream/call-meter.js";
import type { ChangeRecorder, ScanKind } from "./change-recorder.js";
import type { ChangeKind } from "./event.js";
import type { Observed } from "./fingerprint.js";

export interface EntityPollerOptions {
  organization: OrganizationRecord;
  entity: EntityName;
  declared: readonly ChangeKind[];
  adapter: () => ConnectorAdapter;
  recorder: ChangeRecorder;
  clock: Clock;
  /** How often a full listing looks for records that vanished (and changes an incremental read missed); a function is asked as each poll begins. */
  reconcileIntervalMs: number | (() => number);
  /** Records asked for per list call. @default the largest page the connector declares for the entity */
  pageSize?: number;
  /** Vanished ids looked up per call. @default 20 */
  lookupBatch?: number;
  /**
   * The fencing token of the poll lease this instance holds, asked at each write: the recorder refuses
   * a write once a later holder's token was stored (`MirrorFencedError`). Undefined: writes are not fenced.
   */
  fence?: () => number | undefined;
}

/** One step of a poll: the upstream calls it made, and whether the poll is complete. */
export interface PollStep {
  done: boolean;
  calls: number;
  scan: ScanKind;
  /** Events appended when the poll completed. */
  appended: number;
}

/** A step that failed still reports the upstream calls it made. */
export class PollStepError extends Error {
  constructor(readonly cause: unknown, readonly calls: number) {
    super(cause instanceof Error ? cause.message : String(cause));
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

interface Scan {
  kind: ScanKind;
  filter: ListFilter;
  offset: number;
  /** Records of an incremental read, recorded together when it ends. */
  records: Observed[];
  /** Ids a full listing returned (its pages are recorded as they arrive). */
  listed: Set<string>;
  /** Set once the listing is complete: ids it missed, still to look up. */
  missing?: string[];
  /** Records the lookups found. */
  found: Observed[];
  vanished: string[];
  /** When the listing's first page was asked for (a resumed backfill: when it first started). */
  startedAt: Date;
  /** Events appended by the pages recorded so far. */
  appended: number;
  /** A baseline that resumed where a restart left it. */
  resumed: boolean;
}

/**
 * Polls one entity kind of one organization, one adapter call per step, so the scheduler can spread
 * a long listing over its budget. The first poll is the baseline (the mirror's backfill): a full
 * listing in the largest pages the provider allows, each page written to the mirror as it arrives
 * and the position saved, so a restart resumes where it stopped; its records raise no events. After
 * it, entities the provider filters by `updatedSince` are read incrementally from the saved cursor,
 * with a full listing every `reconcileIntervalMs`; the others are listed in full every time. A full
 * listing records each page as it arrives (records are held one page at a time, only their ids for the
 * whole listing); ids the mirror holds that it did not return are looked up by id (where the connector
 * can) before they count as deleted.
 */
export function createEntityPoller(options: EntityPollerOptions) {
  const { organization, entity, declared, adapter, recorder, clock, reconcileIntervalMs, lookupBatch = 20 } = options;
  let scan: Scan | undefined;
  const fenced = (): { fence?: number } => {
    const fence = options.fence?.();
    return fence === undefined ? {} : { fence };
  };

  const readsIncrementally = () => adapter().capabilities.entities[entity]?.filters?.includes("updatedSince") ?? false;

  async function begin(): Promise<Scan> {
    const state = await recorder.state(organization.id, entity);
    const incremental = readsIncrementally();
    const reconcileMs = typeof reconcileIntervalMs === "function" ? reconcileIntervalMs() : reconcileIntervalMs;
    const reconcileDue = state.importing || !state.lastFullScanAt || clock.now().getTime() - Date.parse(state.lastFullScanAt) >= reconcileMs;
    const kind: ScanKind = !state.baselineAt ? "baseline" : incremental && !reconcileDue ? "incremental" : "full";
    const filter: ListFilter = { includeArchived: true, ...(kind === "incremental" && state.cursor ? { updatedSince: state.cursor } : {}) };
    const resume = kind === "baseline" ? state.backfill : undefined;
    return {
      kind, filter, offset: resume?.offset ?? 0, records: [], listed: new Set(), found: [], vanished: [], appended: 0, resumed: resume !== undefined,
      startedAt: resume ? new Date(resume.startedAt) : clock.now(),
    };
  }

  /** One adapter call: a page of the listing, or a batch of lookups. True when nothing is left to fetch. */
  async function fetchMore(current: Scan, a: ConnectorAdapter): Promise<boolean> {
    if (!current.missing) {
      const first = options.pageSize ?? maxPageSizeOf(a.capabilities, entity);
      const page = await a.list(entity, { first, offset: current.offset, filter: current.filter, fresh: true });
      const items = page.items as Observed[];
      current.offset += items.length;
      const more = page.hasNextPage && items.length > 0;
      if (current.kind === "baseline") {
        if (!more) return finish(current, items);
        await recorder.backfill({ organization, entity, records: items, nextOffset: current.offset, startedAt: current.startedAt, resumed: current.resumed, ...fenced() });
        return false;
      }
      if (current.kind === "incremental") {
        current.records.push(...items);
        return more ? false : finish(current, current.records);
      }
      for (const item of items) current.listed.add(item.remoteId);
      const { appended } = await recorder.record({ organization, entity, declared, scan: "page", records: items, listedFrom: current.startedAt, ...fenced() });
      current.appended += appended.length;
      if (more) return false;
      current.missing = (await recorder.knownIds(organization.id, entity)).filter((id) => !current.listed.has(id));
      if (!supports(a.capabilities, entity, "get")) current.vanished.push(...current.missing.splice(0));
      return current.missing.length === 0 ? finish(current, current.found) : false;
    }
    const ids = current.missing.splice(0, lookupBatch);
    const found = (await a.getMany(entity, ids)).filter(Boolean) as Observed[];
    const present = new Set(found.map((r) => r.remoteId));
    current.found.push(...found);
    current.vanished.push(...ids.filter((id) => !present.has(id)));
    return current.missing.length === 0 ? finish(current, current.found) : false;
  }

  /** The poll's last write: its remaining records, what vanished, and the state the next poll starts from. */
  async function finish(current: Scan, records: readonly Observed[]): Promise<true> {
    const { appended } = await recorder.record({ organization, entity, declared, scan: current.kind, records, vanished: current.vanished, listedFrom: current.startedAt, resumed: current.resumed, ...fenced() });
    current.appended += appended.length;
    return true;
  }

  return {
    entity,
    declared,
    /** True when polls read what changed since the cursor (with a full listing every reconcile interval); false: every poll lists everything. */
    get incremental() {
      return readsIncrementally();
    },
    /** True between the first and the last step of a poll. */
    get inProgress() {
      return scan !== undefined;
    },
    /** Drops a poll left half-way (this instance lost the poll lease meanwhile): the next poll starts from the sync state as the mirror has it now. */
    abandon() {
      scan = undefined;
    },
    async step(): Promise<PollStep> {
      const a = adapter();
      const outcome = await meterCallsSettled(async () => {
        scan ??= await begin();
        const current = scan;
        if (!(await fetchMore(current, a))) return { done: false, scan: current.kind, appended: 0 };
        scan = undefined;
        return { done: true, scan: current.kind, appended: current.appended };
      });
      // Connectors without a governor are counted one call per step.
      const calls = "upstream" in a ? outcome.calls : Math.max(1, outcome.calls);
      if (!outcome.ok) {
        scan = undefined;
        throw new PollStepError(outcome.error, calls);
      }
      return { ...outcome.result, calls };
    },
  };
}
export type EntityPoller = ReturnType<typeof createEntityPoller>;
