import { ErrorCode, GatewayError } from "../errors/index.js";
import { systemClock, type Clock } from "../infra/clock.js";
import { countUpstreamCall } from "./call-meter.js";
import { abortableSleep, beforeDeadline, startCallDeadline, type CallDeadline } from "./call-deadline.js";
import { localBudgetLedger, MINUTE_MS, type BudgetLedgerFactory, type BudgetRemaining } from "./budget-ledger.js";
import type { CallerTicket } from "./caller-budget.js";
import { currentUpstreamCaller } from "./caller-scope.js";
import { cancelled, dailyLimitReached, noRoomInBudget, overCallerShare, timedOut } from "./governor-errors.js";
import { retryAfterSecondsOf } from "./rate-limited.js";

/** Longest single sleep while waiting for room: a shared budget can free room sooner than foreseen (another instance's call given back). */
const MAX_SLEEP_MS = 1_000;

/** The gateway's own bounds on an organization's upstream traffic, on top of the provider's limits. */
export interface UpstreamPolicy {
  /** Longest one upstream call may take, its waits for a slot and for the budget included. @default 20_000 */
  timeoutMs?: number;
  /** Share (0..1] of `perMinute` each API key is sure to find; past it a key goes on only while a share stays free for others. @default 1 */
  keyShare?: number;
  /** Share [0..1) of `perMinute` kept for background work (the pollers). @default 0 */
  reservedShare?: number;
  /** Told of every call started and every refusal or rate-limit answer (metrics); none when unset. */
  observer?: UpstreamObserver;
  /**
   * Where the organization's budget is counted: in this process when unset; a cluster passes one that
   * counts in Redis (`redisBudgets`), so every instance draws on the same minute, day and slots.
   */
  ledger?: BudgetLedgerFactory;
}

/** Why a call was held back: the provider's 429, the organization's minute or day, or the API key's share. */
export type UpstreamRefusal = "provider" | "minute" | "day" | "key";

export interface UpstreamObserver {
  /** An upstream call started (retries included). */
  called(): void;
  /** The provider answered 429, or the governor refused a call (`minute`, `day`, `key`). */
  rateLimited(reason: UpstreamRefusal): void;
  /** Handed once, at creation: the calls left now in the rolling minute and the rolling day (null: no daily limit). */
  budget?(remaining: () => BudgetRemaining): void;
}

export interface UpstreamGovernorOptions extends UpstreamPolicy {
  /** Calls in flight at once (Xero: 5 per organization). */
  maxConcurrent: number;
  /** Calls started in any rolling minute (Xero: 60 per organization). */
  perMinute: number;
  /**
   * Calls started in any 24 hours (Xero: 5,000 per organization); none when unset. Past it a call is
   * refused before it is sent, naming when room frees. Counted in minute buckets, so memory stays
   * small whatever the limit.
   */
  perDay?: number;
  /** @default systemClock */
  clock?: Clock;
  /** Retries after rate-limit answers before giving up. @default 3 */
  maxRetries?: number;
  /** The longest Retry-After worth waiting for; a longer one fails at once. @default 60_000 */
  maxRetryWaitMs?: number;
  /** Named in error messages. @default "The provider" */
  provider?: string;
  /** @default a setTimeout-based sleep that ends early (rejecting) when `signal` aborts */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface UpstreamStats {
  /** Upstream calls started, retries included. */
  calls: number;
  retries: number;
  /** Time callers spent waiting for the budget or a Retry-After. */
  throttledMs: number;
  /** Calls waiting right now for a slot or for room in the budget. */
  waiting: number;
  /** Calls that ended before they reached the provider: their deadline passed, their client left, or the budget had no room in time. */
  abandoned: number;
}

/**
 * What a governed call receives: `signal` aborts at the deadline or when the client is gone (pass it
 * to reads); `deadline` aborts only at the deadline (pass it to writes, which are not abandoned once sent).
 */
export type UpstreamCallSignals = Pick<CallDeadline, "signal" | "deadline">;

/**
 * Shapes one organization's traffic to its provider. Every upstream call goes through `run`, which
 * bounds it in time (`timeoutMs`, waits included), abandons it when its caller leaves, and holds
 * interactive callers (see `withUpstreamCaller`) to their share of the budget, refusing at once over it.
 */
export interface UpstreamGovernor {
  run<T>(fn: (call: UpstreamCallSignals) => Promise<T>): Promise<T>;
  stats(): UpstreamStats;
  /** The organization's limits and what is left of them (cluster-wide when the ledger is shared). */
  budget(): UpstreamBudget;
}

/** An organization's limits at its provider and the calls left under them now. */
export interface UpstreamBudget extends BudgetRemaining {
  perMinute: number;
  perDay: number | null;
  maxConcurrent: number;
}

/** Errors a provider client raises because its request was aborted (or that say as little): the deadline's own error replaces them. */
const isAbortLike = (error: unknown) => !(error instanceof GatewayError) || error.code === ErrorCode.PROVIDER_UNAVAILABLE;

export function createUpstreamGovernor({
  maxConcurrent,
  perMinute,
  perDay,
  clock = systemClock,
  maxRetries = 3,
  maxRetryWaitMs = MINUTE_MS,
  provider = "The provider",
  sleep = abortableSleep,
  timeoutMs = 20_000,
  keyShare = 1,
  reservedShare = 0,
  observer,
  ledger: ledgerFor,
}: UpstreamGovernorOptions): UpstreamGovernor {
  const limits = { maxConcurrent, perMinute, ...(perDay === undefined ? {} : { perDay }), keyShare, reservedShare, timeoutMs, provider };
  const ledger = ledgerFor ? ledgerFor(limits) : localBudgetLedger(limits, clock);
  const totals: UpstreamStats = { calls: 0, retries: 0, throttledMs: 0, waiting: 0, abandoned: 0 };
  observer?.budget?.(() => ledger.remaining());

  /**
   * Waits for room in the rolling minute and the rolling day (or a provider's pause), failing at once
   * when none opens before `endsAtMs`: past the daily limit that is at once, before anything is sent.
   */
  async function waitForTurn(call: CallDeadline, endsAtMs: number): Promise<void> {
    for (;;) {
      const turn = await ledger.take();
      if (turn.ok) return;
      const now = clock.now().getTime();
      const { waitMs: wait, period } = turn;
      if (period === "paused" && wait > maxRetryWaitMs) throw giveUp(Math.ceil(wait / 1000), 0, undefined);
      if (now + wait > endsAtMs) {
        if (period === "paused") throw giveUp(Math.ceil(wait / 1000), 0, undefined);
        observer?.rateLimited(period);
        throw period === "day" ? dailyLimitReached(provider, perDay!, wait, now) : noRoomInBudget(provider, wait);
      }
      // Locally the wait is exact; a shared budget may free room sooner (a call given back elsewhere), so look again within a second.
      const nap = ledgerFor ? Math.min(wait, MAX_SLEEP_MS) : wait;
      totals.throttledMs += nap;
      await sleep(nap, call.signal);
    }
  }

  function giveUp(retryAfterSeconds: number, attempts: number, cause: unknown): GatewayError {
    return new GatewayError(
      ErrorCode.PROVIDER_RATE_LIMITED,
      attempts === 0
        ? `${provider} asked for a pause on this organization's calls. Try again in ${retryAfterSeconds} seconds.`
        : `${provider} kept rate limiting this organization after ${attempts} attempts. Try again in ${retryAfterSeconds} seconds.`,
      { details: { provider, retryAfterSeconds, attempts }, cause },
    );
  }

  /** Counts an interactive call against its key's share (refusing at once over it); background calls pass. */
  async function admit(): Promise<CallerTicket | undefined> {
    const caller = currentUpstreamCaller();
    if (!caller) return undefined;
    if (caller.signal?.aborted) throw cancelled(provider);
    const admission = await ledger.admit(caller.apiKeyId);
    if (!admission.ok) {
      observer?.rateLimited("key");
      throw overCallerShare(provider, admission, clock.now().getTime());
    }
    return admission.ticket;
  }

  async function attempts<T>(fn: (call: UpstreamCallSignals) => Promise<T>, call: CallDeadline, endsAtMs: number, onStart: () => void): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const slot = await ledger.acquireSlot(call.signal);
      try {
        // A slot freed at the very instant this call's deadline passes is no reason to start it.
        if (clock.now().getTime() >= endsAtMs) throw timedOut(provider, timeoutMs);
        await waitForTurn(call, endsAtMs);
        onStart();
        totals.calls++;
        countUpstreamCall();
        observer?.called();
        try {
          return await beforeDeadline(fn({ signal: call.signal, deadline: call.deadline }), call.deadline);
        } catch (error) {
          const retryAfterSeconds = call.ended() ? undefined : retryAfterSecondsOf(error);
          if (retryAfterSeconds === undefined) throw error;
          observer?.rateLimited("provider");
          await ledger.pause(retryAfterSeconds * 1000);
          if (attempt > maxRetries || retryAfterSeconds * 1000 > maxRetryWaitMs) throw giveUp(retryAfterSeconds, attempt, error);
          totals.retries++;
        }
      } finally {
        slot.release();
      }
    }
  }

  return {
    async run<T>(fn: (call: UpstreamCallSignals) => Promise<T>): Promise<T> {
      // A refusal here is at once: it never waited, so it is not counted as waiting or abandoned.
      const ticket = await admit();
      const endsAtMs = clock.now().getTime() + timeoutMs;
      const call = startCallDeadline(timeoutMs, currentUpstreamCaller()?.signal);
      let started = false;
      totals.waiting++;
      try {
        return await attempts(fn, call, endsAtMs, () => {
          if (!started) totals.waiting--;
          started = true;
        });
      } catch (error) {
        const end = call.ended();
        if (end === "timed-out" && isAbortLike(error)) throw timedOut(provider, timeoutMs, error);
        if (end === "cancelled" && isAbortLike(error)) throw cancelled(provider);
        throw error;
      } finally {
        call.clear();
        if (!started) {
          totals.waiting--;
          totals.abandoned++;
          // Work abandoned before it reached the provider gives its place in the key's share back.
          if (ticket) await ledger.cancel(ticket).catch(() => undefined);
        }
      }
    },
    stats: () => ({ ...totals }),
    budget: () => ({ perMinute, perDay: perDay ?? null, maxConcurrent, ...ledger.remaining() }),
  };
}
