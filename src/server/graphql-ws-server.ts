import type { Server as HttpServer } from "node:http";
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, type ValidationRule } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { authenticate } from "../auth/authenticate.js";
import { enforceScopes } from "../auth/scope-check.js";
import type { ApiKeyService } from "../auth/api-key-service.js";
import { unauthenticatedCloseReason, WS_CLOSE_UNAUTHENTICATED, type UnauthenticatedReason } from "../auth/unauthenticated.js";
import { ErrorCode } from "../errors/index.js";
import type { Logger } from "../infra/logger.js";
import { enforceComplexityLimit } from "./complexity-limit.js";
import { organizationCountFor } from "./organization-count.js";
import type { GatewayErrorFormatter } from "./format-error.js";
import type { ContextFactory } from "./gateway-server-options.js";
import { newRequestId } from "./request-id.js";
import { createOperationSignals } from "./client-signal.js";
import { guardStream } from "./guarded-stream.js";
import { createKeyWatch } from "./key-watch.js";
import { createLiveSubscriptions } from "./live-subscriptions.js";
import { logOversizeFrames } from "./oversize-frames.js";
import { drained } from "./socket-drain.js";
import { resolveWebSocketLimits, WS_CLOSE_TOO_MANY_CONNECTIONS, type WebSocketLimits } from "./websocket-limits.js";

export interface GraphqlWsServerOptions {
  httpServer: HttpServer;
  /** Same path as the HTTP endpoint. @default "/graphql" */
  path?: string;
  schema: GraphQLSchema;
  apiKeys: ApiKeyService;
  createContext: ContextFactory;
  /** Extra validation rules, the same ones Apollo applies on HTTP. */
  validationRules: ValidationRule[];
  maxComplexity: number;
  formatError: GatewayErrorFormatter;
  logger: Logger;
  /** Largest message accepted, in bytes; a bigger frame closes the socket with 1009 before it is buffered. */
  maxPayload: number;
  /** Subscription, connection and back-pressure limits; unset ones keep their defaults. */
  limits?: Partial<WebSocketLimits>;
  /** Told how each operation ended (metrics): a query or mutation once answered, a subscription once started, any operation refused before it ran. */
  onOperationDone?: (operationName: string | null | undefined, type: string, code: string) => void;
}

/**
 * Serves graphql-ws on the HTTP server. Apollo's plugins, rules and context never see these
 * operations, so each one is authenticated (the key in `connectionParams.authorization` is checked
 * on connect and again per operation, so revoking a key takes effect at once), validated with the
 * shared rules, held to the complexity limit and given its own request id and context here.
 *
 * Bounds: messages over `maxPayload` close the socket (1009) unread, a connection must send
 * `connection_init` within `initTimeoutMs` (4408), and subscriptions are counted per connection and
 * per key (LIMIT_EXCEEDED on the one over). A revoked key's sockets close with 4401 and narrower grants
 * end the subscriptions reading a lost organization with FORBIDDEN, at once on this instance and within
 * `keyRecheckMs` when another instance made the change. Each subscription waits for its socket to drain
 * below `sendHighWaterMark` before taking its next event.
 */
export function startGraphqlWsServer(options: GraphqlWsServerOptions): { close(options?: GraphqlWsCloseOptions): Promise<void>; openSubscriptions(): number } {
  const { httpServer, path = "/graphql", schema, apiKeys, createContext, validationRules, maxComplexity, formatError, logger, maxPayload } = options;
  const limits: WebSocketLimits = resolveWebSocketLimits(options.limits);
  const wsServer = new WebSocketServer({ server: httpServer, path, maxPayload });
  const keyWatch = createKeyWatch({ apiKeys, intervalMs: limits.keyRecheckMs, logger });
  const live = createLiveSubscriptions(limits, keyWatch);
  wsServer.on("connection", (socket) => logOversizeFrames(socket, logger));
  const requestIds = new WeakMap<object, Map<string, string>>();
  const idsOf = (ctx: object) => requestIds.get(ctx) ?? requestIds.set(ctx, new Map()).get(ctx)!;
  const operationSignals = createOperationSignals();
  const done = options.onOperationDone;
  /** Operations checked and not yet counted: a query or mutation when its result is sent, a subscription when it starts, any when refused. */
  const answering = new WeakMap<object, Map<string, { name: string | null | undefined; type: string }>>();
  const answeringOf = (ctx: object) => answering.get(ctx) ?? answering.set(ctx, new Map()).get(ctx)!;
  const codeOf = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => (errors && errors.length > 0 ? String(errors[0]!.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR) : "OK");
  const format = (ctx: object, id: string, errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e, idsOf(ctx).get(id)));
  /** Parses and validates with the shared rules; errors carry the codes Apollo gives on HTTP. */
  const checkOperation = (query: string): { ok: true; document: DocumentNode } | { ok: false; errors: GraphQLError[] } => {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      const syntax = error instanceof GraphQLError ? error : new GraphQLError(String(error));
      return { ok: false, errors: [withCode(syntax, "GRAPHQL_PARSE_FAILED")] };
    }
    const problems = validate(schema, document, [...specifiedRules, ...validationRules]);
    return problems.length === 0 ? { ok: true, document } : { ok: false, errors: problems.map((e) => withCode(e, "GRAPHQL_VALIDATION_FAILED")) };
  };
  const refuse = (socket: { close(code: number, reason: string): void }, reason: UnauthenticatedReason) =>
    socket.close(WS_CLOSE_UNAUTHENTICATED, unauthenticatedCloseReason(reason));

  const server = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      connectionInitWaitTimeout: limits.initTimeoutMs,
      async onConnect(ctx) {
        try {
          const auth = await authenticate(apiKeys, authorizationOf(ctx.connectionParams));
          if (auth.ok) {
            const refused = live.connect(ctx, ctx.extra.socket, auth.principal);
            if (refused === undefined) return true;
            ctx.extra.socket.close(WS_CLOSE_TOO_MANY_CONNECTIONS, refused);
            return false;
          }
          refuse(ctx.extra.socket, auth.reason);
        } catch (error) {
          logger.error("could not check the API key of a graphql-ws connection", { error: String(error) });
          ctx.extra.socket.close(1011, "Internal server error");
        }
        return false;
      },
      async onSubscribe(ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> {
        const requestId = newRequestId();
        idsOf(ctx).set(id, requestId);
        try {
          const auth = await authenticate(apiKeys, authorizationOf(ctx.connectionParams));
          if (!auth.ok) {
            refuse(ctx.extra.socket, auth.reason);
            return [new GraphQLError(unauthenticatedCloseReason(auth.reason), { extensions: { code: ErrorCode.UNAUTHENTICATED } })];
          }
          const checked = checkOperation(payload.query);
          if (!checked.ok) return checked.errors;
          const { operationName, variables } = payload;
          if (done) {
            const operation = getOperationAST(checked.document, operationName);
            answeringOf(ctx).set(id, { name: operation?.name?.value, type: operation?.operation ?? "unknown" });
          }
          enforceScopes(auth.principal, { schema, document: checked.document, operationName });
          // One context per operation: it prices `organizations` (the key's organizations) and then runs it.
          const contextValue = await createContext(auth.principal, requestId, operationSignals.open(ctx, id));
          const organizationCount = await organizationCountFor(checked.document, async () => contextValue.organizations);
          enforceComplexityLimit({ schema, document: checked.document, operationName, variables, maxComplexity, organizationCount });
          if (getOperationAST(checked.document, operationName)?.operation === "subscription") {
            const overLimit = live.reserve(ctx, id, auth.principal);
            if (overLimit) {
              operationSignals.close(ctx, id);
              return [overLimit];
            }
          }
          live.setContext(ctx, id, contextValue);
          return { schema, document: checked.document, operationName, variableValues: variables, contextValue };
        } catch (error) {
          operationSignals.close(ctx, id);
          live.release(ctx, id);
          return [error instanceof GraphQLError ? error : new GraphQLError("Could not start the operation", { originalError: error as Error })];
        }
      },
      onOperation(ctx, id, _payload, _args, result) {
        const started = answering.get(ctx)?.get(id);
        if (started && isAsyncIterable(result)) {
          answering.get(ctx)!.delete(id);
          done?.(started.name, started.type, "OK");
        }
        if (!live.isReserved(ctx, id) || !isAsyncIterable(result)) return undefined;
        const socket = ctx.extra.socket;
        const stream = guardStream(result[Symbol.asyncIterator](), () => drained(socket, limits.sendHighWaterMark));
        live.attach(ctx, id, stream);
        return stream;
      },
      onNext(ctx, id, _payload, _args, result) {
        const formatted = result.errors ? format(ctx, id, result.errors) : undefined;
        const answered = answering.get(ctx)?.get(id);
        if (answered) {
          answering.get(ctx)!.delete(id);
          done?.(answered.name, answered.type, codeOf(formatted));
        }
        return formatted ? { ...result, errors: formatted } : undefined;
      },
      onError(ctx, id, payload, errors) {
        const formatted = format(ctx, id, errors);
        const started = answering.get(ctx)?.get(id);
        answering.get(ctx)?.delete(id);
        done?.(started ? started.name : payload.operationName, started?.type ?? "unknown", codeOf(formatted));
        idsOf(ctx).delete(id);
        live.release(ctx, id);
        return formatted;
      },
      onComplete(ctx, id) {
        answering.get(ctx)?.delete(id);
        idsOf(ctx).delete(id);
        operationSignals.close(ctx, id);
        live.release(ctx, id);
      },
      onClose(ctx, code, reason) {
        live.disconnect(ctx);
        logger.debug("graphql-ws connection closed", { code, reason });
      },
      // Never put internal error messages into close reasons.
      isProd: true,
    },
    wsServer,
  );
  return {
    openSubscriptions: () => live.openCount(),
    async close({ code = 1001, reason = "Going away", deadlineMs = 5000 } = {}) {
      keyWatch.close();
      const sockets = [...wsServer.clients];
      const closed = Promise.all(sockets.map((socket) => socket.readyState === socket.CLOSED ? undefined : new Promise((resolve) => socket.once("close", resolve))));
      for (const socket of sockets) socket.close(code, reason);
      // A client that never answers the close handshake is cut at the deadline.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, deadlineMs)))]);
      clearTimeout(timer);
      for (const socket of wsServer.clients) socket.terminate();
      await server.dispose();
    },
  };
}

export interface GraphqlWsCloseOptions {
  /** Close code sent to every client. @default 1001 (going away) */
  code?: number;
  /** Close reason (at most 123 bytes). @default "Going away" */
  reason?: string;
  /** How long clients get to complete the close handshake before their sockets are cut. @default 5000 */
  deadlineMs?: number;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === "function";
}

function authorizationOf(params: Record<string, unknown> | undefined): unknown {
  return params?.authorization ?? params?.Authorization;
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}
