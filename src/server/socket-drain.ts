import type { WebSocket } from "ws";

const POLL_MS = 10;
const waiting = new WeakMap<WebSocket, { waiters: Array<() => void>; timer: NodeJS.Timeout }>();

/**
 * Undefined when `socket` has at most `highWaterMark` bytes not yet sent (or is no longer open);
 * otherwise a promise that resolves once it has. One poll per socket serves every waiter on it.
 */
export function drained(socket: WebSocket, highWaterMark: number): Promise<void> | undefined {
  const ready = () => socket.readyState !== socket.OPEN || socket.bufferedAmount <= highWaterMark;
  if (ready()) return undefined;
  return new Promise((resolve) => {
    const current = waiting.get(socket);
    if (current) return void current.waiters.push(resolve);
    const entry = {
      waiters: [resolve],
      timer: setInterval(() => {
        if (!ready()) return;
        clearInterval(entry.timer);
        waiting.delete(socket);
        for (const wake of entry.waiters) wake();
      }, POLL_MS),
    };
    entry.timer.unref();
    waiting.set(socket, entry);
  });
}
