import "reflect-metadata";
import express from "express";
import type { GatewayConfig } from "../config/index.js";
import { resolveSecretKey } from "../config/index.js";
import { createKeyValueStore } from "../store/create-store.js";
import { memoryStore, type KeyValueStore } from "../store/key-value-store.js";
import { createSecretBox, type SecretBox } from "../secrets/secret-box.js";
import { createLogger, type Logger } from "../infra/logger.js";
import { systemClock, type Clock } from "../infra/clock.js";
import { createOrganizationRepository, type OrganizationRepository } from "../organizations/organization-repository.js";
import { createAdapterPool, type AdapterPool } from "../organizations/adapter-pool.js";
import { upstreamPolicyOf } from "../upstream/upstream-policy.js";
import { redisBudgets } from "../upstream/redis-budget-ledger.js";
import { createOrganizationAccess } from "../organizations/organization-access.js";
import { createLoaders } from "../loaders/loaders.js";
import { withWriteThrough } from "../mirror/read/write-through.js";
import { createApiKeyService, type ApiKeyService } from "../auth/index.js";
import { startGatewayServer, type GatewayServerOptions } from "../server/index.js";
import type { ReadinessCheck } from "../server/readiness.js";
import type { StoreLocation } from "../store/store-url.js";
import { buildGatewaySchema } from "../../schema/build-schema.js";
import { connectors, embeddedSandboxes } from "../../connectors/index.js";
import type { GatewayContext, Principal } from "../context/gateway-context.js";
import type { RunningSandbox, SandboxLimits } from "../connector/embedded.js";
import { ensureLocalApiKey } from "./local-api-key.js";
import { createGatewayMetrics } from "../server/metrics/gateway-metrics.js";
import { createOrganizationAdmin } from "../organizations/organization-admin.js";
import { xeroConnect } from "./xero-connect.js";
import { createIdempotency } from "../actions/idempotency.js";
import { startTriggers, type TriggerRuntime, type TriggerRuntimeOptions } from "../triggers/index.js";
import { startWebhooks, type WebhookRuntime } from "../webhooks/start-webhooks.js";
import { connectSandboxWebhooks, sandboxWebhookKey, sandboxWebhookUrl, type SandboxWebhooks } from "./sandbox-webhooks.js";

/** A key nothing stores: reading it is a round trip and nothing more. */
const READINESS_PROBE_KEY = "__ledgerline_readiness__";

export interface LedgerlineOptions {
  config: GatewayConfig;
  logger?: Logger;
  clock?: Clock;
  /** Rate limits of the embedded sandboxes; "relaxed" is for benchmarks. @default "provider" */
  sandboxLimits?: SandboxLimits;
  /**
   * Point the sandboxes' webhooks (Xero's) at the gateway's ingress when triggers are on. Tests turn it
   * off so that only the pollers they run find changes. @default true
   */
  sandboxWebhooks?: boolean;
  /**
   * How pollers run ("manual": only when asked, for tests), per-organization schedules, and how many
   * subscriptions may read stored events at once while replaying. @default { mode: "timers" }
   */
  triggers?: Pick<TriggerRuntimeOptions, "mode" | "overrides" | "replayConcurrency">;
  /** graphql-ws limits (subscriptions per connection and per key, connections per key…); unset ones keep their defaults. */
  webSocket?: GatewayServerOptions["webSocket"];
}

export interface RunningLedgerline {
  url: string;
  wsUrl: string;
  /** The API key for local use, created once on the embedded default (absent when sandboxes are off). */
  localApiKey?: string;
  sandboxes: RunningSandbox[];
  /** Simulated business activity in the sandboxes (`LEDGERLINE_SANDBOX_ACTIVITY_MS`); absent when off. */
  sandboxActivity?: { everyMs: number; seed?: number };
  /** Sandboxes whose webhooks reach the gateway's ingress, with the outcome of the provider's endpoint check. */
  sandboxWebhooks: SandboxWebhooks[];
  /** The durable services behind the API, for operator tooling and tests. */
  services: LedgerlineServices;
  /** Change detection and events; absent when `LEDGERLINE_TRIGGERS=off`. */
  triggers?: TriggerRuntime;
  /** Outbound webhooks (endpoints, dispatcher, delivery log); absent when triggers are off. */
  webhooks?: WebhookRuntime;
  /**
   * Stops once (later calls share the first), in order: `/readyz` reports draining, new connections are refused,
   * running HTTP requests finish (`LEDGERLINE_DRAIN_SECONDS`), graphql-ws clients are closed with 1012, pollers
   * stop and release their leases, then the sandboxes, the event log, the mirror and the store close.
   */
  stop(): Promise<void>;
}

export interface LedgerlineServices {
  organizations: OrganizationRepository;
  apiKeys: ApiKeyService;
  connectorStore: KeyValueStore;
  secrets: SecretBox;
  /** Each organization's long-lived adapter (and, through it, its upstream governor). */
  adapters: AdapterPool;
}

/** The composition root: stores, organizations, connectors, sandboxes, schema and server, wired once. */
export async function startLedgerline({ config, logger = createLogger(config.logLevel), clock = systemClock, sandboxLimits = "provider", sandboxWebhooks: wireSandboxWebhooks = true, triggers: triggerOptions, webSocket }: LedgerlineOptions): Promise<RunningLedgerline> {
  const { store, location, readiness: storeReadiness, close: closeStore } = await createKeyValueStore(config.storeUrl, { logger, databaseUrl: config.mirror.databaseUrl });
  const secretKey = await resolveSecretKey(config);
  const secrets = createSecretBox(secretKey);
  const organizations = createOrganizationRepository(store, () => clock.now());
  const connectorStore = store.namespace("connector");
  // Prometheus metrics on a registry of this gateway's own (LEDGERLINE_METRICS=off: none, and no /metrics).
  const metrics = config.metrics ? createGatewayMetrics({ logger }) : undefined;
  // A cluster (a Redis store) counts every organization's rate budget in Redis, so its instances share one.
  const budgets = location.kind === "redis" ? redisBudgets({ url: location.url, logger: logger.child({ component: "budget" }) }) : undefined;
  const pool = createAdapterPool({
    connectors, store: connectorStore, cache: memoryStore(), secrets, logger, clock, upstream: upstreamPolicyOf(config),
    ...(metrics ? { observeUpstream: (organization) => metrics.upstreamObserver(organization) } : {}),
    ...(budgets ? { sharedBudget: (organization) => budgets.ledgerFor(organization.id) } : {}),
  });
  const apiKeys = createApiKeyService(store);

  const sandboxes: RunningSandbox[] = [];
  let localApiKey: string | undefined;
  const activity = config.sandbox && config.sandboxActivityMs > 0
    ? { everyMs: config.sandboxActivityMs, ...(config.sandboxSeed !== undefined ? { seed: config.sandboxSeed } : {}) }
    : undefined;
  if (config.sandbox) {
    for (const embedded of embeddedSandboxes) {
      const port = config.sandboxPorts[embedded.provider as keyof GatewayConfig["sandboxPorts"]] ?? 0;
      sandboxes.push(await embedded.start({ dataDir: config.dataDir, port, organizations, connectorStore, secrets, logger, limits: sandboxLimits, activity: activity ?? null }));
    }
    localApiKey = await ensureLocalApiKey(store, apiKeys, secrets);
  }

  const connect = config.xero ? xeroConnect({ config, store, organizations, connectorStore, secrets, apiKeys, clock, logger }) : undefined;
  const connectFlows = connect ? { XERO: connect.flow } : {};

  // On the embedded default the Xero sandbox sends its webhooks to the gateway's ingress, signed with a key
  // derived from the secret key; an explicit XERO_WEBHOOK_KEY (a real Xero app's) wins, and the sandbox signs with it too.
  const sandboxWebhooksOn = config.triggers.enabled && config.sandbox && wireSandboxWebhooks;
  const webhookKey = config.triggers.enabled ? (config.xeroWebhookKey ?? (sandboxWebhooksOn ? sandboxWebhookKey(secretKey) : undefined)) : undefined;
  const triggers = config.triggers.enabled
    ? await startTriggers({
      config: { ...config, xeroWebhookKey: webhookKey }, location, store, organizations, adapterFor: (o) => pool.adapterFor(o), clock, logger,
      ...(budgets ? { pollerUsage: (organizationId: string) => budgets.pollerUsage(organizationId) } : {}), ...triggerOptions,
    })
    : undefined;
  // Reads come from the mirror when it is on; detection keeps its records there either way.
  const mirror = config.mirror.enabled ? triggers?.mirror : undefined;
  const idempotency = createIdempotency(store);
  const schema = await buildGatewaySchema();
  // Outbound webhooks ride on the event log and keep their endpoints and delivery log in the mirror's database.
  const webhooks = triggers
    ? startWebhooks({
      settings: config.webhooks, mirror: triggers.mirror.store, log: triggers.log, leases: store.namespace("webhooks").leases,
      principalOf: (id) => apiKeys.principalOf(id), secrets, schema, clock, logger, retentionMs: config.triggers.retentionDays * 86_400_000,
    })
    : undefined;
  if (metrics && triggers) {
    metrics.watch({
      now: () => clock.now().getTime(),
      pollers: () => [...triggers.schedulers()].map(([organizationId, scheduler]) => [organizationId, scheduler.status()] as [string, ReturnType<typeof scheduler.status>]),
      ...(mirror ? { mirror: (organizationId: string) => mirror.status(organizationId) } : {}),
      eventLogHead: () => triggers.log.head(),
    });
  }
  // Webhook deliveries are counted by the answer the ingress gives (mounted before it, on its path).
  const webhookMetrics = metrics && triggers && triggers.routes.length > 0 ? [express.Router().post("/webhooks/xero", metrics.webhookDeliveries("xero"))] : [];
  // Key and organization administration for the ADMIN fields (the `ledgerline` CLI builds the same from the store).
  const admin = { apiKeys, organizations: createOrganizationAdmin({ organizations, connectorStore, secrets, clock, logger, sandboxesRunning: config.sandbox }) };
  const createContext = (principal: Principal, requestId: string, signal?: AbortSignal): GatewayContext => {
    const requestLogger = logger.child({ requestId });
    // Writes go through the change recorder whenever detection runs (the mirror and the event log see them at once);
    // reads come from the mirror only when it is on.
    const access = withWriteThrough(createOrganizationAccess(principal, organizations, pool.forCaller({ apiKeyId: principal.apiKeyId, signal })), triggers?.mirror, requestLogger);
    return { requestId, principal, organizations: access, loaders: createLoaders(access.adapter, mirror), logger: requestLogger, connectFlows, idempotency, triggers: triggers?.access, ...(mirror ? { mirror } : {}), ...(webhooks ? { webhooks: webhooks.service } : {}), admin };
  };
  const server = await startGatewayServer({
    schema,
    port: config.port,
    host: config.host,
    apiKeys,
    createContext,
    maxDepth: config.maxDepth,
    maxComplexity: config.maxComplexity,
    logger,
    webSocket: { ...config.webSocket, ...webSocket },
    routes: [...(connect ? [connect.route] : []), ...webhookMetrics, ...(triggers?.routes ?? [])],
    ...(metrics ? { metrics } : {}),
    readiness: { timeoutMs: config.lifecycle.readyTimeoutMs, checks: readinessChecks(location, storeReadiness, triggers) },
    drainMs: config.lifecycle.drainSeconds * 1000,
    stopDelayMs: config.lifecycle.stopDelaySeconds * 1000,
  });
  triggers?.start();
  webhooks?.start();
  const sandboxWebhooks = sandboxWebhooksOn && webhookKey
    ? await connectSandboxWebhooks(sandboxes, { url: sandboxWebhookUrl(server.url, config.host), key: webhookKey }, logger)
    : [];

  let stopping: Promise<void> | undefined;
  return {
    url: server.url,
    wsUrl: server.wsUrl,
    localApiKey,
    sandboxes,
    ...(activity ? { sandboxActivity: activity } : {}),
    sandboxWebhooks,
    services: { organizations, apiKeys, connectorStore, secrets, adapters: pool },
    triggers,
    ...(webhooks ? { webhooks } : {}),
    stop() {
      stopping ??= (async () => {
        // Readiness false, new connections refused, running requests drained, WebSocket clients told to reconnect (1012).
        await server.stop();
        // Pollers end after their current step and release their leases, so another instance polls at once.
        logger.info("stopping: pollers");
        await triggers?.stop();
        // Attempts in flight end (their outcome recorded) and every endpoint's lease is released.
        await webhooks?.stop();
        for (const sandbox of sandboxes) await sandbox.close();
        logger.info("stopping: closing the event log, the mirror and the store");
        await triggers?.log.close();
        await triggers?.mirror.store.close();
        await budgets?.close();
        await closeStore();
      })();
      return stopping;
    },
  };
}

/** What `/readyz` asks: the key-value store, and with triggers the event log and the mirror's database, each a trivial round trip. */
function readinessChecks(location: StoreLocation, storeChecks: Record<string, ReadinessCheck>, triggers: TriggerRuntime | undefined): Record<string, ReadinessCheck> {
  const checks: Record<string, ReadinessCheck> = { ...storeChecks };
  if (triggers) {
    checks.eventLog = { kind: location.kind, probe: () => triggers.log.head() };
    checks.database = { kind: triggers.mirror.store.kind, probe: () => triggers.mirror.store.version(READINESS_PROBE_KEY) };
  }
  return checks;
}
