import { ErrorCode } from "../errors/index.js";

/** Close code sent on graphql-ws when the connection has no valid API key (4401, like HTTP 401). */
export const WS_CLOSE_UNAUTHENTICATED = 4401;

/** Why a request was refused; the message also says how to get a key. */
export type UnauthenticatedReason = "missing" | "invalid";

export function unauthenticatedMessage(reason: UnauthenticatedReason): string {
  const what =
    reason === "missing"
      ? "No API key was sent. Send it as the header `Authorization: Bearer <key>` (over WebSocket: connectionParams.authorization)."
      : "The API key is not valid (unknown, malformed or revoked).";
  return `${what} \`npm start\` prints a key when it creates one; ask the gateway operator for a new key if yours was revoked.`;
}

/** The GraphQL-shaped body of an HTTP 401. */
export function unauthenticatedBody(reason: UnauthenticatedReason) {
  return { errors: [{ message: unauthenticatedMessage(reason), extensions: { code: ErrorCode.UNAUTHENTICATED } }] };
}

/** A WebSocket close reason must fit in 123 bytes, so it is the short form of the message. */
export function unauthenticatedCloseReason(reason: UnauthenticatedReason): string {
  return reason === "missing"
    ? "Unauthenticated: send connectionParams.authorization 'Bearer <key>'"
    : "Unauthenticated: the API key is not valid (unknown, malformed or revoked)";
}
