import type { ConnectorAdapter, ConnectorDefinition } from "../connector/adapter.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { SecretBox } from "../secrets/secret-box.js";
import type { Logger } from "../infra/logger.js";
import type { Clock } from "../infra/clock.js";
import type { OrganizationRecord } from "./organization-record.js";
import { GatewayError, ErrorCode } from "../errors/index.js";
import { guardCapabilities } from "../connector/capability-guard.js";
import type { BudgetLedgerFactory } from "../upstream/budget-ledger.js";
import { attributeCalls, type UpstreamCaller, type UpstreamObserver, type UpstreamPolicy } from "../upstream/index.js";

export interface AdapterPoolOptions {
  connectors: readonly ConnectorDefinition[];
  store: KeyValueStore;
  cache: KeyValueStore;
  secrets: SecretBox;
  logger: Logger;
  clock: Clock;
  /** Deadline, per-key share and the pollers' reserve, for every organization's governor. */
  upstream?: UpstreamPolicy;
  /** Watches each organization's governor (metrics); none when unset. */
  observeUpstream?: (organization: OrganizationRecord) => UpstreamObserver;
  /** Where each organization's budget is counted when not in this process (a cluster's Redis: `redisBudgets`). */
  sharedBudget?: (organization: OrganizationRecord) => BudgetLedgerFactory;
}

/** The slice of the connector store an organization's adapter sees (tokens and cursors live here). */
export function organizationScope(connectorStore: KeyValueStore, organizationId: string): KeyValueStore {
  return connectorStore.namespace(`org:${organizationId}`);
}

export interface AdapterPool {
  /** The organization's adapter, unattributed: its calls are background work (pollers, webhook lookups). */
  adapterFor(organization: OrganizationRecord): ConnectorAdapter;
  /**
   * The pool as one client request sees it: every call of its adapters counts against `caller`'s key
   * and is abandoned when `caller.signal` aborts. The one place an interactive call meets its key.
   */
  forCaller(caller: UpstreamCaller): AdapterPool;
  connectors: readonly ConnectorDefinition[];
}

/** One long-lived adapter per organization (it holds the token manager and rate governor). */
export function createAdapterPool({ connectors, store, cache, secrets, logger, clock, upstream, observeUpstream, sharedBudget }: AdapterPoolOptions): AdapterPool {
  const adapters = new Map<string, ConnectorAdapter>();
  const byProvider = new Map(connectors.map((c) => [c.provider, c]));
  const adapterFor = (organization: OrganizationRecord): ConnectorAdapter => {
    let adapter = adapters.get(organization.id);
    if (!adapter) {
      const connector = byProvider.get(organization.provider);
      if (!connector) {
        throw new GatewayError(ErrorCode.NOT_SUPPORTED, `No connector is registered for provider ${organization.provider}.`);
      }
      adapter = guardCapabilities(connector.create({
        organization,
        store: organizationScope(store, organization.id),
        cache: organizationScope(cache, organization.id),
        secrets,
        logger: logger.child({ organizationId: organization.id, provider: organization.provider }),
        clock,
        ...(upstream || observeUpstream || sharedBudget
          ? { upstream: { ...upstream, ...(observeUpstream ? { observer: observeUpstream(organization) } : {}), ...(sharedBudget ? { ledger: sharedBudget(organization) } : {}) } }
          : {}),
      }));
      adapters.set(organization.id, adapter);
    }
    return adapter;
  };
  const pool: AdapterPool = {
    adapterFor,
    forCaller(caller) {
      const views = new Map<string, ConnectorAdapter>();
      const attributed = (organization: OrganizationRecord) => {
        const adapter = adapterFor(organization);
        let view = views.get(organization.id);
        if (!view || Object.getPrototypeOf(view) !== adapter) views.set(organization.id, (view = attributeCalls(adapter, caller)));
        return view;
      };
      return { ...pool, adapterFor: attributed };
    },
    connectors,
  };
  return pool;
}
