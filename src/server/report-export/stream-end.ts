import type { Writable } from "node:stream";

/** The error a write gives up with when the client closed the connection first (`clientWentAway` recognises it). */
function goneError(): Error {
  const error = new Error("the HTTP client went away while the export was being written");
  error.name = "AbortError";
  return error;
}

/** Resolves on `event` of `out` (e.g. "drain", "finish"); rejects when `out` errors or closes first. */
export function settled(out: Writable, event: "drain" | "finish"): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.off(event, onEvent);
      out.off("close", onClose);
      out.off("error", onError);
    };
    const onEvent = () => (cleanup(), resolve());
    const onClose = () => (cleanup(), out.writableFinished ? resolve() : reject(goneError()));
    const onError = (error: Error) => (cleanup(), reject(error));
    out.once(event, onEvent);
    out.once("close", onClose);
    out.once("error", onError);
  });
}
