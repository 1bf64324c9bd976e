import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GatewayContext } from "../context/gateway-context.js";
import { createLogger, type Logger } from "../infra/logger.js";
import { createComplexityPlugin } from "./complexity-plugin.js";
import { createErrorFormatter } from "./format-error.js";
import type { GatewayServer, GatewayServerOptions } from "./gateway-server-options.js";
import { startGraphqlWsServer } from "./graphql-ws-server.js";
import { byteSize } from "./byte-size.js";
import { healthCheck } from "./health-check.js";
import { jsonErrorHandler, notFoundHandler } from "./http-fallbacks.js";
import { landingPage } from "./landing-page/landing-page.js";
import { assignRequestId, currentRequestId, withRequestScope } from "./request-id.js";
import { httpClientSignal } from "./client-signal.js";
import { requireApiKey } from "./require-api-key.js";
import { createValidationRules } from "./validation-rules.js";

const PATH = "/graphql";

/**
 * Starts the gateway's HTTP server: Apollo Server (queries and mutations over HTTP) and graphql-ws
 * (subscriptions and any operation over WebSocket) on one `http.Server` and one path, `/graphql`.
 * Both paths share the API-key check, the depth and complexity limits and the error masking.
 * Also serves `GET /healthz` (no key) and, for browsers, an explorer page at `/` and `/graphql`.
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const {
    schema, apiKeys, createContext,
    port = 4000, host = "127.0.0.1", maxDepth = 10, maxComplexity = 1000,
    logger = createLogger("info"), landingPage: withLandingPage = true, bodyLimit = "1mb", routes = [],
  } = options;
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const validationRules = createValidationRules({ maxDepth });
  const formatError = createErrorFormatter({ logger });
  const ws = startGraphqlWsServer({ httpServer, path: PATH, schema, apiKeys, createContext, validationRules, maxComplexity, formatError, logger, maxPayload: byteSize(bodyLimit), limits: options.webSocket });

  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: true,
    csrfPrevention: true,
    // No automatic persisted queries: a forged hash made Apollo answer INTERNAL_SERVER_ERROR and log a stack.
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    validationRules,
    formatError: (formatted, error) => formatError(formatted, error, currentRequestId()),
    logger: apolloLogger(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => ws.dispose() }) },
      createComplexityPlugin({ maxComplexity }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints in the schema: without the plugin Apollo stops wrapping every field's resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  app.use(assignRequestId());
  app.get("/healthz", healthCheck());
  for (const router of routes) app.use(router);
  if (withLandingPage) app.get(["/", PATH], landingPage({ endpoint: PATH }));
  app.use(
    PATH,
    requireApiKey(apiKeys),
    express.json({ limit: bodyLimit }),
    withRequestScope(expressMiddleware(apollo, { context: async ({ req, res }) => createContext(res.locals.principal, String(res.locals.requestId), httpClientSignal(req, res)) })),
  );
  app.use(notFoundHandler());
  app.use(jsonErrorHandler(logger));

  try {
    await listen(httpServer, port, host);
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const origin = originOf(httpServer.address() as AddressInfo, host);
  logger.info("gateway listening", { url: `http://${origin}${PATH}` });
  return {
    url: `http://${origin}${PATH}`,
    wsUrl: `ws://${origin}${PATH}`,
    httpServer,
    // The drain plugins close WebSocket clients, wait for in-flight requests and close the server.
    stop: () => apollo.stop(),
  };
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${port} on ${host} is already in use. Set PORT to a free port (0 picks one).`, { cause: error }) : error);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function originOf(address: AddressInfo, host: string): string {
  const reachable = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return `${reachable.includes(":") ? `[${reachable}]` : reachable}:${address.port}`;
}

function apolloLogger(logger: Logger) {
  const text = (parts: unknown[]) => parts.map(String).join(" ");
  return {
    debug: (...parts: unknown[]) => logger.debug(text(parts), { component: "apollo" }),
    info: (...parts: unknown[]) => logger.info(text(parts), { component: "apollo" }),
    warn: (...parts: unknown[]) => logger.warn(text(parts), { component: "apollo" }),
    error: (...parts: unknown[]) => logger.error(text(parts), { component: "apollo" }),
  };
}
