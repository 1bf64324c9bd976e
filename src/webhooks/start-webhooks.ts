import type { GraphQLSchema } from "graphql";
import type { WebhookConfig } from "../config/index.js";
import type { Principal } from "../context/gateway-context.js";
import type { Clock } from "../infra/clock.js";
import type { Logger } from "../infra/logger.js";
import type { MirrorStore } from "../mirror/mirror-store.js";
import type { SecretBox } from "../secrets/secret-box.js";
import type { Leases } from "../store/leases.js";
import type { EventLog } from "../triggers/event-log/event-log.js";
import { createWebhookDispatcher, type WebhookDispatcher } from "./dispatcher/webhook-dispatcher.js";
import { createWebhookStore } from "./store/kysely-webhook-store.js";
import { createWebhookService, type WebhookService } from "./webhook-service.js";
import { endpointPredicate } from "./endpoint-predicate.js";
import type { WebhookStore } from "./webhook-types.js";

export interface StartWebhooksOptions {
  settings: WebhookConfig;
  /** Endpoints, cursors and the delivery log live in the mirror's database. */
  mirror: MirrorStore;
  log: EventLog;
  /** Leases shared by every instance of a cluster: one deliverer per endpoint. */
  leases: Leases;
  principalOf(apiKeyId: string): Promise<Principal | null>;
  secrets: SecretBox;
  schema: GraphQLSchema;
  clock: Clock;
  logger: Logger;
  /** The event log's retention: deliveries of pruned events go with them. */
  retentionMs: number;
}

export interface WebhookRuntime {
  store: WebhookStore;
  dispatcher: WebhookDispatcher;
  service: WebhookService;
  start(): void;
  stop(): Promise<void>;
}

const PRUNE_EVERY_MS = 60 * 60_000;

/** Outbound webhooks wired once: the store in the mirror's database, the dispatcher, the service the GraphQL fields use, and retention. */
export function startWebhooks({ settings, mirror, log, leases, principalOf, secrets, schema, clock, logger, retentionMs }: StartWebhooksOptions): WebhookRuntime {
  if (!mirror.database) throw new Error("outbound webhooks need the mirror's database");
  const store = createWebhookStore(mirror.database);
  const policy = { allowLoopback: settings.loopback === "allow" };
  const dispatcher = createWebhookDispatcher({
    store, log, leases, principalOf, secrets, clock, logger: logger.child({ component: "webhooks" }),
    predicateOf: (endpoint) => endpointPredicate(schema, endpoint),
    settings: { timeoutMs: settings.timeoutMs, scheduleMs: settings.scheduleMs, disableAfterMs: settings.disableAfterHours * 3_600_000, policy },
  });
  const service = createWebhookService({ store, log, secrets, dispatcher, schema: () => schema, policy, clock });
  let pruning: NodeJS.Timeout | undefined;
  const prune = () => {
    store.prune(new Date(clock.now().getTime() - retentionMs)).catch((error: unknown) => logger.warn("webhook delivery retention failed", { error: String(error) }));
  };
  return {
    store,
    dispatcher,
    service,
    start() {
      dispatcher.start();
      prune();
      pruning = setInterval(prune, PRUNE_EVERY_MS);
      pruning.unref();
    },
    async stop() {
      clearInterval(pruning);
      await dispatcher.stop();
    },
  };
}
