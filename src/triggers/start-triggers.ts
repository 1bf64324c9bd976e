import type { GatewayConfig } from "../config/index.js";
import type { ConnectorAdapter } from "../connector/adapter.js";
import type { Clock } from "../infra/clock.js";
import type { Logger } from "../infra/logger.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import type { OrganizationRepository } from "../organizations/organization-repository.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { StoreLocation } from "../store/store-url.js";
import { openEventLog } from "./event-log/open-event-log.js";
import { createTriggerRuntime, type TriggerRuntimeOptions } from "./trigger-runtime.js";

export interface StartTriggersOptions extends Pick<TriggerRuntimeOptions, "mode" | "overrides" | "replayConcurrency"> {
  config: GatewayConfig;
  /** Where the durable store is: the event log goes next to it. */
  location: StoreLocation;
  store: KeyValueStore;
  organizations: OrganizationRepository;
  adapterFor(organization: OrganizationRecord): ConnectorAdapter;
  clock: Clock;
  logger: Logger;
}

/** Opens the event log beside the store and builds the trigger runtime from the gateway's configuration (not started yet). */
export async function startTriggers({ config, location, ...rest }: StartTriggersOptions) {
  const { triggers } = config;
  const log = await openEventLog(location);
  return createTriggerRuntime({
    ...rest,
    log,
    logger: rest.logger.child({ component: "triggers" }),
    retentionMs: triggers.retentionDays * 86_400_000,
    xeroWebhookKey: config.xeroWebhookKey,
    defaults: {
      budgetPerMinute: triggers.budgetPerMinute,
      share: triggers.budgetPercent / 100,
      intervalMs: triggers.intervalSeconds > 0 ? triggers.intervalSeconds * 1000 : undefined,
      minIntervalMs: triggers.minIntervalSeconds * 1000,
      reconcileIntervalMs: triggers.reconcileMinutes * 60_000,
    },
  });
}
