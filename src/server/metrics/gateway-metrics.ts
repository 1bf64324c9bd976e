import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Logger } from "../../infra/logger.js";
import type { UpstreamObserver, UpstreamRefusal } from "../../upstream/governor.js";

/** Longest operation name kept as a label value; longer ones are cut. */
const MAX_OPERATION_LENGTH = 64;
/** Distinct operation names kept as label values; later new ones are counted as "other". */
const MAX_OPERATIONS = 200;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const EVENT_CURSOR_PREFIX = "ev1:";

/** One poller's last completed run. */
export interface PollerLag { entity: string; lastRunAt: Date | null }
/** One mirrored entity's lag (null: never synced). */
export interface MirrorLag { entity: string; lagSeconds: number | null }

/**
 * What the gauges read at scrape time. Each is optional and may throw or reject: a failing source
 * leaves its metric out of that scrape, the rest is still served.
 */
export interface MetricsSources {
  /** Each organization's pollers (organization id → its pollers). */
  pollers?: () => Iterable<[string, readonly PollerLag[]]>;
  /** One organization's mirrored entities. */
  mirror?: (organizationId: string) => Promise<readonly MirrorLag[]>;
  /** The event log's newest cursor (undefined: empty). */
  eventLogHead?: () => Promise<string | undefined>;
  /** Subscriptions open over graphql-ws on this instance. */
  subscriptions?: () => number;
  now?: () => number;
}

export interface GatewayMetrics {
  registry: Registry;
  /** Counts and times every operation Apollo serves over HTTP. */
  apolloPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext>;
  /** Counts an operation served over graphql-ws (the server's `onOperationDone`). */
  wsOperation(operationName: string | null | undefined, type: string, code: string): void;
  /** Counts one organization's upstream calls and refusals, and reads its remaining budget at scrape time. */
  upstreamObserver(organization: { id: string; provider: string }): UpstreamObserver;
  /** Counts a webhook route's answers by outcome (mount it before the route, on the same path). */
  webhookDeliveries(provider: string): RequestHandler;
  /** Adds or replaces the sources the gauges read at scrape time. */
  watch(sources: MetricsSources): void;
  /** `GET /metrics`: the registry in Prometheus text format. */
  handler(): RequestHandler;
}

/**
 * The gateway's Prometheus metrics, on a registry of its own (several gateways in one process keep
 * separate counts), with Node's default process metrics. Gauges are computed when scraped; nothing
 * runs on a timer. Labels are organization ids, providers, entity names, operation names and error
 * codes: never API keys, tokens or secrets.
 */
export function createGatewayMetrics({ logger }: { logger?: Logger } = {}): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sources: MetricsSources = {};
  const now = () => (sources.now ?? Date.now)();
  const operations = new Set<string>();
  const budgets = new Map<string, { provider: string; remaining: () => { minute: number; day: number | null } }>();

  const requests = new Counter({
    name: "ledgerline_graphql_requests_total",
    help: "GraphQL operations served, by operation name, type, result code (OK or the first error's code) and transport (http, or ws: queries and mutations when answered, subscriptions when started).",
    labelNames: ["operation", "type", "code", "transport"] as const, registers: [registry],
  });
  const duration = new Histogram({
    name: "ledgerline_graphql_request_duration_seconds", help: "Time to answer a GraphQL operation over HTTP, by operation name and type.",
    labelNames: ["operation", "type"] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20], registers: [registry],
  });
  const upstreamCalls = new Counter({
    name: "ledgerline_upstream_calls_total", help: "Calls started to a provider's API (retries included), by provider and organization.",
    labelNames: ["provider", "organization"] as const, registers: [registry],
  });
  const rateLimited = new Counter({
    name: "ledgerline_upstream_rate_limited_total",
    help: "Upstream calls held back: the provider's 429 (reason=provider) or the gateway's own refusal (minute, day, or the API key's share: key).",
    labelNames: ["provider", "organization", "reason"] as const, registers: [registry],
  });
  const webhooks = new Counter({
    name: "ledgerline_webhook_deliveries_total",
    help: "Webhook deliveries by outcome: accepted, refused_signature, throttled, malformed, dropped (not recorded, provider told to resend), other.",
    labelNames: ["provider", "outcome"] as const, registers: [registry],
  });

  new Gauge({
    name: "ledgerline_budget_remaining_calls", help: "Upstream calls an organization may still start in the rolling minute or day (the provider's limits as the gateway counts them).",
    labelNames: ["organization", "provider", "window"] as const, registers: [registry],
    collect() {
      this.reset();
      for (const [organization, { provider, remaining }] of budgets) {
        const left = remaining();
        this.set({ organization, provider, window: "minute" }, left.minute);
        if (left.day !== null) this.set({ organization, provider, window: "day" }, left.day);
      }
    },
  });
  new Gauge({
    name: "ledgerline_poll_lag_seconds", help: "Seconds since each poller's last completed run, by organization and entity (absent before its first run).",
    labelNames: ["organization", "entity"] as const, registers: [registry],
    collect() {
      this.reset();
      if (!sources.pollers) return;
      const at = now();
      for (const [organization, pollers] of sources.pollers()) {
        for (const poller of pollers) {
          if (poller.lastRunAt) this.set({ organization, entity: poller.entity }, Math.max(0, (at - poller.lastRunAt.getTime()) / 1000));
        }
      }
    },
  });
  new Gauge({
    name: "ledgerline_mirror_lag_seconds", help: "Seconds since the mirror last synced each entity, by organization and entity (absent before its first sync).",
    labelNames: ["organization", "entity"] as const, registers: [registry],
    async collect() {
      this.reset();
      const { pollers, mirror } = sources;
      if (!pollers || !mirror) return;
      const organizations = [...pollers()].map(([organization]) => organization);
      const statuses = await Promise.all(organizations.map(async (organization) => [organization, await mirror(organization)] as const));
      for (const [organization, entities] of statuses) {
        for (const entity of entities) {
          if (entity.lagSeconds !== null) this.set({ organization, entity: entity.entity }, entity.lagSeconds);
        }
      }
    },
  });
  new Gauge({
    name: "ledgerline_event_log_head_sequence", help: "Sequence number of the newest event in the log (SQLite and memory logs; 0 when empty).",
    registers: [registry],
    async collect() {
      if (!sources.eventLogHead) throw new Error("no event log");
      const head = await sources.eventLogHead();
      if (head === undefined) return this.set(0);
      const position = Buffer.from(head, "base64url").toString("utf8").slice(EVENT_CURSOR_PREFIX.length);
      if (!/^\d+$/.test(position)) throw new Error("the event log's positions are not sequence numbers");
      this.set(Number(position));
    },
  });
  new Gauge({
    name: "ledgerline_subscriptions", help: "Subscriptions open on this instance, by transport.",
    labelNames: ["transport"] as const, registers: [registry],
    collect() {
      this.reset();
      if (sources.subscriptions) this.set({ transport: "ws" }, sources.subscriptions());
    },
  });

  /** Bounded label values: the operation's name (or "anonymous"), cut to 64 characters, "other" past 200 names. */
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return "anonymous";
    const cut = name.slice(0, MAX_OPERATION_LENGTH);
    if (operations.has(cut)) return cut;
    if (operations.size >= MAX_OPERATIONS) return "other";
    operations.add(cut);
    return cut;
  };

  return {
    registry,
    apolloPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
      return {
        async requestDidStart(start) {
          const startedAt = process.hrtime.bigint();
          const asked = start.request.operationName;
          return {
            async willSendResponse(context) {
              const name = context.operationName ?? (asked && GRAPHQL_NAME.test(asked) ? asked : null);
              const operation = operationLabel(name);
              const type = context.operation?.operation ?? "unknown";
              const body = context.response.body;
              const errors = body.kind === "single" ? body.singleResult.errors : body.initialResult.errors;
              const code = errors && errors.length > 0 ? String(errors[0].extensions?.code ?? "INTERNAL_SERVER_ERROR").slice(0, 64) : "OK";
              requests.inc({ operation, type, code, transport: "http" });
              duration.observe({ operation, type }, Number(process.hrtime.bigint() - startedAt) / 1e9);
            },
          };
        },
      };
    },
    wsOperation(name, type, code) {
      const operation = operationLabel(name && GRAPHQL_NAME.test(name) ? name : null);
      requests.inc({ operation, type, code: code.slice(0, 64), transport: "ws" });
    },
    upstreamObserver({ id: organization, provider }) {
      return {
        called: () => upstreamCalls.inc({ provider, organization }),
        rateLimited: (reason: UpstreamRefusal) => rateLimited.inc({ provider, organization, reason }),
        budget: (remaining) => void budgets.set(organization, { provider, remaining }),
      };
    },
    webhookDeliveries(provider) {
      return (_req, res, next) => {
        res.once("finish", () => webhooks.inc({ provider, outcome: outcomeOf(res.statusCode) }));
        next();
      };
    },
    watch(more) {
      Object.assign(sources, more);
    },
    handler() {
      return async (_req, res) => {
        // One metric at a time: a source that fails leaves out its metric, not the scrape.
        const texts = await Promise.allSettled(registry.getMetricsAsArray().map((metric) => registry.getSingleMetricAsString(metric.name)));
        const body: string[] = [];
        texts.forEach((text, index) => {
          if (text.status === "fulfilled") body.push(text.value);
          else logger?.debug("metrics: a metric could not be collected; left out of this scrape", { metric: registry.getMetricsAsArray()[index]?.name, error: String(text.reason) });
        });
        res.set("content-type", registry.contentType).set("cache-control", "no-store").send(`${body.join("\n\n")}\n`);
      };
    },
  };
}

function outcomeOf(status: number): string {
  if (status >= 200 && status < 300) return "accepted";
  if (status === 401) return "refused_signature";
  if (status === 429) return "throttled";
  if (status === 400 || status === 413) return "malformed";
  if (status === 503) return "dropped";
  return "other";
}
