import { registerEnumType } from "type-graphql";
import { CHANGE_KINDS, eventTypeOf } from "../../src/triggers/event.js";
import { triggerEntities } from "../../src/triggers/trigger-declarations.js";
import { connectors } from "../../connectors/index.js";

/** `CONTACT_CREATED`, `INVOICE_UPDATED`, … for every entity some connector declares triggers for. */
export const EventType: Record<string, string> = Object.fromEntries(
  triggerEntities(connectors).flatMap((entity) => CHANGE_KINDS.map((change) => [eventTypeOf(entity, change), eventTypeOf(entity, change)])),
);
registerEnumType(EventType, {
  name: "EventType",
  description: "Entity and change in one value, e.g. INVOICE_CREATED. Which ones an organization emits: `organization { triggers { entity changes } }`.",
});
