import { registerEnumType } from "type-graphql";
import { CHANGE_KINDS, eventTypeOf } from "../../src/triggers/event.js";
import { triggerEntities } from "../../src/triggers/trigger-table.js";

/** `CONTACT_CREATED`, `INVOICE_UPDATED`, … for every entity some connector reports changes of. */
export const EventType: Record<string, string> = Object.fromEntries(
  triggerEntities().flatMap((entity) => CHANGE_KINDS.map((change) => [eventTypeOf(entity, change), eventTypeOf(entity, change)])),
);
registerEnumType(EventType, {
  name: "EventType",
  description: "Entity and change in one value, e.g. INVOICE_CREATED. Which ones an organization emits: `organization { triggers { entity changes } }`.",
});
