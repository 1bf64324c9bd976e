import { supports, type CapabilityDeclaration, type ListFilterName } from "../../connector/capabilities.js";
import type { EntityName } from "../../connector/entities.js";

/** Where a list filter is applied for one entity; null when nothing applies it. */
export type FilterRunsAt = "PROVIDER" | "MIRROR" | "BOTH";

/**
 * Where `filter` runs for `entity`: the provider when the connector declares it server-side; the
 * mirror, which applies every filter, when the gateway keeps a mirror and the connector can list the
 * entity (the mirror keeps exactly those); BOTH when both do; null when neither does.
 */
export function filterRunsAt(decl: CapabilityDeclaration, entity: EntityName, filter: ListFilterName, mirrorOn: boolean): FilterRunsAt | null {
  const provider = supports(decl, entity, "list") && (decl.entities[entity]?.filters?.includes(filter) ?? false);
  const mirror = mirrorOn && supports(decl, entity, "list");
  if (provider && mirror) return "BOTH";
  if (provider) return "PROVIDER";
  return mirror ? "MIRROR" : null;
}
