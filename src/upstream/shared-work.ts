import { ErrorCode, GatewayError } from "../errors/index.js";
import { createCallerAbort } from "./call-deadline.js";
import { currentUpstreamCaller, withSharedUpstreamWork } from "./caller-scope.js";

/**
 * Work that concurrent callers asking for the same key wait for together: it runs once per key at a
 * time and belongs to none of them.
 *
 * Started by a client request (a current upstream caller), it runs as shared work
 * (`withSharedUpstreamWork`): its upstream calls use no client key's share but count inside the
 * organization's interactive budget, each bounded by the governor's deadline. Every caller asking for
 * the key meanwhile is one more waiter. A waiter leaves when its client's signal aborts; the work is
 * abandoned (its upstream calls are cancelled) only once every waiter has left, and a caller asking
 * after that starts it afresh. A waiter that can never leave (background work, or a caller without a
 * signal) keeps it from ever being abandoned; started by background work, it stays background work.
 */
export interface SharedWork {
  /** `work`'s outcome: started now, or joined while it runs for the same `key`. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export interface SharedWorkOptions {
  /**
   * A waiter whose client leaves stops waiting at once (its answer is a cancellation) rather than
   * being handed the outcome when the work ends. Either way the work goes on for the others.
   */
  stopWaitingWhenGone?: boolean;
}

/** One piece of work in flight and who is waiting for it. */
interface Flight {
  result?: Promise<unknown>;
  /** Waiters that may still leave (their client's signal has not aborted). */
  leavable: number;
  /** Some waiter can never leave: never abandon. */
  pinned: boolean;
  /** Aborts the work's upstream calls once every waiter has left. */
  abandon: AbortController;
  /** Stops listening to the waiters' signals once the work has settled. */
  detach: Array<() => void>;
}

export function createSharedWork({ stopWaitingWhenGone = false }: SharedWorkOptions = {}): SharedWork {
  const flights = new Map<string, Flight>();

  /** Counts the current caller in as a waiter, and out again when its client goes; its signal, if it has one. */
  function join(key: string, flight: Flight): AbortSignal | undefined {
    const signal = currentUpstreamCaller()?.signal;
    if (!signal) {
      flight.pinned = true;
      return undefined;
    }
    const leave = () => {
      flight.leavable--;
      if (flight.leavable > 0 || flight.pinned) return;
      // Nobody is left to answer: stop the upstream calls, and let the next caller start afresh.
      if (flights.get(key) === flight) flights.delete(key);
      flight.abandon.abort(new Error("every caller waiting for this work has gone"));
    };
    flight.leavable++;
    if (signal.aborted) leave();
    else {
      signal.addEventListener("abort", leave, { once: true });
      flight.detach.push(() => signal.removeEventListener("abort", leave));
    }
    return signal;
  }

  /** Runs `work` for `key` as the flight's work: shared work when a client started it, background work otherwise. */
  function launch<T>(key: string, flight: Flight, work: () => Promise<T>): void {
    // As an async function, a `work` that throws before its first await still settles the flight.
    const attempt = async () => work();
    const run = currentUpstreamCaller() ? withSharedUpstreamWork(flight.abandon.signal, attempt) : attempt();
    flight.result = run.finally(() => {
      if (flights.get(key) === flight) flights.delete(key);
      for (const stop of flight.detach) stop();
    });
    // Every waiter may have stopped waiting: the outcome then reaches no one.
    flight.result.catch(() => undefined);
  }

  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const running = flights.get(key);
      const flight = running ?? { leavable: 0, pinned: false, abandon: createCallerAbort(), detach: [] };
      if (!running) flights.set(key, flight);
      // The first waiter joins before the work starts: a client already gone leaves it abandoned from the outset.
      const signal = join(key, flight);
      if (!running) launch(key, flight, work);
      const result = flight.result as Promise<T>;
      return stopWaitingWhenGone && signal ? untilGone(result, signal) : result;
    },
  };
}

/** `result`, or a cancellation as soon as `signal` aborts (the work itself goes on). */
function untilGone<T>(result: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(callerGone());
  let onAbort!: () => void;
  const gone = new Promise<never>((_, reject) => {
    onAbort = () => reject(callerGone());
    signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([result, gone]).finally(() => signal.removeEventListener("abort", onAbort));
}

/** The client left before the shared work it was waiting for ended (as the governor says of a call it left). */
function callerGone(): GatewayError {
  return new GatewayError(
    ErrorCode.PROVIDER_UNAVAILABLE,
    "The request was cancelled by its client before the provider answered (the answer was being fetched for several requests at once).",
    { details: { cancelled: true } },
  );
}
