import type { ConnectorDefinition } from "../connector/adapter.js";
import type { CapabilityDeclaration, TriggerName } from "../connector/capabilities.js";
import type { EntityName } from "../connector/entities.js";
import type { ChangeKind } from "./event.js";

/**
 * Which changes a connector reports as events is part of its capability declaration
 * (`EntityCapability.triggers`, in `connectors/<provider>/capabilities.ts`); these read it.
 */

export const changeOfTrigger = (trigger: TriggerName): ChangeKind => trigger.toUpperCase() as ChangeKind;

/** The entities an adapter reports events for, with the changes it reports. */
export function declaredTriggers(decl: CapabilityDeclaration): Array<{ entity: EntityName; triggers: readonly TriggerName[] }> {
  return (Object.entries(decl.entities) as Array<[EntityName, NonNullable<CapabilityDeclaration["entities"][EntityName]>]>)
    .filter(([, cap]) => (cap.triggers?.length ?? 0) > 0)
    .map(([entity, cap]) => ({ entity, triggers: cap.triggers! }));
}

/** The changes an entity reports as events, as ChangeKind values (empty when it has no triggers). */
export function declaredChangesOf(decl: CapabilityDeclaration, entity: EntityName): ChangeKind[] {
  return (decl.entities[entity]?.triggers ?? []).map(changeOfTrigger);
}

/** Every entity some connector reports events for, in a stable order (the GraphQL EventType enum is built from it). */
export function triggerEntities(connectors: readonly Pick<ConnectorDefinition, "capabilities">[]): EntityName[] {
  const seen = new Set<EntityName>();
  for (const connector of connectors) for (const { entity } of declaredTriggers(connector.capabilities)) seen.add(entity);
  return [...seen];
}
