import { registerEnumType } from "type-graphql";
import type { EntityName } from "../../src/connector/entities.js";
import { CHANGE_KINDS, eventTypeOf, KEY_EVENT_TYPES } from "../../src/triggers/event.js";
import { triggerEntities } from "../../src/triggers/trigger-declarations.js";
import { connectors } from "../../connectors/index.js";

/** Every entity some connector reports events for: the record types of record events. */
export const TRIGGER_ENTITIES: readonly EntityName[] = triggerEntities(connectors);

/** Record event types (`INVOICE_CREATED`, …) and the entity whose record each carries. */
const RECORD_EVENT_ENTITIES: ReadonlyMap<string, EntityName> = new Map(TRIGGER_ENTITIES.flatMap((entity) => CHANGE_KINDS.map((change) => [eventTypeOf(entity, change), entity] as const)));

/** The entity a record event type carries (`INVOICE_CREATED` → Invoice); undefined for key events such as WEBHOOK_ENDPOINT_DISABLED. */
export const entityOfEventType = (type: string): EntityName | undefined => RECORD_EVENT_ENTITIES.get(type);

/** `CONTACT_CREATED`, `INVOICE_UPDATED`, … for every entity some connector declares triggers for, then the key events. */
export const EventType: Record<string, string> = Object.fromEntries([...RECORD_EVENT_ENTITIES.keys(), ...KEY_EVENT_TYPES].map((type) => [type, type]));

const KEY_EVENT_DESCRIPTIONS: Record<(typeof KEY_EVENT_TYPES)[number], string> = {
  WEBHOOK_ENDPOINT_DISABLED:
    "A key event: the gateway disabled one of this API key's webhook endpoints (it answered 410 Gone, kept failing past the failure window, or its key lost access). " +
    "It belongs to the API key, not to an organization: organizationId, provider and recordId are null, and it reaches only this key's subscriptions and endpoints that name this type.",
};

registerEnumType(EventType, {
  name: "EventType",
  description:
    "Entity and change in one value, e.g. INVOICE_CREATED. Which ones an organization emits: `organization { triggers { entity changes } }`. " +
    "Key events (WEBHOOK_ENDPOINT_DISABLED) are about the API key's own objects; they are delivered only where their type is named.",
  valuesConfig: Object.fromEntries(Object.entries(KEY_EVENT_DESCRIPTIONS).map(([type, description]) => [type, { description }])),
});
