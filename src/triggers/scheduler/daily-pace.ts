const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_A_DAY = DAY_MS / MINUTE_MS;

/** Of the daily share, the part the pace plans to use; the rest is slack for polls that cost more than they used to. */
const PLANNED = 0.95;

/** What polls of one entity kind cost, learned as they run (calls per whole poll, smoothed). */
export interface PollCost {
  /** An incremental read (what changed since the cursor); undefined while none has run. */
  incremental?: number;
  /** A full listing (a reconcile, or every poll of kinds the provider cannot filter by change); undefined while none has run. */
  full?: number;
  /** What to assume while neither is known. */
  fallback: number;
  /** The kind is read incrementally (an incremental read is assumed to cost `fallback` until one ran); unknown: as learned. */
  readsIncrementally?: boolean;
}

/** An incremental read's cost, if the kind has them. */
const incrementalOf = (cost: PollCost) => cost.incremental ?? (cost.readsIncrementally ? cost.fallback : undefined);

/**
 * Calls a minute one kind makes when polled every `periodMs`. A kind read incrementally still lists
 * everything once every `reconcileMs` (every poll, when polls are further apart than that), so its
 * full listings are counted at that rate on top of its incremental reads.
 */
export function callsPerMinute(cost: PollCost, periodMs: number, reconcileMs: number): number {
  const full = cost.full ?? cost.incremental ?? cost.fallback;
  const incremental = incrementalOf(cost);
  if (incremental === undefined) return (full * MINUTE_MS) / periodMs;
  return (incremental * MINUTE_MS) / periodMs + (Math.max(0, full - incremental) * MINUTE_MS) / Math.max(reconcileMs, periodMs);
}

/** Calls a minute, on average, the pollers may make to spend `perDay` over 24 hours (a little under, see PLANNED), less what a backfill already spent. */
export function dailyRatePerMinute(perDay: number, spentOutsidePace: number): number {
  return Math.max(0, perDay * PLANNED - spentOutsidePace) / MINUTES_A_DAY;
}

/** Of the planned daily rate, the most that full listings finding deletions (reconciles) may take: the rest goes to detecting changes. */
const RECONCILE_PART = 0.5;
/** Reconciles stretch at most to a week apart. */
const MAX_RECONCILE_MS = 7 * DAY_MS;

export interface DailyPlan {
  /** The factor (at least 1) every kind's period is multiplied by. */
  stretch: number;
  /** Time between two full listings of a kind read incrementally (at least the configured one). */
  reconcileMs: number;
}

/**
 * How the pollers fit `ratePerMinute` on average. First the full listings that find deletions: while
 * they would cost more than half the rate at `reconcileMs`, they are spread further apart (large books
 * cost many pages a listing, an incremental read one call). Then every kind's period stretches by the
 * same factor until all the calls fit: kinds polled as a safety net or for the mirror only stay that
 * much rarer than the kinds whose events clients wait for. The shortest period is never stretched
 * past `maxPeriodMs`: when even that is too much, the scheduler's daily ceiling holds the rest.
 */
export function planDailyPace(kinds: ReadonlyArray<{ cost: PollCost; periodMs: number }>, ratePerMinute: number, reconcileMs: number, maxPeriodMs = DAY_MS): DailyPlan {
  if (kinds.length === 0) return { stretch: 1, reconcileMs };
  const listingsPerMinute = kinds.reduce((sum, k) => {
    const incremental = incrementalOf(k.cost);
    if (incremental === undefined) return sum;
    return sum + (Math.max(0, (k.cost.full ?? incremental) - incremental) * MINUTE_MS) / reconcileMs;
  }, 0);
  const reconcile = listingsPerMinute <= ratePerMinute * RECONCILE_PART
    ? reconcileMs
    : Math.min(MAX_RECONCILE_MS, ratePerMinute > 0 ? Math.ceil((reconcileMs * listingsPerMinute) / (ratePerMinute * RECONCILE_PART)) : MAX_RECONCILE_MS);
  const callsAt = (factor: number) => kinds.reduce((sum, k) => sum + callsPerMinute(k.cost, k.periodMs * factor, reconcile), 0);
  if (callsAt(1) <= ratePerMinute) return { stretch: 1, reconcileMs: reconcile };
  const most = Math.max(1, maxPeriodMs / Math.min(...kinds.map((k) => k.periodMs)));
  if (ratePerMinute <= 0 || callsAt(most) > ratePerMinute) return { stretch: most, reconcileMs: reconcile };
  let low = 1;
  let high = most;
  // The calls a minute fall as the factor grows: halve the interval until it is within a thousandth.
  while (high - low > high * 1e-3) {
    const middle = (low + high) / 2;
    if (callsAt(middle) <= ratePerMinute) high = middle;
    else low = middle;
  }
  return { stretch: high, reconcileMs: reconcile };
}
