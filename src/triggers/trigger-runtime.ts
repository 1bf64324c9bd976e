import { setTimeout as sleep } from "node:timers/promises";
import type { Router } from "express";
import type { ConnectorAdapter } from "../connector/adapter.js";
import type { EntityName } from "../connector/entities.js";
import { Provider } from "../../schema/common/provider.enum.js";
import type { Clock } from "../infra/clock.js";
import type { Logger } from "../infra/logger.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import type { OrganizationRepository } from "../organizations/organization-repository.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import { createChangeRecorder } from "./change-recorder.js";
import { createEntityPoller } from "./entity-poller.js";
import type { EventLog } from "./event-log/event-log.js";
import { legacyPollStates } from "./poll-state.js";
import type { MirrorStore } from "../mirror/mirror-store.js";
import type { IndexedColumns } from "../mirror/mirror-store.js";
import { createMirrorRuntime, mirroredEntities } from "../mirror/mirror-runtime.js";
import { createOrganizationScheduler, type OrganizationScheduler } from "./scheduler/organization-scheduler.js";
import { pollLease, type PollLease } from "./scheduler/poll-lease.js";
import type { PollerUsage } from "./scheduler/poller-usage.js";
import { MirrorFencedError } from "../mirror/mirror-store.js";
import { organizationTriggerSettingsOf, scheduleSettingsFor, type ScheduleDefaults, type ScheduleSettings } from "./scheduler/schedule-settings.js";
import { createTriggerAccess } from "./trigger-access.js";
import { createReplayGate, sharedReplayGate } from "./replay-gate.js";
import { declaredChangesOf } from "./trigger-declarations.js";
import { createXeroWebhookIngest } from "./xero-webhook/webhook-ingest.js";
import { XERO_WEBHOOK_ENTITIES } from "./xero-webhook/webhook-payload.js";
import { xeroWebhookRoute } from "./xero-webhook/webhook-route.js";

export interface TriggerRuntimeOptions {
  log: EventLog;
  /** Durable store: leases, and poll states saved before the mirror (its `triggers` namespace), imported once. */
  store: KeyValueStore;
  /** The mirror: every record detection has seen, and each entity's sync state. */
  mirror: MirrorStore;
  /** The indexed columns of a record, as its organization's connector defines them. */
  columnsOf(organization: OrganizationRecord, entity: EntityName, record: Record<string, unknown>): IndexedColumns;
  /** An entity whose last completed poll is older than this is STALE (read live under `source: AUTO`). @default 600000 */
  mirrorMaxLagMs?: number;
  /** How often entities without triggers are re-listed for the mirror. @default 120000 */
  mirrorRefreshMs?: number;
  organizations: OrganizationRepository;
  adapterFor(organization: OrganizationRecord): ConnectorAdapter;
  clock: Clock;
  logger: Logger;
  defaults: ScheduleDefaults;
  /** How long events stay in the log. */
  retentionMs: number;
  /** Xero app's webhook signing key; without it there is no webhook route. */
  xeroWebhookKey?: string;
  /** "timers": pollers run on their own schedule; "manual": only through `pollNow`/`runDue` (tests, tools). @default "timers" */
  mode?: "timers" | "manual";
  /** Schedule settings per organization id, over the defaults and the organization's own settings. */
  overrides?: Record<string, Partial<ScheduleSettings>>;
  /** How often the organization list is re-read to start polling new ones (connected on any instance). @default 15000 */
  refreshMs?: number;
  /**
   * Subscriptions that may read stored events at once while replaying (the replay gate's permits);
   * Infinity: no gate (benchmarks). @default the process's shared gate of 4
   */
  replayConcurrency?: number;
  /** Where each organization's pollers' calls are counted for every instance of a cluster (see `PollerUsage`); none on one instance. */
  pollerUsage?: (organizationId: string) => PollerUsage;
}

const RETENTION_EVERY_MS = 60 * 60_000;
/** How often an instance that does not hold an organization's poll lease tries to take it. */
const LEASE_STANDBY_MS = 2_000;

/**
 * Change detection and events, wired once: the change recorder (shared by pollers and webhooks), a
 * budget-aware scheduler per organization, the Xero webhook route, retention, and the event streams
 * the subscriptions read.
 */
export function createTriggerRuntime(options: TriggerRuntimeOptions) {
  const { log, organizations, adapterFor, clock, logger, defaults, retentionMs, mode = "timers", overrides = {}, refreshMs = 15_000 } = options;
  const recorder = createChangeRecorder({
    log, mirror: options.mirror, columnsOf: options.columnsOf, clock, legacy: legacyPollStates(options.store.namespace("triggers")),
    onCommitted: (organizationId, entity) => mirror.invalidate(organizationId, entity),
  });
  const schedulers = new Map<string, OrganizationScheduler>();
  const settingsOf = (organization: OrganizationRecord) => scheduleSettingsFor(organization, defaults, overrides[organization.id]);
  const abort = new AbortController();
  const loops: Promise<void>[] = [];
  const driven = new Set<string>();
  /** Each organization's poll lease (taken only by its polling loop); its pollers' writes carry the lease's fencing token. */
  const pollLeases = new Map<string, PollLease>();
  const leaseOf = (organizationId: string): PollLease => {
    let lease = pollLeases.get(organizationId);
    if (!lease) pollLeases.set(organizationId, (lease = pollLease(options.store.leases, `triggers:poll:${organizationId}`, { signal: abort.signal })));
    return lease;
  };

  function schedulerFor(organization: OrganizationRecord): OrganizationScheduler | undefined {
    const settings = settingsOf(organization);
    if (!settings.enabled) return undefined;
    let scheduler = schedulers.get(organization.id);
    if (!scheduler) {
      for (const problem of organizationTriggerSettingsOf(organization).problems) logger.warn(problem, { organizationId: organization.id });
      const adapter = () => adapterFor(organization);
      // Every entity the connector can list is polled: those with triggers for their events, the others for the mirror only.
      const entities = mirroredEntities(adapter().capabilities);
      // The scheduler may space full listings further apart than configured when the provider's daily limit cannot afford them.
      let paced: OrganizationScheduler | undefined;
      const reconcileIntervalMs = () => paced?.reconcileIntervalMs() ?? settings.reconcileIntervalMs;
      const pollers = entities.map((entity) =>
        createEntityPoller({
          organization, entity, declared: declaredChangesOf(adapter().capabilities, entity), adapter, recorder, clock, reconcileIntervalMs,
          fence: () => pollLeases.get(organization.id)?.fence,
        }));
      const webhookFed = new Set(organization.provider === Provider.XERO && options.xeroWebhookKey ? XERO_WEBHOOK_ENTITIES : []);
      const mirrorOnly = new Set(entities.filter((entity) => declaredChangesOf(adapter().capabilities, entity).length === 0));
      const usage = options.pollerUsage?.(organization.id);
      scheduler = createOrganizationScheduler({
        pollers, settings, clock, webhookFed, mirrorOnly, ...(options.mirrorRefreshMs ? { mirrorRefreshMs: options.mirrorRefreshMs } : {}), ...(usage ? { usage } : {}),
        logger: logger.child({ organizationId: organization.id, component: "triggers" }),
      });
      paced = scheduler;
      schedulers.set(organization.id, scheduler);
    }
    return scheduler;
  }

  async function organization(id: string): Promise<OrganizationRecord> {
    const found = await organizations.get(id);
    if (!found) throw new Error(`organization ${id} does not exist`);
    return found;
  }

  const ingest = createXeroWebhookIngest({
    organizations, adapterFor, recorder, logger: logger.child({ component: "xero-webhook" }),
    recordCalls: (organizationId, calls) => schedulers.get(organizationId)?.recordCalls(calls),
  });
  const routes: Router[] = options.xeroWebhookKey
    ? [xeroWebhookRoute({ webhookKey: options.xeroWebhookKey, accept: (events) => ingest.accept(events), logger })]
    : [];

  /**
   * Polls one organization on its schedule, while this instance holds its lease (several instances
   * share a Redis store). A heartbeat keeps the lease; when it is lost (or a write finds that another
   * instance took it over), polling stops at once and the lease is asked for again like a standby's.
   */
  async function drive(scheduler: OrganizationScheduler, organizationId: string) {
    const lease = leaseOf(organizationId);
    const usage = options.pollerUsage?.(organizationId);
    let grantedFence: number | undefined;
    const standby = () => new Date(clock.now().getTime() + LEASE_STANDBY_MS);
    while (!abort.signal.aborted) {
      // Without the lease, ask again soon: a stopping holder releases it, and this instance then takes over
      // within LEASE_STANDBY_MS; one that died lets it lapse within the lease's length (POLL_LEASE_TTL_MS).
      let wake = standby();
      try {
        // A disconnected organization (disconnectOrganization, `ledgerline orgs disconnect`) is polled no more.
        if (!(await organizations.get(organizationId))) break;
        if (await lease.hold()) {
          // A new grant (this instance takes over): drop any poll left half-way under an earlier grant, and
          // start from what the pollers spent on the instances before.
          if (lease.fence !== grantedFence) {
            if (grantedFence !== undefined) scheduler.abandonPolls();
            if (usage) scheduler.adopt(await usage.read());
            grantedFence = lease.fence;
          }
          wake = await scheduler.runDue(lease.signal);
        }
        if (!lease.held) wake = standby();
      } catch (error) {
        if (error instanceof MirrorFencedError) {
          logger.warn("poll lease lost: another instance polls this organization now", { organizationId, error: error.message });
          await lease.fencedOut(error.storedFence).catch((cause: unknown) => logger.error("poll lease: letting go failed", { organizationId, error: String(cause) }));
          wake = standby();
        } else {
          logger.error("trigger scheduler failed", { organizationId, error: String(error) });
          // Not holding the lease (the store did not answer for it): ask again as a standby does, so failover stays prompt.
          wake = lease.held ? new Date(clock.now().getTime() + 60_000) : standby();
        }
      }
      const waitMs = Math.min(15_000, Math.max(250, wake.getTime() - clock.now().getTime()));
      await sleep(waitMs, undefined, { signal: abort.signal }).catch(() => undefined);
    }
    await lease.release().catch(() => undefined);
  }

  async function refresh() {
    for (const record of await organizations.list()) {
      if (driven.has(record.id)) continue;
      const scheduler = schedulerFor(record);
      if (!scheduler) continue;
      driven.add(record.id);
      loops.push(drive(scheduler, record.id));
    }
  }

  async function every(ms: number, work: () => Promise<unknown>, what: string) {
    while (!abort.signal.aborted) {
      await work().catch((error: unknown) => logger.error(`triggers: ${what} failed`, { error: String(error) }));
      await sleep(ms, undefined, { signal: abort.signal }).catch(() => undefined);
    }
  }

  const prune = () => log.prune(new Date(clock.now().getTime() - retentionMs));

  const replayGate = options.replayConcurrency === undefined ? sharedReplayGate : createReplayGate(options.replayConcurrency);
  const access = createTriggerAccess({ log, recorder, mirror: options.mirror, adapterFor, schedulerFor, replayGate });

  const mirror = createMirrorRuntime({
    store: options.mirror, recorder, clock, maxLagMs: options.mirrorMaxLagMs ?? 600_000,
    plannedPeriodMs: (organizationId, entity) => schedulers.get(organizationId)?.periodOf(entity),
    capabilitiesOf: (organization) => adapterFor(organization).capabilities,
    organization: (id) => organizations.get(id).then((found) => found ?? undefined),
  });

  return {
    log,
    /** The change recorder: each entity's sync state (`state`), what the mirror holds (operator tooling and tests). */
    recorder,
    /** The mirror as requests see it. */
    mirror,
    routes,
    access,
    /** Polls one entity kind of an organization to the end now (its baseline first, if it has none). */
    pollNow: async (organizationId: string, entity: EntityName) => {
      const scheduler = schedulerFor(await organization(organizationId));
      if (!scheduler) throw new Error(`triggers are disabled for organization ${organizationId}`);
      await scheduler.pollNow(entity);
    },
    /** Runs what is due for an organization within its budget; resolves with when to run again. */
    runDue: async (organizationId: string) => {
      const scheduler = schedulerFor(await organization(organizationId));
      return scheduler ? scheduler.runDue() : undefined;
    },
    scheduler: async (organizationId: string) => schedulerFor(await organization(organizationId)),
    /** The schedulers running now, by organization id (metrics read their status; nothing is started). */
    schedulers: (): ReadonlyMap<string, OrganizationScheduler> => schedulers,
    /** Resolves when every webhook delivery accepted so far is processed. */
    webhooksIdle: () => ingest.idle(),
    prune,
    start() {
      if (mode !== "timers") return;
      loops.push(every(refreshMs, refresh, "reading organizations"), every(RETENTION_EVERY_MS, prune, "retention"));
      logger.info("triggers started", { retentionDays: retentionMs / 86_400_000, webhooks: routes.length > 0 ? [Provider.XERO] : [] });
    },
    async stop() {
      abort.abort();
      await Promise.all(loops);
      await ingest.idle();
    },
  };
}
export type TriggerRuntime = ReturnType<typeof createTriggerRuntime>;
