import type { Server as HttpServer } from "node:http";
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema, type ValidationRule } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { authenticate } from "../auth/authenticate.js";
import type { ApiKeyService } from "../auth/api-key-service.js";
import { unauthenticatedCloseReason, WS_CLOSE_UNAUTHENTICATED, type UnauthenticatedReason } from "../auth/unauthenticated.js";
import { ErrorCode } from "../errors/index.js";
import type { Logger } from "../infra/logger.js";
import { enforceComplexityLimit } from "./complexity-limit.js";
import type { GatewayErrorFormatter } from "./format-error.js";
import type { ContextFactory } from "./gateway-server-options.js";
import { newRequestId } from "./request-id.js";

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
}

/**
 * Serves graphql-ws on the HTTP server. Apollo's plugins, rules and context never see these
 * operations, so each one is authenticated (the key in `connectionParams.authorization` is checked
 * on connect and again per operation, so revoking a key takes effect at once), validated with the
 * shared rules, held to the complexity limit and given its own request id and context here.
 */
export function startGraphqlWsServer(options: GraphqlWsServerOptions): { dispose(): void | Promise<void> } {
  const { httpServer, path = "/graphql", schema, apiKeys, createContext, validationRules, maxComplexity, formatError, logger } = options;
  const wsServer = new WebSocketServer({ server: httpServer, path });
  const requestIds = new WeakMap<object, Map<string, string>>();
  const idsOf = (ctx: object) => requestIds.get(ctx) ?? requestIds.set(ctx, new Map()).get(ctx)!;
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

  return useServer<Record<string, unknown> | undefined>(
    {
      schema,
      async onConnect(ctx) {
        try {
          const auth = await authenticate(apiKeys, authorizationOf(ctx.connectionParams));
          if (auth.ok) return true;
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
          enforceComplexityLimit({ schema, document: checked.document, operationName, variables, maxComplexity });
          const contextValue = await createContext(auth.principal, requestId);
          return { schema, document: checked.document, operationName, variableValues: variables, contextValue };
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError("Could not start the operation", { originalError: error as Error })];
        }
      },
      onNext(ctx, id, _payload, _args, result) {
        if (!result.errors) return undefined;
        return { ...result, errors: format(ctx, id, result.errors) };
      },
      onError(ctx, id, _payload, errors) {
        const formatted = format(ctx, id, errors);
        idsOf(ctx).delete(id);
        return formatted;
      },
      onComplete(ctx, id) {
        idsOf(ctx).delete(id);
      },
      onClose(_ctx, code, reason) {
        logger.debug("graphql-ws connection closed", { code, reason });
      },
      // Never put internal error messages into close reasons.
      isProd: true,
    },
    wsServer,
  );
}

function authorizationOf(params: Record<string, unknown> | undefined): unknown {
  return params?.authorization ?? params?.Authorization;
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}
