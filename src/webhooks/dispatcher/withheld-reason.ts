import type { Principal } from "../../context/gateway-context.js";
import { reaches } from "../../triggers/event-audience.js";
import type { WebhookDelivery, WebhookEndpointRecord } from "../webhook-types.js";
import { audienceOf } from "./endpoint-consumer.js";

/**
 * Why the owner's key, as it is now, no longer carries `delivery` to `endpoint` (undefined: it does): the
 * organization is no longer granted or asked for, or the type no longer asked for. The record filter is
 * not applied again (it held when the row was queued, and the record has not changed since).
 */
export function withheldReason(delivery: WebhookDelivery, endpoint: WebhookEndpointRecord, principal: Principal): string | undefined {
  const organizationId = delivery.organizationId;
  const event = { type: delivery.eventType, organizationId, entity: "WebhookEndpoint" as const, record: null, ...(organizationId === null ? { apiKeyId: endpoint.apiKeyId } : {}) };
  if (reaches(event, audienceOf(principal, endpoint, undefined))) return undefined;
  if (organizationId !== null) {
    const granted = principal.organizationIds;
    if (granted !== "*" && !granted.includes(organizationId)) return `not sent: organization ${organizationId} is no longer granted to the API key`;
    if (endpoint.organizationIds && !endpoint.organizationIds.includes(organizationId)) return `not sent: the endpoint no longer asks for organization ${organizationId}`;
  }
  return `not sent: the endpoint no longer asks for ${delivery.eventType} events`;
}
