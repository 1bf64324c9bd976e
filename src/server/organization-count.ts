import { Kind, type DocumentNode, type SelectionSetNode } from "graphql";
import type { OrganizationAccess } from "../context/gateway-context.js";

/** Whether a field named `organizations` appears anywhere in the document (its operations or fragments); iterative. */
export function selectsOrganizations(document: DocumentNode): boolean {
  const pending: SelectionSetNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) pending.push(definition.selectionSet);
  }
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD && selection.name.value === "organizations") return true;
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return false;
}

/**
 * How many organizations the caller can see (for a "*" key, every one in the store), the count
 * `enforceComplexityLimit` multiplies the children of `Query.organizations` by. Read only when the
 * document selects `organizations` (listing reads the store); undefined otherwise, or when the
 * context has no organization access.
 */
export async function organizationCountFor(document: DocumentNode, access: () => Pick<OrganizationAccess, "list"> | undefined | Promise<Pick<OrganizationAccess, "list"> | undefined>): Promise<number | undefined> {
  if (!selectsOrganizations(document)) return undefined;
  const organizations = await access();
  return organizations ? (await organizations.list()).length : undefined;
}
