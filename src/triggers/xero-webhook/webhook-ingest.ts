import { Provider } from "../../../schema/common/provider.enum.js";
import type { ConnectorAdapter } from "../../connector/adapter.js";
import type { EntityName } from "../../connector/entities.js";
import type { Logger } from "../../infra/logger.js";
import type { OrganizationRecord } from "../../organizations/organization-record.js";
import type { OrganizationRepository } from "../../organizations/organization-repository.js";
import { meterCalls } from "../../upstream/call-meter.js";
import type { ChangeRecorder } from "../change-recorder.js";
import type { SightingHint } from "../detect-changes.js";
import type { Observed } from "../fingerprint.js";
import { declaredChangesOf } from "../trigger-declarations.js";
import { entitiesOfCategory, eventDateOf, type XeroWebhookEvent } from "./webhook-payload.js";

export interface XeroWebhookIngestOptions {
  organizations: OrganizationRepository;
  adapterFor(organization: OrganizationRecord): ConnectorAdapter;
  recorder: ChangeRecorder;
  /** Counts the lookups against the organization's trigger budget. */
  recordCalls(organizationId: string, calls: number): void;
  logger: Logger;
}

/**
 * Turns verified Xero webhook events into gateway events: finds the organization by its tenant id,
 * fetches the changed records at once (in batches by id) and hands them to the same change
 * recorder as the pollers, so a change reported by both is one event. Deliveries are handled one
 * after the other, in the order they arrived.
 */
export function createXeroWebhookIngest({ organizations, adapterFor, recorder, recordCalls, logger }: XeroWebhookIngestOptions) {
  let queue: Promise<void> = Promise.resolve();

  async function lookup(organization: OrganizationRecord, entity: EntityName, ids: string[], hints: Map<string, SightingHint>): Promise<string[]> {
    const adapter = adapterFor(organization);
    const declared = declaredChangesOf(adapter.capabilities, entity);
    if (declared.length === 0 || ids.length === 0) return ids;
    const { result, calls } = await meterCalls(() => adapter.getMany(entity, ids));
    recordCalls(organization.id, calls);
    const records = result.filter(Boolean) as Observed[];
    await recorder.record({ organization, entity, declared, scan: "lookup", records, hints });
    const found = new Set(records.map((r) => r.remoteId));
    return ids.filter((id) => !found.has(id));
  }

  /** INVOICE events do not say sales invoice or bill: ids already seen as one go there; the rest are tried as invoices, then bills. */
  async function lookupDocuments(organization: OrganizationRecord, ids: string[], hints: Map<string, SightingHint>) {
    const bills = await recorder.known(organization.id, "Bill", ids);
    const asBills = ids.filter((id) => bills.has(id));
    const notInvoices = await lookup(organization, "Invoice", ids.filter((id) => !bills.has(id)), hints);
    await lookup(organization, "Bill", [...asBills, ...notInvoices], hints);
  }

  async function ingest(events: XeroWebhookEvent[]): Promise<void> {
    const xeroOrganizations = (await organizations.list()).filter((o) => o.provider === Provider.XERO);
    for (const [tenantId, tenantEvents] of groupBy(events, (e) => e.tenantId)) {
      const organization = xeroOrganizations.find((o) => o.settings.tenantId === tenantId);
      if (!organization) {
        logger.warn("xero webhook for an organisation not connected here", { tenantId, events: tenantEvents.length });
        continue;
      }
      for (const [category, categoryEvents] of groupBy(tenantEvents, (e) => e.eventCategory.toUpperCase())) {
        const entities = entitiesOfCategory(category);
        const hints = hintsOf(categoryEvents);
        const ids = [...hints.keys()];
        if (entities.length === 2) await lookupDocuments(organization, ids, hints);
        else if (entities.length === 1) await lookup(organization, entities[0]!, ids, hints);
      }
    }
  }

  return {
    /** Queues a delivery; resolves once its changes are recorded, rejects when they cannot be (the webhook route then answers 503). */
    accept(events: XeroWebhookEvent[]): Promise<void> {
      const done = queue.then(() => ingest(events));
      queue = done.catch((error: unknown) => {
        logger.error("xero webhook events not processed; Xero sends them again, or the pollers pick the changes up", { error: String(error) });
      });
      return done;
    },
    /** Resolves when every delivery accepted so far is processed. */
    idle: () => queue,
  };
}
export type XeroWebhookIngest = ReturnType<typeof createXeroWebhookIngest>;

/** One hint per record: CREATED when any of its events says CREATE, the latest event date. */
function hintsOf(events: XeroWebhookEvent[]): Map<string, SightingHint> {
  const hints = new Map<string, SightingHint>();
  for (const event of events) {
    const before = hints.get(event.resourceId);
    const created = before?.change === "CREATED" || event.eventType.toUpperCase() === "CREATE";
    hints.set(event.resourceId, { change: created ? "CREATED" : "UPDATED", occurredAt: eventDateOf(event) ?? before?.occurredAt });
  }
  return hints;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
