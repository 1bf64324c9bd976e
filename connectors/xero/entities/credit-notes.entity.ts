import type { CreditNote } from "xero-node";
import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import { toUnifiedCreditNote } from "../mapping/to-credit-note.js";
import { statusesOf, statusWhere } from "../query/filters.js";
import { and, contains, dateRange, guidEquals, or } from "../query/where.js";
import { UNIT_DP } from "../writes/unit-dp.js";
import { defineEntity, sinceOf, lookupEach } from "./xero-entity.js";

/** Xero cannot compare RemainingCredit with Total in `where`, so PARTIALLY_PAID selects every AUTHORISED note. */
const toXeroStatus = (status: string) => (status === InvoiceStatus.PARTIALLY_PAID ? InvoiceStatus.AUTHORISED : status);

export const creditNotesEntity = defineEntity<"CreditNote", CreditNote>({
  entity: "CreditNote",
  filters: ["status", "contact", "dateRange", "updatedSince", "search"],
  hidden: [],
  guidIds: true,
  listing: {
    kind: "paged",
    sized: true,
    async fetch(api, filter, page, pageSize) {
      const statuses = [...new Set(statusesOf(filter, Object.values(InvoiceStatus)).map(toXeroStatus))];
      const where = and(
        statusWhere(statuses),
        filter.contactRemoteId ? guidEquals("Contact.ContactID", filter.contactRemoteId) : undefined,
        dateRange("Date", filter.dateFrom, filter.dateTo),
        filter.search ? or(contains("CreditNoteNumber", filter.search), contains("Reference", filter.search)) : undefined,
      );
      // https://developer.xero.com/documentation/api/accounting/creditnotes#get-creditnotes (unitdp=4: unit amounts unrounded)
      const body = await api.call({ what: "CreditNote" }, (x, tenant) =>
        x.getCreditNotes(tenant, sinceOf(filter), where, undefined, page, UNIT_DP, pageSize));
      return { records: body.creditNotes ?? [], itemCount: body.pagination?.itemCount };
    },
  },
  // https://developer.xero.com/documentation/api/accounting/creditnotes#get-creditnotes (single)
  lookup: lookupEach("CreditNote", (x, tenant, id) => x.getCreditNote(tenant, id, UNIT_DP), (body) => body.creditNotes),
  map: toUnifiedCreditNote,
});
