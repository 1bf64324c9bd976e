import path from "node:path";
import type { GatewayConfig } from "../config/index.js";
import type { ConnectorAdapter } from "../connector/adapter.js";
import type { Clock } from "../infra/clock.js";
import type { Logger } from "../infra/logger.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import type { OrganizationRepository } from "../organizations/organization-repository.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { StoreLocation } from "../store/store-url.js";
import { columnsOf } from "../mirror/columns.js";
import { isHiddenByDefault } from "../connector/listing.js";
import { openMirrorStore, parseDatabaseUrl, type MirrorLocation } from "../mirror/open-mirror-store.js";
import { openEventLog } from "./event-log/open-event-log.js";
import { createTriggerRuntime, type TriggerRuntimeOptions } from "./trigger-runtime.js";

export interface StartTriggersOptions extends Pick<TriggerRuntimeOptions, "mode" | "overrides" | "replayConcurrency" | "pollerUsage"> {
  config: GatewayConfig;
  /** Where the durable store is: the event log goes next to it, and the mirror too unless `LEDGERLINE_DATABASE_URL` says otherwise. */
  location: StoreLocation;
  store: KeyValueStore;
  organizations: OrganizationRepository;
  adapterFor(organization: OrganizationRecord): ConnectorAdapter;
  clock: Clock;
  logger: Logger;
}

/** Where the mirror lives: `LEDGERLINE_DATABASE_URL`, else `mirror.sqlite` beside the SQLite store (memory beside a memory store). */
export function mirrorLocationOf(databaseUrl: string | undefined, store: StoreLocation): MirrorLocation {
  if (databaseUrl) {
    const parsed = parseDatabaseUrl(databaseUrl);
    if (!parsed.ok) throw new Error(`LEDGERLINE_DATABASE_URL: ${parsed.problem}`);
    return parsed.location;
  }
  if (store.kind === "sqlite") return { kind: "sqlite", file: path.join(path.dirname(store.file), "mirror.sqlite") };
  if (store.kind === "memory") return { kind: "sqlite", file: ":memory:" };
  throw new Error("LEDGERLINE_DATABASE_URL: required with a Redis store while triggers are on");
}

/** Opens the event log beside the store and the mirror, and builds the trigger runtime from the gateway's configuration (not started yet). */
export async function startTriggers({ config, location, ...rest }: StartTriggersOptions) {
  const { triggers } = config;
  const log = await openEventLog(location);
  const mirror = await openMirrorStore(mirrorLocationOf(config.mirror.databaseUrl, location), { clock: rest.clock });
  return createTriggerRuntime({
    ...rest,
    log,
    mirror,
    columnsOf: (organization, entity, record) => columnsOf(entity, record, (r) => isHiddenByDefault(rest.adapterFor(organization).capabilities, entity, r)),
    mirrorMaxLagMs: config.mirror.maxLagSeconds * 1000,
    mirrorRefreshMs: config.mirror.refreshSeconds * 1000,
    logger: rest.logger.child({ component: "triggers" }),
    retentionMs: triggers.retentionDays * 86_400_000,
    xeroWebhookKey: config.xeroWebhookKey,
    defaults: {
      budgetPerMinute: triggers.budgetPerMinute,
      budgetPerDay: triggers.budgetPerDay,
      share: triggers.budgetPercent / 100,
      intervalMs: triggers.intervalSeconds > 0 ? triggers.intervalSeconds * 1000 : undefined,
      minIntervalMs: triggers.minIntervalSeconds * 1000,
      reconcileIntervalMs: triggers.reconcileMinutes * 60_000,
    },
  });
}
