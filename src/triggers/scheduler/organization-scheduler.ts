import type { EntityName } from "../../connector/entities.js";
import type { Clock } from "../../infra/clock.js";
import type { Logger } from "../../infra/logger.js";
import { createBucketedWindow } from "../../upstream/daily-window.js";
import { retryAfterSecondsOf } from "../../upstream/rate-limited.js";
import { PollStepError, type EntityPoller } from "../entity-poller.js";
import { MirrorFencedError } from "../../mirror/mirror-store.js";
import { createCallWindow } from "./call-window.js";
import type { PollerHistory, PollerUsage } from "./poller-usage.js";
import { dailyRatePerMinute, planDailyPace, type DailyPlan, type PollCost } from "./daily-pace.js";
import { pollerLimitOf, pollerLimitPerDayOf, type ScheduleSettings } from "./schedule-settings.js";

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
  /** Upstream calls the provider allows the organization in 24 hours; null when it sets no daily limit. */
  budgetPerDay: number | null;
  /** Calls the pollers may make in any 24 hours (the same share of the day); null without a daily limit. */
  pollerLimitPerDay: number | null;
  /** Calls the pollers made in the last 24 hours (counted in minute buckets: up to a minute more). */
  callsLastDay: number;
  /** Time between two full listings of a kind read incrementally: the configured one, or longer when the day's share cannot afford it. */
  reconcileIntervalMs: number;
}

const MAX_BACKOFF_MS = 10 * 60_000;
/** The pollers' share of the minute is also kept, pro rata, over every window this long. */
const BURST_WINDOW_MS = 2_000;

/** What the daily pace assumes of a kind's polls before any has run: one call, read incrementally when the poller says so. */
const costOf = (poller: EntityPoller): PollCost => {
  const incremental = (poller as Partial<EntityPoller>).incremental;
  return typeof incremental === "boolean" ? { fallback: 1, readsIncrementally: incremental } : { fallback: 1 };
};

interface Slot {
  poller: EntityPoller;
  nextRunAt: number;
  lastRunAt: number | null;
  lastError: string | null;
  failures: number;
  eventsEmitted: number;
  /** Calls a whole poll takes, smoothed. */
  callsPerPoll: number;
  /** Calls an incremental read and a full listing of this kind take, smoothed (what the daily pace plans with). */
  cost: PollCost;
  /** The most calls one step took so far (0: none ran yet). */
  callsPerStep: number;
  /** Calls the poll under way has made so far (a poll may take several steps). */
  callsThisPoll: number;
  /** Its last step was part of a first listing (a backfill), or none ran yet: such steps go at the minute's pace, unsmoothed. */
  backfilling: boolean;
  window: ReturnType<typeof createCallWindow>;
}

/**
 * Runs the pollers of one organization within its share of the rate budget. Polls are spread over
 * time so that all entity kinds together use the share (detection as fast as the budget allows),
 * never closer than `minIntervalMs` for one kind, or exactly `intervalMs` apart when set. Before
 * every step it checks the calls made in the rolling minute (by pollers and webhook lookups), so
 * the share is a ceiling, not an average. Kinds the provider's webhooks report are polled only as a
 * safety net (every `safetyNetMs`), so the share goes to the kinds that only polling finds. When the
 * provider also limits calls a day (`budgetPerDay`), the pollers get the same share of the day: every
 * period (the paced kinds', the safety nets', the mirror-only kinds') stretches alike when the
 * day's share cannot afford them, a first full listing (backfill) may go faster but what it spent slows
 * the pace for the 24 hours after it, and before every step the calls of the last 24 hours are checked
 * too, so the daily share is a ceiling as well. Nothing here sleeps: `runDue` runs what is due and says
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
  /** Where the pollers' calls are also counted for the other instances of a cluster (see `PollerUsage`); none on one instance. */
  usage?: PollerUsage;
}

export function createOrganizationScheduler({ pollers, settings, clock, logger, webhookFed = new Set(), safetyNetMs = 60_000, mirrorOnly = new Set(), mirrorRefreshMs = 120_000, usage }: OrganizationSchedulerOptions) {
  const limit = pollerLimitOf(settings);
  const dayLimit = pollerLimitPerDayOf(settings);
  const window = createCallWindow();
  const burst = createCallWindow(BURST_WINDOW_MS);
  const burstLimit = Math.max(1, Math.ceil((limit * BURST_WINDOW_MS) / 60_000));
  const lookups = createCallWindow();
  /** The pollers' calls over the last 24 hours, and the part of them that backfills made. */
  const day = createBucketedWindow();
  const backfills = createBucketedWindow();
  const start = clock.now().getTime();
  const slots: Slot[] = pollers.map((poller) => ({
    poller, nextRunAt: start, lastRunAt: null, lastError: null, failures: 0, eventsEmitted: 0, callsPerPoll: 1, cost: costOf(poller), callsPerStep: 0, callsThisPoll: 0, backfilling: true, window: createCallWindow(),
  }));
  /** Kinds polled on a slow fixed period (webhook safety nets, mirror-only kinds): that period; undefined for the paced kinds. */
  const slowPeriodOf = (slot: Slot): number | undefined =>
    webhookFed.has(slot.poller.entity) ? safetyNetMs : mirrorOnly.has(slot.poller.entity) ? mirrorRefreshMs : undefined;
  const isSafetyNet = (slot: Slot) => slowPeriodOf(slot) !== undefined;
  /** Time between two polls of a kind nothing else reports: the share of the minute, less what the safety-net polls use, spread over those kinds. */
  const minutePaceMs = () => {
    if (settings.intervalMs !== undefined) return Math.max(settings.intervalMs, settings.minIntervalMs);
    const polled = slots.filter((s) => !isSafetyNet(s));
    const safetyNetPerMinute = slots.filter(isSafetyNet).reduce((sum, s) => sum + (s.callsPerPoll * 60_000) / slowPeriodOf(s)!, 0);
    const callsPerRound = polled.reduce((sum, s) => sum + s.callsPerPoll, 0);
    const room = Math.max(1, limit - safetyNetPerMinute);
    return Math.max(settings.minIntervalMs, Math.ceil((60_000 * callsPerRound) / room));
  };
  /** A kind's period within the per-minute share alone. */
  const minutePeriodOf = (slot: Slot, pace: number) => {
    const slow = slowPeriodOf(slot);
    // Mirror-only kinds keep their own period whatever the pace; webhook safety nets follow a fixed interval when one is set.
    if (slow !== undefined && mirrorOnly.has(slot.poller.entity)) return Math.max(slow, pace);
    return slow !== undefined && settings.intervalMs === undefined ? Math.max(slow, pace) : pace;
  };
  /** How far full listings and every period stretch so that the pollers' calls fit their share of the day (not at all when the day does not bind). */
  const dailyPlan = (): DailyPlan => {
    if (dayLimit === undefined) return { stretch: 1, reconcileMs: settings.reconcileIntervalMs };
    const pace = minutePaceMs();
    const rate = dailyRatePerMinute(dayLimit, backfills.used(clock.now().getTime()));
    return planDailyPace(slots.map((s) => ({ cost: s.cost, periodMs: minutePeriodOf(s, pace) })), rate, settings.reconcileIntervalMs);
  };
  const paceMs = () => Math.ceil(minutePaceMs() * dailyPlan().stretch);
  const paceOf = (slot: Slot) => Math.ceil(minutePeriodOf(slot, minutePaceMs()) * dailyPlan().stretch);
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
  const record = (slot: Slot, calls: number, backfill: boolean) => {
    const now = clock.now().getTime();
    window.add(now, calls);
    burst.add(now, calls);
    slot.window.add(now, calls);
    day.add(now, calls);
    if (backfill) backfills.add(now, calls);
    usage?.record(now, calls, backfill);
    slot.callsPerStep = Math.max(slot.callsPerStep, calls);
  };
  const smooth = (previous: number | undefined, calls: number) => (previous === undefined ? calls : previous * 0.7 + calls * 0.3);
  /** What the poll that just completed cost, for the daily pace: a backfill tells what a full listing of the kind costs until one runs. */
  const learn = (slot: Slot, scan: string, calls: number) => {
    if (scan === "incremental") slot.cost.incremental = smooth(slot.cost.incremental, calls);
    else if (scan === "full") slot.cost.full = smooth(slot.cost.full, calls);
    else if (scan === "baseline") slot.cost.full ??= calls;
  };

  async function runStep(slot: Slot): Promise<void> {
    try {
      const step = await slot.poller.step();
      slot.backfilling = step.scan === "baseline";
      record(slot, step.calls, step.scan === "baseline");
      slot.callsThisPoll += step.calls;
      if (!step.done) return;
      // A backfill's many pages say nothing about what the polls after it cost.
      if (step.scan !== "baseline") slot.callsPerPoll = slot.callsPerPoll * 0.7 + Math.max(1, slot.callsThisPoll) * 0.3;
      learn(slot, step.scan, Math.max(1, slot.callsThisPoll));
      slot.callsThisPoll = 0;
      slot.eventsEmitted += step.appended;
      slot.lastRunAt = clock.now().getTime();
      slot.lastError = null;
      slot.failures = 0;
      slot.nextRunAt = slot.lastRunAt + paceOf(slot);
    } catch (error) {
      const cause = error instanceof PollStepError ? error.cause : error;
      record(slot, error instanceof PollStepError ? error.calls : 0, false);
      slot.callsThisPoll = 0;
      // The poll lease passed to another instance: not this kind's failure, and retrying cannot succeed; polling stops (`runDue` throws it).
      if (cause instanceof MirrorFencedError) throw cause;
      slot.failures++;
      slot.lastError = cause instanceof Error ? cause.message : String(cause);
      const retryAfterMs = (retryAfterSecondsOf(cause) ?? 0) * 1000;
      // Backing off never polls a failing kind more often than its pace.
      const pace = paceOf(slot);
      slot.nextRunAt = clock.now().getTime() + Math.max(retryAfterMs, Math.min(Math.max(MAX_BACKOFF_MS, pace), pace * 2 ** slot.failures));
      logger.warn("trigger poll failed", { entity: slot.poller.entity, error: slot.lastError, failures: slot.failures });
    }
  }

  return {
    /**
     * Runs due poll steps while the budget has room; resolves with when to call again: when nothing is
     * due, when the budget is spent, or as soon as `signal` aborts (shutdown, the poll lease lost). Throws `MirrorFencedError` when a write was refused because the
     * poll lease passed to another instance.
     */
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
        // And its pro-rata part of any 2 s: the share is spent evenly over the minute, never in one burst that
        // leaves the organization unpolled for the rest of it (or an instance taking over with no room).
        // A backfill is exempt: it runs once, and the mirror is not ready until it ends.
        const burstUsed = due.backfilling ? 0 : burst.used(now);
        if (burstUsed > 0 && burstUsed + need > burstLimit) return new Date(burst.roomAt(now, Math.max(0, burstLimit - need)));
        if (dayLimit !== undefined) {
          // The day's share is a ceiling too: a step that may not fit waits until the oldest calls age out.
          const dayNeed = Math.min(need, dayLimit);
          if (day.used(now) + dayNeed > dayLimit) return new Date(Math.max(now + 1, day.roomAt(now, dayLimit - dayNeed)));
        }
        const failures = due.failures;
        continuationLast = due.poller.inProgress;
        await runStep(due);
        // A poll left half-way (a long listing) goes back in line behind the others that are due.
        if (due.poller.inProgress && due.failures === failures) due.nextRunAt = clock.now().getTime();
      }
    }),
    /**
     * Takes in what the pollers of this organization spent on other instances (read from the cluster's
     * count when this instance takes the poll lease over): each minute's calls count here as the larger
     * of the two counts, so the pollers' share of the minute and the day holds across a handover.
     */
    /**
     * Forgets every poll left half-way: this instance lost the poll lease and got it back, and another
     * instance polled in between, so what a half-done listing holds is older than the mirror.
     */
    abandonPolls() {
      for (const slot of slots) {
        (slot.poller as Partial<EntityPoller>).abandon?.();
        slot.callsThisPoll = 0;
      }
    },
    adopt(history: PollerHistory) {
      const now = clock.now().getTime();
      for (const { start, calls } of history.calls) {
        day.add(start, Math.max(0, calls - day.countAt(start)));
        // Without exact times, a recent minute's calls are placed at its end (or now): they leave the rolling minute no sooner than the real calls would.
        if (!history.recent && start > now - 2 * 60_000) window.add(Math.min(now, start + 60_000 - 1), Math.max(0, calls - window.between(start, start + 60_000)));
      }
      if (history.recent) {
        // The calls of the last minute at their own times, less those this instance already counts (it may have held the lease before).
        const lastMinute = history.recent.filter((t) => t > now - 60_000 && t <= now).sort((a, b) => a - b);
        const missing = Math.max(0, lastMinute.length - window.used(now));
        for (const t of lastMinute.slice(lastMinute.length - missing)) {
          window.add(t, 1);
          burst.add(t, 1);
        }
      }
      for (const { start, calls } of history.backfills) backfills.add(start, Math.max(0, calls - backfills.countAt(start)));
      // Spread the first round over the minute's pace instead of polling every kind at once: a burst would
      // spend the pollers' minute in seconds and leave the organization unpolled for the rest of it (and
      // the next holder, after a crash, would inherit that full minute).
      const pace = minutePaceMs();
      slots.forEach((slot, i) => {
        slot.nextRunAt = Math.max(slot.nextRunAt, now + Math.floor((i * pace) / slots.length));
      });
    },
    /**
     * Counts calls made for this organization's triggers outside the pollers (webhook lookups). They are
     * shown, and the governor keeps them within the provider's limit, but they do not eat the pollers'
     * share: a busy organization's webhooks would otherwise starve the polls of everything else.
     */
    recordCalls(calls: number) {
      lookups.add(clock.now().getTime(), calls);
    },
    /**
     * Time between two full listings of a kind read incrementally: the configured interval, or longer
     * while the day's share cannot afford it. Pollers ask it as each poll begins.
     */
    reconcileIntervalMs: (): number => dailyPlan().reconcileMs,
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
    /** Time now planned between two polls of `entity` (undefined: no poller for it). */
    periodOf(entity: EntityName): number | undefined {
      const slot = slots.find((s) => s.poller.entity === entity);
      return slot ? paceOf(slot) : undefined;
    },
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
      return {
        budgetPerMinute: settings.budgetPerMinute, pollerLimitPerMinute: limit, callsLastMinute: window.used(now), webhookCallsLastMinute: lookups.used(now), intervalMs: paceMs(),
        budgetPerDay: settings.budgetPerDay ?? null, pollerLimitPerDay: dayLimit ?? null, callsLastDay: day.used(now), reconcileIntervalMs: dailyPlan().reconcileMs,
      };
    },
  };
}
export type OrganizationScheduler = ReturnType<typeof createOrganizationScheduler>;
