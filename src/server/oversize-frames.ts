import type { WebSocket } from "ws";
import type { Logger } from "../infra/logger.js";

/**
 * A frame over `maxPayload` makes `ws` close the socket with 1009 at once, from the frame header,
 * without buffering it, and then emit an `error` that graphql-ws would print with console.error.
 * That one error is logged here instead (with the injected logger) and not passed on; others are.
 */
export function logOversizeFrames(socket: WebSocket, logger: Logger): void {
  const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    const error = args[0] as { code?: string } | undefined;
    if (event === "error" && error?.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") {
      logger.warn("graphql-ws message over the size limit; socket closed with 1009", { error: String(error) });
      return true;
    }
    return emit(event, ...args);
  }) as WebSocket["emit"];
}
