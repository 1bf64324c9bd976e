import { setMaxListeners } from "node:events";

/** Why a governed call's signal fired. */
export type CallEnd = "timed-out" | "cancelled";

/** The limits in time of one governed call: its deadline, and its caller's cancellation. */
export interface CallDeadline {
  /** Aborts at the deadline or when the caller is gone: for waits, and for reads in flight. */
  readonly signal: AbortSignal;
  /** Aborts only at the deadline: for writes already sent, which the provider may be carrying out. */
  readonly deadline: AbortSignal;
  /** Why `signal` fired; undefined while it has not. */
  ended(): CallEnd | undefined;
  /** Stops the timer and lets go of the caller's signal; call once the call is settled. */
  clear(): void;
}

/** Starts the clock on one call: `timeoutMs` from now (a `setTimeout`, so fake timers move it). */
export function startCallDeadline(timeoutMs: number, callerSignal?: AbortSignal): CallDeadline {
  const deadline = new AbortController();
  const either = new AbortController();
  let end: CallEnd | undefined;
  const finish = (why: CallEnd) => {
    end ??= why;
    either.abort(new Error(why === "timed-out" ? `no answer within ${timeoutMs} ms` : "the caller is gone"));
  };
  const timer = setTimeout(() => {
    deadline.abort(new Error(`no answer within ${timeoutMs} ms`));
    finish("timed-out");
  }, timeoutMs);
  const onCaller = () => finish("cancelled");
  if (callerSignal?.aborted) finish("cancelled");
  else callerSignal?.addEventListener("abort", onCaller, { once: true });
  return {
    signal: either.signal,
    deadline: deadline.signal,
    ended: () => end,
    clear() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCaller);
    },
  };
}

/**
 * A signal for one client request or operation, to hand to `withUpstreamCaller`. Many governed calls
 * listen to it at once (a page of lookups), so it carries no listener limit.
 */
export function createCallerAbort(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

/** Sleeps `ms`, or rejects with the signal's reason as soon as it aborts. */
export const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });

/** `work`, or a rejection at the deadline if `work` has not settled by then (even if it ignores its signal). */
export function beforeDeadline<T>(work: Promise<T>, deadline: AbortSignal): Promise<T> {
  if (deadline.aborted) return Promise.reject(deadline.reason);
  let onAbort!: () => void;
  const expired = new Promise<never>((_, reject) => {
    onAbort = () => reject(deadline.reason);
    deadline.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([work, expired]).finally(() => deadline.removeEventListener("abort", onAbort));
}
