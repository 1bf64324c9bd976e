import type { ExecutionResult, GraphQLError } from "graphql";
import { createStopSignal } from "../infra/stop-signal.js";

export interface GuardedStream extends AsyncIterableIterator<ExecutionResult> {
  /**
   * Ends the stream now, even while it waits for its next result: with `error`, the subscriber gets
   * one last result carrying it, then completion; without, it just completes.
   */
  end(error?: GraphQLError): void;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The results of one graphql-ws subscription, as sent to its socket: before asking for the next
 * result it waits until `ready()` (the socket has drained below its high-water mark), so a client
 * that does not read holds its subscriptions still instead of growing the gateway's send buffers;
 * and `end()` stops it at once (revoked key, narrower grants) without waiting for an event.
 */
export function guardStream(inner: AsyncIterator<ExecutionResult>, ready: () => Promise<void> | undefined): GuardedStream {
  let ending: { error?: GraphQLError } | undefined;
  let finished = false;
  const ended = createStopSignal();
  const finish = async () => {
    if (finished) return;
    finished = true;
    await inner.return?.();
  };
  const stream: GuardedStream = {
    async next() {
      if (!ending && !finished) {
        const wait = ready();
        if (wait) await ended.race(wait);
      }
      if (!ending && !finished) {
        const result = await ended.race(inner.next());
        if (result) {
          if (result.done) finished = true;
          return result;
        }
      }
      if (finished) return DONE;
      const error = ending?.error;
      await finish();
      return error ? { done: false, value: { errors: [error] } } : DONE;
    },
    async return() {
      ending ??= {};
      ended.stop();
      await finish();
      return DONE;
    },
    async throw(error?: unknown) {
      await finish();
      throw error;
    },
    end(error) {
      ending ??= { error };
      ended.stop();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return stream;
}
