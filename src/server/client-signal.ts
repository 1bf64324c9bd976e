import type { Request, Response } from "express";
import { createCallerAbort } from "../upstream/index.js";

/**
 * A signal that aborts when one HTTP exchange is over: the client closed the connection, or the
 * response went out (upstream work still running for it would be wasted). Handed to `createContext`.
 */
export function httpClientSignal(req: Request, res: Response): AbortSignal {
  const controller = createCallerAbort();
  const end = () => controller.abort(new Error("the HTTP client is gone"));
  // Not `req.destroyed`: a request whose body was read is destroyed while its client still waits.
  if (res.writableEnded || res.destroyed || req.socket.destroyed) end();
  else res.once("close", end);
  return controller.signal;
}

/**
 * One signal per graphql-ws operation, aborted when the client completes it (a `complete` message,
 * even while a query is still running, which graphql-ws reports to no hook), when it ends, or when its socket closes.
 */
export function createOperationSignals() {
  const byConnection = new WeakMap<object, Map<string, AbortController>>();

  /** Watches the raw socket once per connection for `complete` messages and its close. */
  function operationsOf(ctx: object, socket: { on(event: "message" | "close", listener: (data?: unknown) => void): unknown }) {
    let operations = byConnection.get(ctx);
    if (!operations) {
      const open = new Map<string, AbortController>();
      operations = open;
      byConnection.set(ctx, open);
      socket.on("message", (data) => {
        const id = completedId(data);
        if (id !== undefined) end(open, id);
      });
      socket.on("close", () => {
        for (const id of [...open.keys()]) end(open, id);
      });
    }
    return operations;
  }

  function end(operations: Map<string, AbortController>, id: string) {
    operations.get(id)?.abort(new Error("the graphql-ws operation is over"));
    operations.delete(id);
  }

  return {
    /** The signal of operation `id` on the connection `ctx` (whose socket is `ctx.extra.socket`). */
    open(ctx: { extra: { socket: Parameters<typeof operationsOf>[1] } }, id: string): AbortSignal {
      const operations = operationsOf(ctx, ctx.extra.socket);
      end(operations, id);
      const controller = createCallerAbort();
      operations.set(id, controller);
      return controller.signal;
    },
    /** The operation ended (completed, failed or was completed by the client). */
    close(ctx: object, id: string) {
      const operations = byConnection.get(ctx);
      if (operations) end(operations, id);
    },
  };
}

/** The id of a graphql-ws `complete` message, else undefined. */
function completedId(data: unknown): string | undefined {
  try {
    const message = JSON.parse(String(data)) as { type?: unknown; id?: unknown };
    return message.type === "complete" && typeof message.id === "string" ? message.id : undefined;
  } catch {
    return undefined;
  }
}
