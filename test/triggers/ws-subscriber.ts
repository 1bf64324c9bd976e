import { expect } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/** One running subscription: what it received so far, and how it ended. */
export interface Subscriber<T> {
  received: T[];
  errors: unknown[];
  /** Resolves once `n` results arrived. */
  waitFor(n: number): Promise<T[]>;
  stop(): Promise<void>;
}

/** A graphql-ws client that connects with `key`, as a partner app would. */
export function wsClient(wsUrl: string, key: string): Client {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: { authorization: `Bearer ${key}` } });
}

/** Subscribes and collects the `field` of every result. */
export function subscribe<T = Record<string, any>>(client: Client, query: string, variables: Record<string, unknown>, field: string): Subscriber<T> {
  const received: T[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<Record<string, T>>({ query, variables }, {
    next: (result) => {
      if (result.errors) errors.push(...result.errors);
      if (result.data) received.push(result.data[field]!);
    },
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  return {
    received,
    errors,
    async waitFor(n) {
      await expect.poll(() => received.length + (errors.length > 0 ? Number.POSITIVE_INFINITY : 0), { timeout: 15_000 }).toBeGreaterThanOrEqual(n);
      expect(errors).toEqual([]);
      return received.slice(0, n);
    },
    async stop() {
      stop();
      await client.dispose();
    },
  };
}
