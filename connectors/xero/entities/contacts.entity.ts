import type { Contact } from "xero-node";
import { ContactStatus } from "../../../schema/contact/contact.type.js";
import { toUnifiedContact } from "../mapping/to-contact.js";
import { statusesOf, statusWhere } from "../query/filters.js";
import { notEquals } from "../query/where.js";
import { defineEntity, sinceOf } from "./xero-entity.js";

/** ARCHIVED in the unified schema covers Xero's ARCHIVED and GDPRREQUEST. */
const XERO_STATUSES: Record<string, string[]> = { ACTIVE: ["ACTIVE"], ARCHIVED: ["ARCHIVED", "GDPRREQUEST"] };

/**
 * The `where` for a contact list. Xero's `includeArchived` speaks only of ARCHIVED contacts, so a
 * default list (no status asked for) also leaves out GDPRREQUEST ones itself: the default list then
 * hides exactly the unified ARCHIVED contacts, which `includeArchived` brings back.
 */
function contactWhere(statuses: readonly string[], includeArchived: boolean): string | undefined {
  if (statuses.length > 0) return statusWhere(statuses.flatMap((s) => XERO_STATUSES[s]!), "ContactStatus");
  return includeArchived ? undefined : notEquals("ContactStatus", "GDPRREQUEST");
}

export const contactsEntity = defineEntity<"Contact", Contact>({
  entity: "Contact",
  filters: ["status", "updatedSince", "search"],
  hidden: [ContactStatus.ARCHIVED],
  guidIds: true,
  listing: {
    kind: "paged",
    sized: true,
    async fetch(api, filter, page, pageSize) {
      const statuses = statusesOf(filter, Object.values(ContactStatus));
      const where = contactWhere(statuses, filter.includeArchived === true);
      const includeArchived = filter.includeArchived || statuses.includes(ContactStatus.ARCHIVED) || undefined;
      // https://developer.xero.com/documentation/api/accounting/contacts#get-contacts
      const body = await api.call({ what: "Contact" }, (x, tenant) =>
        x.getContacts(tenant, sinceOf(filter), where, undefined, undefined, page, includeArchived, undefined, filter.search, pageSize));
      return { records: body.contacts ?? [], itemCount: body.pagination?.itemCount };
    },
  },
  lookup: {
    kind: "batch",
    async fetch(api, ids) {
      // https://developer.xero.com/documentation/api/accounting/contacts#get-contacts (IDs; archived contacts still resolve)
      const body = await api.call({ what: "Contact" }, (x, tenant) =>
        x.getContacts(tenant, undefined, undefined, undefined, ids, 1, true, undefined, undefined, ids.length));
      return body.contacts ?? [];
    },
  },
  map: toUnifiedContact,
});
