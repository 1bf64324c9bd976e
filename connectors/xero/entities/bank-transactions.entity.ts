import type { BankTransaction } from "xero-node";
import { toUnifiedBankTransaction } from "../mapping/to-bank-transaction.js";
import { statusesOf, statusWhere } from "../query/filters.js";
import { and, contains, dateRange, guidEquals } from "../query/where.js";
import { UNIT_DP } from "../writes/unit-dp.js";
import { defineEntity, sinceOf, lookupEach } from "./xero-entity.js";

const STATUSES = ["AUTHORISED", "DELETED", "VOIDED"];

export const bankTransactionsEntity = defineEntity<"BankTransaction", BankTransaction>({
  entity: "BankTransaction",
  filters: ["status", "contact", "dateRange", "updatedSince", "search"],
  hidden: [],
  guidIds: true,
  listing: {
    kind: "paged",
    sized: true,
    async fetch(api, filter, page, pageSize) {
      const where = and(
        statusWhere(statusesOf(filter, STATUSES)),
        filter.contactRemoteId ? guidEquals("Contact.ContactID", filter.contactRemoteId) : undefined,
        dateRange("Date", filter.dateFrom, filter.dateTo),
        filter.search ? contains("Reference", filter.search) : undefined,
      );
      // https://developer.xero.com/documentation/api/accounting/banktransactions#get-banktransactions (unitdp=4: unit amounts unrounded)
      const body = await api.call({ what: "BankTransaction" }, (x, tenant) =>
        x.getBankTransactions(tenant, sinceOf(filter), where, undefined, page, UNIT_DP, pageSize));
      return { records: body.bankTransactions ?? [], itemCount: body.pagination?.itemCount };
    },
  },
  // https://developer.xero.com/documentation/api/accounting/banktransactions#get-banktransactions (single)
  lookup: lookupEach("BankTransaction", (x, tenant, id) => x.getBankTransaction(tenant, id, UNIT_DP), (body) => body.bankTransactions),
  map: toUnifiedBankTransaction,
});
