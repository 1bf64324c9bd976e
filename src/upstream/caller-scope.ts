import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who an interactive upstream call is made for: the API key it counts against (its per-key share of
 * the organization's budget) and the signal that says the client is gone (its queued waits and
 * in-flight reads are then abandoned). Work outside any caller (pollers, webhook lookups) is background.
 */
export interface UpstreamCaller {
  apiKeyId: string;
  /** Aborts when the client closed the request or completed the operation. */
  signal?: AbortSignal;
}

const callers = new AsyncLocalStorage<UpstreamCaller>();

/** Runs `work` with every upstream call it makes, however deep, attributed to `caller`. */
export function withUpstreamCaller<T>(caller: UpstreamCaller, work: () => T): T {
  return callers.run(caller, work);
}

/**
 * The key that upstream calls of shared work are counted under: a load several clients wait for
 * (see `createSharedWork`) belongs to none of them, so it uses no client key's share. It is
 * counted like one more key of its own, inside the organization's interactive budget (never the
 * pollers' reserve). API key ids look like `key_<uuid>`, so this one cannot be a client's.
 */
export const SHARED_WORK_KEY = "(shared)";

/**
 * Runs `work` as shared interactive work: its upstream calls are counted under `SHARED_WORK_KEY` and
 * abandoned only when `signal` aborts (when every client waiting for it has gone), each still bounded
 * by the governor's deadline. No single client's leaving or budget reaches it.
 */
export function withSharedUpstreamWork<T>(signal: AbortSignal, work: () => T): T {
  return callers.run({ apiKeyId: SHARED_WORK_KEY, signal }, work);
}

/** The caller the current upstream call is made for; undefined for background work. */
export function currentUpstreamCaller(): UpstreamCaller | undefined {
  return callers.getStore();
}

/** Where a view made by `attributeCalls` keeps the caller it attributes its calls to. */
const ATTRIBUTED_TO = Symbol("attributedTo");

/**
 * A view of `target` whose every method runs attributed to `caller` (its other properties are read
 * through). The adapter pool hands these to request contexts: the one place a call meets its key.
 * Inside shared work (`withSharedUpstreamWork`) a call stays shared work, whichever client's view it
 * goes through: work several clients wait for is counted against none of them.
 */
export function attributeCalls<T extends object>(target: T, caller: UpstreamCaller): T {
  const view = Object.create(target) as Record<string | symbol, unknown>;
  for (const key in target) {
    const value = (target as Record<string, unknown>)[key];
    if (typeof value !== "function") continue;
    view[key] = (...args: unknown[]) => {
      const call = () => (value as (...a: unknown[]) => unknown).apply(target, args);
      return callers.getStore()?.apiKeyId === SHARED_WORK_KEY ? call() : withUpstreamCaller(caller, call);
    };
  }
  Object.defineProperty(view, ATTRIBUTED_TO, { value: caller });
  return view as T;
}

/**
 * The caller a view made by `attributeCalls` (or any object built on one, such as a write-through
 * view) attributes its calls to; undefined for an unattributed object (background work).
 */
export function attributedCaller(view: object): UpstreamCaller | undefined {
  return (view as Record<symbol, UpstreamCaller | undefined>)[ATTRIBUTED_TO];
}
