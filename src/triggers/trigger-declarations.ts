import type { ConnectorDefinition } from "../connector/adapter.js";
import type { CapabilityDeclaration, TriggerName } from "../connector/capabilities.js";
import type { EntityName } from "../connector/entities.js";
import type { ChangeKind } from "./event.js";
import { changeOfTrigger, TRIGGER_TABLE } from "./trigger-table.js";

/** The declaration with `triggers` filled in from TRIGGER_TABLE for entities the connector reads. */
export function declareTriggers(provider: string, decl: CapabilityDeclaration): CapabilityDeclaration {
  const table = TRIGGER_TABLE[provider as keyof typeof TRIGGER_TABLE] ?? {};
  const entities = Object.fromEntries(
    Object.entries(decl.entities).map(([entity, cap]) => {
      const triggers = cap!.triggers ?? table[entity as EntityName];
      return [entity, triggers && cap!.operations.includes("list") ? { ...cap!, triggers } : cap];
    }),
  );
  return { ...decl, entities };
}

/**
 * Connector definitions whose adapters declare triggers too. Applied once at the composition root
 * until the table lives in the connectors' own declarations.
 */
export function withTriggerDeclarations(connectors: readonly ConnectorDefinition[]): ConnectorDefinition[] {
  return connectors.map((connector) => {
    const capabilities = declareTriggers(connector.provider, connector.capabilities);
    return {
      ...connector,
      capabilities,
      create: (options) => Object.assign(Object.create(connector.create(options)), { capabilities }),
    };
  });
}

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
