import type { Server as HttpServer } from "node:http";
import type { GraphQLSchema } from "graphql";
import type { Router } from "express";
import type { ApiKeyService } from "../auth/api-key-service.js";
import type { GatewayContext, Principal } from "../context/gateway-context.js";
import type { Logger } from "../infra/logger.js";
import type { WebSocketLimits } from "./websocket-limits.js";
import type { GatewayMetrics } from "./metrics/gateway-metrics.js";
import type { Readiness, ReadinessOptions } from "./readiness.js";

/**
 * Builds the context of one HTTP request or one graphql-ws operation. It receives the principal of
 * the verified API key (with its organization grants), the request id, which is also in the
 * `X-Request-Id` response header and in every masked error, and a signal that aborts when the client
 * is gone (the HTTP exchange closed, or the operation completed or its socket closed): upstream work
 * for it is then abandoned. Throwing a GatewayError refuses the request with that error; any other
 * throw is masked to INTERNAL_SERVER_ERROR.
 */
export type ContextFactory = (principal: Principal, requestId: string, signal?: AbortSignal) => GatewayContext | Promise<GatewayContext>;

export interface GatewayServerOptions {
  /** The ready schema (type-graphql `buildSchema` or graphql-js). */
  schema: GraphQLSchema;
  /** Port to listen on; 0 picks a free one (read it back from `url`). @default 4000 */
  port?: number;
  /** Interface to listen on. @default "127.0.0.1" */
  host?: string;
  /** Verifies `Authorization: Bearer <key>` on HTTP and `connectionParams.authorization` on graphql-ws. */
  apiKeys: ApiKeyService;
  createContext: ContextFactory;
  /** Deepest selection allowed in one operation, on both paths. @default 10 */
  maxDepth?: number;
  /** Highest estimated cost allowed for one operation, on both paths. @default 1000 */
  maxComplexity?: number;
  /** @default createLogger("info") */
  logger?: Logger;
  /** Serve the built-in explorer page at `GET /` and `GET /graphql` (for browsers asking for HTML). @default true */
  landingPage?: boolean;
  /**
   * Largest JSON request body accepted, and largest WebSocket message (graphql-ws `maxPayload`): a
   * bigger frame closes the socket with 1009 before it is buffered or parsed. @default "1mb"
   */
  bodyLimit?: string;
  /** graphql-ws limits (subscriptions per connection and per key, connections per key, init timeout, key re-check, send buffer); unset ones keep their defaults. */
  webSocket?: Partial<WebSocketLimits>;
  /** Prometheus metrics: served at `GET /metrics` (no key) and fed by an Apollo plugin; absent: no `/metrics`. */
  metrics?: GatewayMetrics;
  /** Extra routes outside `/graphql` (e.g. OAuth callbacks); they do their own authorization. */
  routes?: Router[];
  /** What `GET /readyz` asks (the stores behind the gateway) and how long each may take. @default no checks */
  readiness?: ReadinessOptions;
  /** How long running HTTP requests get to finish when the server stops; what is left is cut. @default 10000 */
  drainMs?: number;
  /** How long the server keeps taking requests after a stop began, with `/readyz` at 503, so load balancers move away first. @default 0 */
  stopDelayMs?: number;
}

export interface GatewayServer {
  /** HTTP endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** graphql-ws endpoint on the same server and path, e.g. `ws://127.0.0.1:4000/graphql`. */
  wsUrl: string;
  httpServer: HttpServer;
  /** What `GET /readyz` answers; draining once `stop` began. */
  readiness: Readiness;
  /**
   * Stops once (later calls share the first): readiness false, new connections refused, running HTTP
   * requests drained (bounded), then WebSocket clients closed with 1012 (service restart).
   */
  stop(): Promise<void>;
}
