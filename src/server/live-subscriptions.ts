import { GraphQLError } from "graphql";
import type { WebSocket } from "ws";
import { stillReadable } from "../auth/read-scope.js";
import { unauthenticatedCloseReason, WS_CLOSE_UNAUTHENTICATED } from "../auth/unauthenticated.js";
import type { Principal } from "../context/gateway-context.js";
import { ErrorCode } from "../errors/index.js";
import type { GuardedStream } from "./guarded-stream.js";
import type { KeyWatch } from "./key-watch.js";
import type { WebSocketLimits } from "./websocket-limits.js";

/** One open subscription: the grants it started under, its context (for its read scope) and its stream once running. */
interface LiveSubscription {
  apiKeyId: string;
  grants: Principal["organizationIds"];
  context?: object;
  stream?: GuardedStream;
  /** Set when its grants were narrowed before its stream was attached. */
  forbidden?: GraphQLError;
}

interface LiveConnection {
  apiKeyId: string;
  socket: WebSocket;
  subscriptions: Map<string, LiveSubscription>;
  unwatch(): void;
}

/**
 * The graphql-ws connections and subscriptions open on this instance, by API key: enforces the
 * per-connection and per-key limits, and applies key changes at once (revoked: every subscription of
 * the key ends and its sockets close with 4401; grants narrowed: each subscription reading an
 * organization the key lost ends with FORBIDDEN, the others go on).
 */
export function createLiveSubscriptions(limits: WebSocketLimits, keyWatch: KeyWatch) {
  const connections = new WeakMap<object, LiveConnection>();
  const connectionsPerKey = new Map<string, number>();
  const subscriptionsPerKey = new Map<string, number>();
  const bump = (counts: Map<string, number>, key: string, by: number) => {
    const next = (counts.get(key) ?? 0) + by;
    if (next > 0) counts.set(key, next);
    else counts.delete(key);
  };

  const onKeyChange = (connection: LiveConnection, principal: Principal | null) => {
    if (!principal) {
      for (const subscription of connection.subscriptions.values()) subscription.stream?.end();
      connection.socket.close(WS_CLOSE_UNAUTHENTICATED, unauthenticatedCloseReason("invalid"));
      return;
    }
    for (const subscription of connection.subscriptions.values()) {
      if (stillReadable(subscription.context ?? {}, subscription.grants, principal.organizationIds)) continue;
      subscription.forbidden = narrowedGrants();
      subscription.stream?.end(subscription.forbidden);
    }
  };

  /** Stops counting a subscription (completed, failed or its socket closed); idempotent. */
  const release = (ctx: object, id: string) => {
    const connection = connections.get(ctx);
    const subscription = connection?.subscriptions.get(id);
    if (!connection || !subscription) return;
    connection.subscriptions.delete(id);
    bump(subscriptionsPerKey, subscription.apiKeyId, -1);
  };

  return {
    /** Registers an authenticated connection; a refusal reason when its key already holds too many. */
    /** Subscriptions open now on this instance, every key together. */
    openCount(): number {
      let total = 0;
      for (const count of subscriptionsPerKey.values()) total += count;
      return total;
    },
    connect(ctx: object, socket: WebSocket, principal: Principal): string | undefined {
      const open = connectionsPerKey.get(principal.apiKeyId) ?? 0;
      if (open >= limits.connectionsPerKey) return `Too many connections: this API key has ${open} open (limit ${limits.connectionsPerKey}); close some`;
      bump(connectionsPerKey, principal.apiKeyId, 1);
      const connection: LiveConnection = { apiKeyId: principal.apiKeyId, socket, subscriptions: new Map(), unwatch: () => undefined };
      connection.unwatch = keyWatch.watch(principal, (changed) => onKeyChange(connection, changed));
      connections.set(ctx, connection);
      return undefined;
    },
    /** Counts a new subscription against the limits; the LIMIT_EXCEEDED error naming the limit when it is over one. */
    reserve(ctx: object, id: string, principal: Principal): GraphQLError | undefined {
      const connection = connections.get(ctx);
      if (!connection) return undefined;
      if (connection.subscriptions.size >= limits.subscriptionsPerConnection) {
        return limitExceeded(`This connection already has ${connection.subscriptions.size} open subscriptions (limit ${limits.subscriptionsPerConnection} per connection). Complete one, or open another connection.`);
      }
      const ofKey = subscriptionsPerKey.get(principal.apiKeyId) ?? 0;
      if (ofKey >= limits.subscriptionsPerKey) {
        return limitExceeded(`This API key already has ${ofKey} open subscriptions on this gateway (limit ${limits.subscriptionsPerKey} per API key). Complete some first.`);
      }
      connection.subscriptions.set(id, { apiKeyId: principal.apiKeyId, grants: principal.organizationIds });
      bump(subscriptionsPerKey, principal.apiKeyId, 1);
      return undefined;
    },
    /** The context a reserved subscription runs with (its read scope is declared on it). */
    setContext(ctx: object, id: string, context: object) {
      const subscription = connections.get(ctx)?.subscriptions.get(id);
      if (subscription) subscription.context = context;
    },
    /** The running stream of a reserved subscription; ended at once if its grants were narrowed meanwhile. */
    attach(ctx: object, id: string, stream: GuardedStream) {
      const subscription = connections.get(ctx)?.subscriptions.get(id);
      if (!subscription) return;
      subscription.stream = stream;
      if (subscription.forbidden) stream.end(subscription.forbidden);
    },
    isReserved: (ctx: object, id: string) => connections.get(ctx)?.subscriptions.has(id) ?? false,
    release,
    disconnect(ctx: object) {
      const connection = connections.get(ctx);
      if (!connection) return;
      for (const id of [...connection.subscriptions.keys()]) release(ctx, id);
      connection.unwatch();
      bump(connectionsPerKey, connection.apiKeyId, -1);
      connections.delete(ctx);
    },
  };
}
export type LiveSubscriptions = ReturnType<typeof createLiveSubscriptions>;

function limitExceeded(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.LIMIT_EXCEEDED } });
}

function narrowedGrants(): GraphQLError {
  return new GraphQLError(
    "This API key may no longer see an organization this subscription reads (its grants changed), so the subscription ended. Subscribe again for the organizations the key may still see.",
    { extensions: { code: ErrorCode.FORBIDDEN } },
  );
}
