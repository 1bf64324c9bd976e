import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
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
import { trackHttpConnections } from "./http-drain.js";
import { createReadiness } from "./readiness.js";
import { jsonErrorHandler, notFoundHandler } from "./http-fallbacks.js";
import { landingPage } from "./landing-page/landing-page.js";
import { assignRequestId, currentRequestId, withRequestScope } from "./request-id.js";
import { httpClientSignal } from "./client-signal.js";
import { requireApiKey } from "./require-api-key.js";
import { createValidationRules } from "./validation-rules.js";
import { createScopePlugin } from "../auth/scope-check.js";
import { reportExportRouter } from "./report-export/index.js";

const PATH = "/graphql";
/** graphql-ws clients are told the service restarts (1012), so they reconnect, to another instance, and resume from their cursor. */
export const WS_CLOSE_SERVICE_RESTART = 1012;
const RESTART_REASON = "Service restart: reconnect and resume from your last event cursor";

/**
 * Starts the gateway's HTTP server: Apollo Server (queries and mutations over HTTP) and graphql-ws
 * (subscriptions and any operation over WebSocket) on one `http.Server` and one path, `/graphql`.
 * Both paths share the API-key check, the depth and complexity limits and the error masking.
 * Also serves `GET /healthz`, `GET /readyz` and, when `metrics` is given, `GET /metrics` (no key) and, for browsers, an explorer page at `/` and `/graphql`.
 *
 * `stop()` runs once, in order: `/readyz` answers 503 draining (for `stopDelayMs` the server still takes new
 * work, so load balancers see it first), new connections are refused, running HTTP requests finish (at
 * most `drainMs`), then graphql-ws clients are closed with 1012 (service restart).
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const {
    schema, apiKeys, createContext,
    port = 4000, host = "127.0.0.1", maxDepth = 10, maxComplexity = 1000,
    logger = createLogger("info"), landingPage: withLandingPage = true, bodyLimit = "1mb", routes = [],
    drainMs = 10_000, stopDelayMs = 0, metrics,
  } = options;
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const connections = trackHttpConnections(httpServer);
  const readiness = createReadiness(options.readiness ?? { checks: {} });
  const validationRules = createValidationRules({ maxDepth });
  const formatError = createErrorFormatter({ logger });
  const ws = startGraphqlWsServer({ httpServer, path: PATH, schema, apiKeys, createContext, validationRules, maxComplexity, formatError, logger, maxPayload: byteSize(bodyLimit), limits: options.webSocket, ...(metrics ? { onOperationDone: metrics.wsOperation } : {}) });

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
    // The process's owner (src/main.ts) handles SIGTERM and SIGINT and stops everything in order, this server first.
    stopOnTerminationSignals: false,
    plugins: [
      // The key's scopes (403 FORBIDDEN naming the missing one); Apollo runs it beside the price, and it refuses first (it never waits).
      createScopePlugin(),
      createComplexityPlugin({ maxComplexity }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints in the schema: without the plugin Apollo stops wrapping every field's resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      ...(metrics ? [metrics.apolloPlugin<GatewayContext>()] : []),
    ],
  });
  await apollo.start();

  app.use(assignRequestId());
  app.get("/healthz", healthCheck());
  app.get("/readyz", readiness.handler());
  if (metrics) {
    metrics.watch({ subscriptions: () => ws.openSubscriptions() });
    app.get("/metrics", metrics.handler());
  }
  for (const router of routes) app.use(router);
  if (withLandingPage) app.get(["/", PATH], landingPage({ endpoint: PATH }));
  app.use(reportExportRouter({ apollo, apiKeys, createContext, logger }));
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
    await ws.close();
    await apollo.stop();
    throw error;
  }
  const origin = originOf(httpServer.address() as AddressInfo, host);
  let stopping: Promise<void> | undefined;
  logger.info("gateway listening", { url: `http://${origin}${PATH}` });
  return {
    url: `http://${origin}${PATH}`,
    wsUrl: `ws://${origin}${PATH}`,
    httpServer,
    readiness,
    stop() {
      stopping ??= (async () => {
        readiness.drain();
        if (stopDelayMs > 0) {
          logger.info("stopping: /readyz answers 503 while the server still takes requests", { stopDelayMs });
          await sleep(stopDelayMs);
        }
        logger.info("stopping: refusing new connections, letting running requests finish", { inFlight: connections.inFlight(), drainMs });
        const { cut } = await connections.drain(drainMs);
        if (cut > 0) logger.warn("stopping: requests still running at the drain deadline were cut (LEDGERLINE_DRAIN_SECONDS)", { cut, drainMs });
        await ws.close({ code: WS_CLOSE_SERVICE_RESTART, reason: RESTART_REASON });
        await apollo.stop();
      })();
      return stopping;
    },
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
