import type { ConnectorAdapter } from "../connector/adapter.js";
import type { EntityName } from "../connector/entities.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import type { MirrorStore } from "../mirror/mirror-store.js";
import type { ChangeRecorder } from "./change-recorder.js";
import type { ChangeKind, StoredEvent } from "./event.js";
import type { EventLog } from "./event-log/event-log.js";
import { openEventStream } from "./event-stream.js";
import type { ReplayGate } from "./replay-gate.js";
import type { BudgetStatus, OrganizationScheduler } from "./scheduler/organization-scheduler.js";
import { declaredChangesOf, declaredTriggers } from "./trigger-declarations.js";

/** One poller as the state query shows it. */
export interface PollerView {
  entity: EntityName;
  /** Changes it reports. */
  changes: ChangeKind[];
  /** INCREMENTAL (the provider filters by updatedSince) or FULL_LISTING (compared by fingerprint). */
  strategy: "INCREMENTAL" | "FULL_LISTING";
  baselineAt: string | null;
  lastRunAt: string | null;
  lastFullScanAt: string | null;
  /** Null when this gateway does not poll the organization (triggers disabled for it). */
  nextRunAt: string | null;
  lastError: string | null;
  /** Events appended for this entity kind (pollers and webhooks), ever. */
  eventsEmitted: number;
  callsLastMinute: number;
  recordsTracked: number;
}

/** What resolvers may use of the trigger runtime; authorization stays with the resolver. */
export interface TriggerAccess {
  /** Stored events after `after` (when given), then live ones, filtered by `accept`. */
  events(options: { after?: string; accept(event: StoredEvent): boolean }): Promise<AsyncIterableIterator<StoredEvent>>;
  pollers(organization: OrganizationRecord): Promise<PollerView[]>;
  budget(organization: OrganizationRecord): Promise<BudgetStatus | null>;
}

export interface TriggerAccessOptions {
  log: EventLog;
  recorder: ChangeRecorder;
  /** Where the records detection tracks are counted. */
  mirror: MirrorStore;
  adapterFor(organization: OrganizationRecord): ConnectorAdapter;
  schedulerFor(organization: OrganizationRecord): OrganizationScheduler | undefined;
  /** The gate replays take turns at. @default sharedReplayGate */
  replayGate?: ReplayGate;
}

/** Poller views join what is saved (baseline, last run, events) with what the scheduler knows (next run, errors, calls). */
export function createTriggerAccess({ log, recorder, mirror, adapterFor, schedulerFor, replayGate }: TriggerAccessOptions): TriggerAccess {
  return {
    events: ({ after, accept }) => openEventStream({ log, after, accept, replayGate }),
    async pollers(organization) {
      const { capabilities } = adapterFor(organization);
      const live = new Map(schedulerFor(organization)?.status().map((s) => [s.entity, s]) ?? []);
      return Promise.all(declaredTriggers(capabilities).map(async ({ entity }): Promise<PollerView> => {
        const state = await recorder.state(organization.id, entity);
        const status = live.get(entity);
        return {
          entity,
          changes: declaredChangesOf(capabilities, entity),
          strategy: capabilities.entities[entity]?.filters?.includes("updatedSince") ? "INCREMENTAL" : "FULL_LISTING",
          baselineAt: state.baselineAt ?? null,
          lastRunAt: state.lastRunAt ?? null,
          lastFullScanAt: state.lastFullScanAt ?? null,
          nextRunAt: status ? status.nextRunAt.toISOString() : null,
          lastError: status?.lastError ?? null,
          eventsEmitted: state.eventsEmitted,
          callsLastMinute: status?.callsLastMinute ?? 0,
          recordsTracked: await mirror.count(organization.id, entity, { includeArchived: true }),
        };
      }));
    },
    budget: async (organization) => schedulerFor(organization)?.budget() ?? null,
  };
}
