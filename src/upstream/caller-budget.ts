import { createDailyWindow } from "./daily-window.js";
import { createRollingWindow, type RollingWindow } from "./rolling-window.js";

/** How one organization's per-minute budget is shared out among interactive callers. */
export interface CallerBudgetOptions {
  /** The organization's calls per rolling minute. */
  perMinute: number;
  /** Share (0..1] of `perMinute` each API key is sure to find; a key past it only borrows room others do not need. */
  keyShare: number;
  /** Share [0..1) kept for background work (the pollers): interactive calls together use at most the rest. */
  reservedShare: number;
  /** The organization's calls per rolling day, when the provider limits days too: interactive calls together use at most the part not reserved. */
  perDay?: number;
  windowMs?: number;
}

/** An admitted call's place in the windows, to give back if it never reaches the provider. */
export interface CallerTicket {
  apiKeyId: string;
  atMs: number;
  /** Its entry in a shared (Redis) budget, to take back exactly that one. */
  member?: string;
}

export type Admission =
  | { ok: true; ticket: CallerTicket }
  | {
      ok: false;
      scope: "API_KEY" | "INTERACTIVE";
      /** Which budget has no room: the rolling minute's, or the rolling day's. */
      period: "minute" | "day";
      keySharePerMinute: number;
      interactivePerMinute: number;
      /** Calls interactive requests may make in any 24 hours (absent without a daily limit). */
      interactivePerDay?: number;
      retryAfterMs: number;
    };

/** Interactive limits derived from the organization's, shared by both ledgers so they refuse alike. */
export function callerLimitsOf({ perMinute, perDay, keyShare, reservedShare }: Pick<CallerBudgetOptions, "perMinute" | "perDay" | "keyShare" | "reservedShare">) {
  const interactivePerMinute = Math.max(1, Math.floor(perMinute * (1 - reservedShare)));
  return {
    interactivePerMinute,
    keyPerMinute: Math.min(interactivePerMinute, Math.max(1, Math.floor(perMinute * keyShare))),
    interactivePerDay: perDay === undefined ? undefined : Math.max(1, Math.floor(perDay * (1 - reservedShare))),
  };
}

/**
 * Per-key and all-interactive rolling windows inside one organization's budget. Interactive calls
 * together never use the pollers' reserve. Each key may make `keyShare` of the budget's calls
 * freely; past that it may go on only while a full share stays free for some other key, so one key
 * alone can use most of the budget, but never lock another key out. A call is counted when it is
 * admitted (before it waits for a slot), so a flood of queued calls cannot slip past; one abandoned
 * before it started is given back with `cancel`. With a daily limit, interactive calls together also
 * keep within the same part of the day (in minute buckets), so the pollers' daily share stays theirs.
 */
export function createCallerBudget({ perMinute, keyShare, reservedShare, perDay, windowMs = 60_000 }: CallerBudgetOptions) {
  const { interactivePerMinute: interactiveLimit, keyPerMinute: keyLimit, interactivePerDay: interactiveDayLimit } = callerLimitsOf({ perMinute, perDay, keyShare, reservedShare });
  const interactive = createRollingWindow(interactiveLimit, windowMs);
  const interactiveDay = interactiveDayLimit === undefined ? undefined : createDailyWindow(interactiveDayLimit);
  const byKey = new Map<string, RollingWindow>();
  const refuse = (scope: "API_KEY" | "INTERACTIVE", retryAfterMs: number, period: "minute" | "day" = "minute"): Admission => ({
    ok: false, scope, period, keySharePerMinute: keyLimit, interactivePerMinute: interactiveLimit,
    ...(interactiveDayLimit === undefined ? {} : { interactivePerDay: interactiveDayLimit }), retryAfterMs,
  });

  /** Keys with nothing in their window are dropped, so the map holds only recently active keys. */
  const sweep = (nowMs: number) => {
    for (const [key, window] of byKey) if (window.size(nowMs) === 0) byKey.delete(key);
  };

  return {
    keyLimit,
    interactiveLimit,
    interactiveDayLimit,
    admit(apiKeyId: string, nowMs: number): Admission {
      sweep(nowMs);
      const dayWait = interactiveDay?.waitMs(nowMs) ?? 0;
      if (dayWait > 0) return refuse("INTERACTIVE", dayWait, "day");
      const own = byKey.get(apiKeyId) ?? createRollingWindow(keyLimit, windowMs);
      const withinShare = own.waitMs(nowMs) === 0;
      if (withinShare) {
        const wait = interactive.waitMs(nowMs);
        if (wait > 0) return refuse("INTERACTIVE", wait);
      } else {
        // Past its share, a key borrows only while a whole share stays free for the others.
        const borrowWait = interactive.waitMs(nowMs, interactiveLimit - keyLimit);
        if (borrowWait > 0) return refuse("API_KEY", Math.min(borrowWait, own.waitMs(nowMs)));
      }
      own.record(nowMs);
      interactive.record(nowMs);
      interactiveDay?.record(nowMs);
      byKey.set(apiKeyId, own);
      return { ok: true, ticket: { apiKeyId, atMs: nowMs } };
    },
    cancel({ apiKeyId, atMs }: CallerTicket) {
      byKey.get(apiKeyId)?.forget(atMs);
      interactive.forget(atMs);
      interactiveDay?.forget(atMs);
    },
  };
}
export type CallerBudget = ReturnType<typeof createCallerBudget>;
