import type { EntityName } from "../../connector/entities.js";
import type { Clock } from "../../infra/clock.js";
import type { Logger } from "../../infra/logger.js";
import { retryAfterSecondsOf } from "../../upstream/rate-limited.js";
import { PollStepError, type EntityPoller } from "../entity-poller.js";
import { createCallWindow } from "./call-window.js";
import { pollerLimitOf, type ScheduleSettings } from "./schedule-settings.js";

/** What the poller-state query shows for one entity kind. */
export interface PollerStatus {
  entity: EntityName;
  lastRunAt: Date | null;
  nextRunAt: Date;
  lastError: string | null;
  /** Events this poller appended since the gateway started. */
  eventsEmitted: number;
  callsLastMinute: number;
}

export interface BudgetStatus {
  budgetPerMinute: number;
  /** Calls per rolling minute the pollers (and webhook lookups) may make. */
  pollerLimitPerMinute: number;
  /** Calls the pollers made in the last minute. */
  callsLastMinute: number;
  /** Calls webhook lookups made in the last minute (outside the pollers' share: they follow real changes). */
  webhookCallsLastMinute: number;
  /** Time between two polls of one entity kind at the current pace. */
  intervalMs: number;
}

const MAX_BACKOFF_MS = 10 * 60_000;

interface Slot {
  poller: EntityPoller;
  nextRunAt: number;
  lastRunAt: number | null;
  lastError: string | null;
  failures: number;
  eventsEmitted: number;
  /** Calls a whole poll takes, smoothed. */
  callsPerPoll: number;
  /** The most calls one step took so far (0: none ran yet). */
  callsPerStep: number;
  /** Calls the poll under way has made so far (a poll may take several steps). */
  callsThisPoll: number;
  window: ReturnType<typeof createCallWindow>;
}

/**
 * Runs the pollers of one organization within its share of the rate budget. Polls are spread over
 * time so that all entity kinds together use the share (detection as fast as the budget allows),
 * never closer than `minIntervalMs` for one kind, or exactly `intervalMs` apart when set. Before
 * every step it checks the calls made in the rolling minute (by pollers and webhook lookups), so
 * the share is a ceiling, not an average. Kinds the provider's webhooks report are polled only as a
 * safety net (every `safetyNetMs`), so the share goes to the kinds that only polling finds. Nothing here sleeps: `runDue` runs what is due and says
 * when to call it again, so a test can drive it with a hand-moved clock.
 */
export interface OrganizationSchedulerOptions {
  pollers: EntityPoller[];
  settings: ScheduleSettings;
  clock: Clock;
  logger: Logger;
  /**
   * Entity kinds the provider's webhooks already report for this organization: their pollers only
   * run as a safety net, every `safetyNetMs`, leaving the share to the kinds nothing else reports.
   */
  webhookFed?: ReadonlySet<EntityName>;
  /** @default 60000 */
  safetyNetMs?: number;
  /**
   * Entity kinds polled only to keep the mirror fresh (no trigger reports them: reference data, and
   * records without events): like safety nets, they run every `mirrorRefreshMs`, outside the pace of
   * the kinds whose events clients wait for.
   */
  mirrorOnly?: ReadonlySet<EntityName>;
  /** @default 120000 */
  mirrorRefreshMs?: number;
}

export function createOrganizationScheduler({ pollers, settings, clock, logger, webhookFed = new Set(), safetyNetMs = 60_000, mirrorOnly = new Set(), mirrorRefreshMs = 120_000 }: OrganizationSchedulerOptions) {
  const limit = pollerLimitOf(settings);
  const window = createCallWindow();
  const lookups = createCallWindow();
  const start = clock.now().getTime();
  const slots: Slot[] = pollers.map((poller) => ({
    poller, nextRunAt: start, lastRunAt: null, lastError: null, failures: 0, eventsEmitted: 0, callsPerPoll: 1, callsPerStep: 0, callsThisPoll: 0, window: createCallWindow(),
  }));
  /** Kinds polled on a slow fixed period (webhook safety nets, mirror-only kinds): that period; undefined for the paced kinds. */
  const slowPeriodOf = (slot: Slot): number | undefined =>
    webhookFed.has(slot.poller.entity) ? safetyNetMs : mirrorOnly.has(slot.poller.entity) ? mirrorRefreshMs : undefined;
  const isSafetyNet = (slot: Slot) => slowPeriodOf(slot) !== undefined;
  /** Time between two polls of a kind nothing else reports: the share, less what the safety-net polls use, spread over those kinds. */
  const paceMs = () => {
    if (settings.intervalMs !== undefined) return Math.max(settings.intervalMs, settings.minIntervalMs);
    const polled = slots.filter((s) => !isSafetyNet(s));
    const safetyNetPerMinute = slots.filter(isSafetyNet).reduce((sum, s) => sum + (s.callsPerPoll * 60_000) / slowPeriodOf(s)!, 0);
    const callsPerRound = polled.reduce((sum, s) => sum + s.callsPerPoll, 0);
    const room = Math.max(1, limit - safetyNetPerMinute);
    return Math.max(settings.minIntervalMs, Math.ceil((60_000 * callsPerRound) / room));
  };
  const paceOf = (slot: Slot) => {
    const slow = slowPeriodOf(slot);
    // Mirror-only kinds keep their own period whatever the pace; webhook safety nets follow a fixed interval when one is set.
    if (slow !== undefined && mirrorOnly.has(slot.poller.entity)) return Math.max(slow, paceMs());
    return slow !== undefined && settings.intervalMs === undefined ? Math.max(slow, paceMs()) : paceMs();
  };
  /**
   * The next step to run: the most overdue, except that a listing under way (a backfill's pages) and
   * the polls that are due take turns, so a long backfill gets half the share instead of starving
   * behind polls that cost little each but fill the budget together, and never stops them either.
   */
  let continuationLast = false;
  const nextDue = (now: number): Slot | undefined => {
    const due = slots.filter((s) => s.nextRunAt <= now).sort((a, b) => a.nextRunAt - b.nextRunAt);
    const continuation = due.find((s) => s.poller.inProgress);
    const fresh = due.find((s) => !s.poller.inProgress);
    if (continuation && (!continuationLast || !fresh)) return continuation;
    return fresh ?? continuation;
  };
  // runDue and pollNow never step the same pollers at the same time.
  let running: Promise<unknown> = Promise.resolve();
  const exclusively = <T>(work: () => Promise<T>): Promise<T> => {
    const run = running.then(work, work);
    running = run.catch(() => undefined);
    return run;
  };
  const record = (slot: Slot, calls: number) => {
    const now = clock.now().getTime();
    window.add(now, calls);
    slot.window.add(now, calls);
    slot.callsPerStep = Math.max(slot.callsPerStep, calls);
  };

  async function runStep(slot: Slot): Promise<void> {
    try {
      const step = await slot.poller.step();
      record(slot, step.calls);
      slot.callsThisPoll += step.calls;
      if (!step.done) return;
      // A backfill's many pages say nothing about what the polls after it cost.
      if (step.scan !== "baseline") slot.callsPerPoll = slot.callsPerPoll * 0.7 + Math.max(1, slot.callsThisPoll) * 0.3;
      slot.callsThisPoll = 0;
      slot.eventsEmitted += step.appended;
      slot.lastRunAt = clock.now().getTime();
      slot.lastError = null;
      slot.failures = 0;
      slot.nextRunAt = slot.lastRunAt + paceOf(slot);
    } catch (error) {
      const cause = error instanceof PollStepError ? error.cause : error;
      record(slot, error instanceof PollStepError ? error.calls : 0);
      slot.callsThisPoll = 0;
      slot.failures++;
      slot.lastError = cause instanceof Error ? cause.message : String(cause);
      const retryAfterMs = (retryAfterSecondsOf(cause) ?? 0) * 1000;
      slot.nextRunAt = clock.now().getTime() + Math.max(retryAfterMs, Math.min(MAX_BACKOFF_MS, paceOf(slot) * 2 ** slot.failures));
      logger.warn("trigger poll failed", { entity: slot.poller.entity, error: slot.lastError, failures: slot.failures });
    }
  }

  return {
    /** Runs due poll steps while the budget has room; resolves with when to call again. */
    /** Runs what is due; returns when nothing is, when the budget is spent, or as soon as `signal` aborts (shutdown). */
    runDue: (signal?: AbortSignal): Promise<Date> => exclusively(async () => {
      for (;;) {
        const now = clock.now().getTime();
        if (signal?.aborted) return new Date(now + 60_000);
        const due = nextDue(now);
        if (!due) return new Date(Math.min(...slots.map((s) => s.nextRunAt), now + 60_000));
        // Until a step has run, assume one list call may take two upstream calls (Xero's paging can).
        const need = due.callsPerStep || 2;
        const used = window.used(now);
        if (used > 0 && used + need > limit) return new Date(window.roomAt(now, Math.max(0, limit - need)));
        const failures = due.failures;
        continuationLast = due.poller.inProgress;
        await runStep(due);
        // A poll left half-way (a long listing) goes back in line behind the others that are due.
        if (due.poller.inProgress && due.failures === failures) due.nextRunAt = clock.now().getTime();
      }
    }),
    /**
     * Counts calls made for this organization's triggers outside the pollers (webhook lookups). They are
     * shown, and the governor keeps them within the provider's limit, but they do not eat the pollers'
     * share: a busy organization's webhooks would otherwise starve the polls of everything else.
     */
    recordCalls(calls: number) {
      lookups.add(clock.now().getTime(), calls);
    },
    /** Polls one entity kind to the end now, whatever its schedule (operators and tests); its calls count as usual. */
    pollNow: (entity: EntityName): Promise<void> => exclusively(async () => {
      const slot = slots.find((s) => s.poller.entity === entity);
      if (!slot) throw new Error(`no poller for ${entity}`);
      do {
        const failures = slot.failures;
        await runStep(slot);
        if (slot.failures > failures) throw new Error(slot.lastError ?? "poll failed");
      } while (slot.poller.inProgress);
    }),
    status(): PollerStatus[] {
      const now = clock.now().getTime();
      return slots.map((s) => ({
        entity: s.poller.entity,
        lastRunAt: s.lastRunAt === null ? null : new Date(s.lastRunAt),
        nextRunAt: new Date(s.nextRunAt),
        lastError: s.lastError,
        eventsEmitted: s.eventsEmitted,
        callsLastMinute: s.window.used(now),
      }));
    },
    budget(): BudgetStatus {
      const now = clock.now().getTime();
      return { budgetPerMinute: settings.budgetPerMinute, pollerLimitPerMinute: limit, callsLastMinute: window.used(now), webhookCallsLastMinute: lookups.used(now), intervalMs: paceMs() };
    },
  };
}
export type OrganizationScheduler = ReturnType<typeof createOrganizationScheduler>;
