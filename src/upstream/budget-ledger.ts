import type { Clock } from "../infra/clock.js";
import { createCallerBudget, type Admission, type CallerTicket } from "./caller-budget.js";
export { callerLimitsOf } from "./caller-budget.js";
import { createConcurrencySlots } from "./concurrency-slots.js";
import { createDailyWindow } from "./daily-window.js";
import { createRollingWindow } from "./rolling-window.js";

export const MINUTE_MS = 60_000;

/** One organization's limits at its provider, and how the gateway shares them out. */
export interface LedgerLimits {
  /** Calls in flight at once (Xero: 5 per organization). */
  maxConcurrent: number;
  /** Calls started in any rolling minute (Xero: 60). */
  perMinute: number;
  /** Calls started in any 24 hours (Xero: 5,000); none when unset. */
  perDay?: number;
  /** Share (0..1] of `perMinute` each API key is sure to find. */
  keyShare: number;
  /** Share [0..1) of the minute (and the day) kept for background work (the pollers). */
  reservedShare: number;
  /** Longest one call may take, waits included: a concurrency slot is never held longer (plus a margin). */
  timeoutMs: number;
  /** Named in error messages. */
  provider: string;
}

/** Room for one call in the organization's minute and day, or how long until there is some, and why not now. */
export type Turn = { ok: true } | { ok: false; waitMs: number; period: "minute" | "day" | "paused" };

/** A concurrency slot held; `release` frees it (once). */
export interface SlotHold {
  release(): void;
}

/** What the budget has left right now, as far as this process knows (refreshed at every call). */
export interface BudgetRemaining {
  minute: number;
  day: number | null;
  /** Where the counts live: this process only, or Redis (every instance of a cluster). */
  scope: "PROCESS" | "CLUSTER";
}

/**
 * Where one organization's upstream budget is counted. The governor asks it for a key's admission, a
 * concurrency slot and a turn in the minute and the day; `localBudgetLedger` counts in this process
 * (one gateway), `redisBudgetLedger` in Redis, atomically, so every instance of a cluster draws on the
 * same minute, day and slots. The governor's logic (deadlines, retries, errors) is the same over both.
 */
export interface BudgetLedger {
  readonly limits: LedgerLimits;
  /** Counts an interactive call against its key's share and the interactive part of the budget, or refuses at once. */
  admit(apiKeyId: string): Promise<Admission>;
  /** Gives back an admitted call that never reached the provider. */
  cancel(ticket: CallerTicket): Promise<void>;
  /** Waits for a concurrency slot (rejects with the signal's reason when it aborts first). */
  acquireSlot(signal?: AbortSignal): Promise<SlotHold>;
  /** Takes room for one call now, or says how long to wait (the provider's pause, the minute or the day). */
  take(): Promise<Turn>;
  /** The provider asked for a pause (429 with Retry-After): no call starts before `ms` from now, on any instance sharing the ledger. */
  pause(ms: number): Promise<void>;
  /** What is left (the last counts seen; a cluster ledger refreshes them in the background when they grow old). */
  remaining(): BudgetRemaining;
}

/** Makes the ledger of one organization once its limits are known (the connector reads them from the organization's settings). */
export type BudgetLedgerFactory = (limits: LedgerLimits) => BudgetLedger;

/** The budget of one organization counted in this process: exact for a single gateway (the embedded default). */
export function localBudgetLedger(limits: LedgerLimits, clock: Clock): BudgetLedger {
  const { maxConcurrent, perMinute, perDay } = limits;
  const slots = createConcurrencySlots(maxConcurrent);
  const window = createRollingWindow(perMinute, MINUTE_MS);
  const day = perDay === undefined ? undefined : createDailyWindow(perDay);
  const callers = createCallerBudget({ perMinute, keyShare: limits.keyShare, reservedShare: limits.reservedShare, perDay, windowMs: MINUTE_MS });
  let pausedUntil = 0;
  const now = () => clock.now().getTime();
  return {
    limits,
    admit: async (apiKeyId) => callers.admit(apiKeyId, now()),
    cancel: async (ticket) => callers.cancel(ticket),
    async acquireSlot(signal) {
      await slots.acquire(signal);
      let held = true;
      return { release: () => { if (held) { held = false; slots.release(); } } };
    },
    async take() {
      const at = now();
      if (pausedUntil > at) return { ok: false, waitMs: pausedUntil - at, period: "paused" };
      const minuteWait = window.waitMs(at);
      const dayWait = day?.waitMs(at) ?? 0;
      if (minuteWait <= 0 && dayWait <= 0) {
        window.record(at);
        day?.record(at);
        return { ok: true };
      }
      return dayWait >= minuteWait ? { ok: false, waitMs: dayWait, period: "day" } : { ok: false, waitMs: minuteWait, period: "minute" };
    },
    async pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    remaining() {
      const at = now();
      return { minute: Math.max(0, perMinute - window.size(at)), day: day && perDay !== undefined ? Math.max(0, perDay - day.size(at)) : null, scope: "PROCESS" };
    },
  };
}
