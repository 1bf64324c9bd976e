import { performance } from "node:perf_hooks";
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const EVENTS = `subscription { events { type entity organizationId remoteId detectedAt } }`;

interface Seen {
  entity: string;
  organizationId: string;
  remoteId: string;
}

const keyOf = (e: Seen) => `${e.organizationId}|${e.entity}|${e.remoteId}`;

/**
 * One graphql-ws subscriber to every event, as a partner app would connect, that tells when the
 * first event about a record arrived after a given moment.
 */
export async function watchEvents(wsUrl: string, apiKey: string) {
  const receipts = new Map<string, number[]>();
  const waiters = new Map<string, Array<{ after: number; resolve(at: number): void }>>();
  const errors: unknown[] = [];
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const client = createClient({
    url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true,
    connectionParams: { authorization: `Bearer ${apiKey}` },
    on: { connected: () => connected() },
  });
  const stop = client.subscribe<{ events: Seen }>({ query: EVENTS }, {
    next: ({ data, errors: problems }) => {
      const at = performance.now();
      if (problems) errors.push(...problems);
      if (!data) return;
      const key = keyOf(data.events);
      receipts.set(key, [...(receipts.get(key) ?? []), at]);
      const waiting = waiters.get(key) ?? [];
      waiters.set(key, waiting.filter((w) => w.after >= at));
      for (const w of waiting) if (w.after < at) w.resolve(at);
    },
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  await ready;
  // graphql-ws does not acknowledge a subscription: give the server a moment to open the stream.
  await new Promise((resolve) => setTimeout(resolve, 500));

  return {
    errors,
    /** When the first event about `record` after `after` arrived; undefined after `timeoutMs`. */
    firstAfter(record: Seen, after: number, timeoutMs: number): Promise<number | undefined> {
      const key = keyOf(record);
      const already = receipts.get(key)?.find((at) => at > after);
      if (already !== undefined) return Promise.resolve(already);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(undefined), timeoutMs);
        waiters.set(key, [...(waiters.get(key) ?? []), { after, resolve: (at) => (clearTimeout(timer), resolve(at)) }]);
      });
    },
    async close() {
      stop();
      await client.dispose();
    },
  };
}
