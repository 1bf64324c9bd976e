/** Bounds on graphql-ws connections; every one has a default, and each can be set on its own. */
export interface WebSocketLimits {
  /** Open subscriptions one connection may hold; the next is refused with LIMIT_EXCEEDED. @default 20 */
  subscriptionsPerConnection: number;
  /** Open subscriptions one API key may hold across this instance's connections. @default 200 */
  subscriptionsPerKey: number;
  /** Open connections one API key may hold on this instance; the next is closed with 4429. @default 100 */
  connectionsPerKey: number;
  /** A connection that has not sent `connection_init` by then is closed with 4408. @default 10000 */
  initTimeoutMs: number;
  /** How often each connected key is re-read from the store, to see revocations and grant changes made by another instance. @default 1000 */
  keyRecheckMs: number;
  /**
   * A subscription holds its next event while its socket has more than this many bytes not yet sent.
   * Infinity: no back-pressure, subscriptions send as fast as they are served (benchmarks). @default 1 MiB
   */
  sendHighWaterMark: number;
}

export const defaultWebSocketLimits: WebSocketLimits = {
  subscriptionsPerConnection: 20,
  subscriptionsPerKey: 200,
  connectionsPerKey: 100,
  initTimeoutMs: 10_000,
  keyRecheckMs: 1000,
  sendHighWaterMark: 1024 * 1024,
};

/** The defaults with `overrides` over them; a high-water mark that is not a number of bytes ≥ 0 (or Infinity) is refused. */
export function resolveWebSocketLimits(overrides: Partial<WebSocketLimits> = {}): WebSocketLimits {
  const limits: WebSocketLimits = { ...defaultWebSocketLimits, ...overrides };
  const mark = limits.sendHighWaterMark;
  if (typeof mark !== "number" || Number.isNaN(mark) || mark < 0) {
    throw new Error(`webSocket.sendHighWaterMark must be a number of bytes of at least 0, or Infinity for no back-pressure; got ${String(mark)}.`);
  }
  return limits;
}

/** Close code of a connection refused because its API key holds too many (like HTTP 429). */
export const WS_CLOSE_TOO_MANY_CONNECTIONS = 4429;
