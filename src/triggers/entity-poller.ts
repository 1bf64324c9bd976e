import type { ConnectorAdapter, ListFilter } from "../connector/adapter.js";
import { supports } from "../connector/capabilities.js";
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
  /** How often a full listing looks for records that vanished (and changes an incremental read missed). */
  reconcileIntervalMs: number;
  /** Records asked for per list call. @default 100 */
  pageSize?: number;
  /** Vanished ids looked up per call. @default 20 */
  lookupBatch?: number;
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
  records: Observed[];
  /** Set once the listing is complete: ids it missed, still to look up. */
  missing?: string[];
  vanished: string[];
  /** When the listing's first page was asked for. */
  startedAt: Date;
}

/**
 * Polls one entity kind of one organization, one adapter call per step, so the scheduler can spread
 * a long listing over its budget. The first poll is the baseline: a full listing whose records raise
 * no events. After it, entities the provider filters by `updatedSince` are read incrementally from
 * the saved cursor, with a full listing every `reconcileIntervalMs`; the others are listed in full
 * every time and compared by fingerprint. Ids a full listing misses are looked up by id (where the
 * connector can) before they count as deleted. Nothing is saved until the poll completes.
 */
export function createEntityPoller(options: EntityPollerOptions) {
  const { organization, entity, declared, adapter, recorder, clock, reconcileIntervalMs, pageSize = 100, lookupBatch = 20 } = options;
  let scan: Scan | undefined;

  async function begin(): Promise<Scan> {
    const state = await recorder.state(organization.id, entity);
    const incremental = adapter().capabilities.entities[entity]?.filters?.includes("updatedSince") ?? false;
    const reconcileDue = !state.lastFullScanAt || clock.now().getTime() - Date.parse(state.lastFullScanAt) >= reconcileIntervalMs;
    const kind: ScanKind = !state.baselineAt ? "baseline" : incremental && !reconcileDue ? "incremental" : "full";
    const filter: ListFilter = { includeArchived: true, ...(kind === "incremental" && state.cursor ? { updatedSince: state.cursor } : {}) };
    return { kind, filter, offset: 0, records: [], vanished: [], startedAt: clock.now() };
  }

  /** After a full listing: the ids seen before that it did not return. */
  async function missingAfter(current: Scan): Promise<string[]> {
    if (current.kind !== "full") return [];
    const listed = new Set(current.records.map((r) => r.remoteId));
    return Object.keys((await recorder.state(organization.id, entity)).seen).filter((id) => !listed.has(id));
  }

  /** One adapter call: a page of the listing, or a batch of lookups. True when nothing is left to fetch. */
  async function fetchMore(current: Scan, a: ConnectorAdapter): Promise<boolean> {
    if (!current.missing) {
      const page = await a.list(entity, { first: pageSize, offset: current.offset, filter: current.filter, fresh: true });
      current.records.push(...(page.items as Observed[]));
      current.offset += page.items.length;
      if (page.hasNextPage && page.items.length > 0) return false;
      current.missing = await missingAfter(current);
      if (!supports(a.capabilities, entity, "get")) current.vanished.push(...current.missing.splice(0));
      return current.missing.length === 0;
    }
    const ids = current.missing.splice(0, lookupBatch);
    const found = (await a.getMany(entity, ids)).filter(Boolean) as Observed[];
    const present = new Set(found.map((r) => r.remoteId));
    current.records.push(...found);
    current.vanished.push(...ids.filter((id) => !present.has(id)));
    return current.missing.length === 0;
  }

  return {
    entity,
    declared,
    /** True between the first and the last step of a poll. */
    get inProgress() {
      return scan !== undefined;
    },
    async step(): Promise<PollStep> {
      const a = adapter();
      const outcome = await meterCallsSettled(async () => {
        scan ??= await begin();
        const current = scan;
        if (!(await fetchMore(current, a))) return { done: false, scan: current.kind, appended: 0 };
        const { appended } = await recorder.record({ organization, entity, declared, scan: current.kind, records: current.records, vanished: current.vanished, listedFrom: current.startedAt });
        scan = undefined;
        return { done: true, scan: current.kind, appended: appended.length };
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
