import { createHash } from "node:crypto";
import type { NewEvent } from "../../triggers/event.js";
import type { EventLog } from "../../triggers/event-log/event-log.js";
import type { WebhookEndpointRecord, WebhookStore } from "../webhook-types.js";
import { toEndpointView } from "../webhook-views.js";

/** The event type raised when the gateway disables an endpoint (a key event: only that key's endpoints and subscriptions naming it get it). */
export const ENDPOINT_DISABLED_TYPE = "WEBHOOK_ENDPOINT_DISABLED";

/**
 * The WEBHOOK_ENDPOINT_DISABLED event of an endpoint disabled at `disabledAt` (ISO). Its id derives from
 * the endpoint and that time, so raising it twice (a retry after a crash) logs it once.
 */
export function endpointDisabledEvent(endpoint: WebhookEndpointRecord, disabledReason: string, disabledAt: string): NewEvent {
  const digest = createHash("sha256").update(`${endpoint.id}|disabled|${disabledAt}`).digest("base64url").slice(0, 32);
  return {
    id: `evt_${digest}`,
    type: ENDPOINT_DISABLED_TYPE,
    entity: "WebhookEndpoint",
    change: "UPDATED",
    organizationId: null,
    provider: null,
    remoteId: endpoint.id,
    occurredAt: disabledAt,
    detectedAt: disabledAt,
    record: null,
    apiKeyId: endpoint.apiKeyId,
    subject: { ...toEndpointView({ ...endpoint, status: "DISABLED", disabledReason, updatedAt: disabledAt }) },
  };
}

/**
 * Appends the WEBHOOK_ENDPOINT_DISABLED event of a disabled endpoint whose outbox flag is set, then clears
 * the flag (only for that same disabling). Safe to repeat: the log keeps each event id once. Does nothing
 * for an endpoint without a pending event.
 */
export async function raiseDisabledEvent(store: WebhookStore, log: Pick<EventLog, "append">, endpoint: WebhookEndpointRecord): Promise<void> {
  // Raised whatever the status is now: an owner who paused or resumed it meanwhile does not cancel what happened.
  if (!endpoint.disabledEventPending || endpoint.disabledAt === null) return;
  await log.append([endpointDisabledEvent(endpoint, endpoint.disabledReason ?? "disabled by the gateway", endpoint.disabledAt)]);
  await store.markDisabledEventRaised(endpoint.id, endpoint.disabledAt);
}
