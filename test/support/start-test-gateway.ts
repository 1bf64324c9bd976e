import { createClient, type Client, type FormattedExecutionResult } from "graphql-ws";
import WebSocket from "ws";
import { createApiKeyService } from "../../src/auth/index.js";
import type { GatewayContext, OrganizationAccess, Principal } from "../../src/context/gateway-context.js";
import { notFound } from "../../src/errors/index.js";
import { createLoaders } from "../../src/loaders/loaders.js";
import { createIdempotency } from "../../src/actions/idempotency.js";
import { startGatewayServer, type GatewayServerOptions } from "../../src/server/index.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import { recordingLogger } from "./recording-logger.js";
import { createTestSchema } from "./test-schema.js";

const noOrganizations: OrganizationAccess = {
  list: async () => [],
  get: async (id) => {
    throw notFound("Organization", id);
  },
  adapter: async (id) => {
    throw notFound("Organization", id);
  },
};

/**
 * A real gateway on 127.0.0.1 and a free port, over the test schema and an in-memory store, with
 * one API key (granted `org-1`) and the production default limits unless overridden. Every
 * context it builds is kept in `contexts`.
 */
export async function startTestGateway(overrides: Partial<GatewayServerOptions> = {}) {
  const store = memoryStore();
  const apiKeys = createApiKeyService(store);
  const { id: keyId, key } = await apiKeys.create({ name: "test key", organizationIds: ["org-1"] });
  const logger = recordingLogger();
  const contexts: GatewayContext[] = [];
  const createContext = (principal: Principal, requestId: string): GatewayContext => {
    const context = { requestId, principal, organizations: noOrganizations, loaders: createLoaders(noOrganizations.adapter), logger, connectFlows: {}, idempotency: createIdempotency(memoryStore()) };
    contexts.push(context);
    return context;
  };
  const server = await startGatewayServer({
    schema: createTestSchema(), port: 0, host: "127.0.0.1", apiKeys, createContext, logger,
    ...overrides,
  });

  /** POSTs an operation with the test key (or the given Authorization value; null sends none). */
  async function post(body: Record<string, unknown>, authorization: string | null = `Bearer ${key}`) {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };
    if (authorization !== null) headers.authorization = authorization;
    const response = await fetch(server.url, { method: "POST", headers, body: JSON.stringify(body) });
    return { response, status: response.status, body: (await response.json()) as FormattedExecutionResult & Record<string, unknown> };
  }

  /** A graphql-ws client that connects with the given Authorization value (null sends none). */
  function wsClient(authorization: string | null = `Bearer ${key}`): Client {
    return createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: authorization === null ? {} : { authorization },
    });
  }

  return { ...server, store, apiKeys, key, keyId, logger, contexts, post, wsClient };
}

export type TestGateway = Awaited<ReturnType<typeof startTestGateway>>;

export interface WsOutcome {
  results: FormattedExecutionResult<Record<string, unknown>, unknown>[];
  /** What the client's sink received as error: GraphQL errors, or the close event. */
  error?: unknown;
}

/** Runs one operation over graphql-ws and collects everything until it completes or fails. */
export function runOverWs(client: Client, payload: { query: string; variables?: Record<string, unknown> }): Promise<WsOutcome> {
  const results: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
  return new Promise((resolve) => {
    client.subscribe(payload, {
      next: (result) => results.push(result),
      error: (error) => resolve({ results, error }),
      complete: () => resolve({ results }),
    });
  });
}
