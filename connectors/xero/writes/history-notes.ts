import type { AccountingApi, HistoryRecords } from "xero-node";
import type { EntityName } from "../../../src/connector/entities.js";
import type { NoteAdded, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { XeroApi } from "../client/xero-api.js";

type AddHistory = (x: AccountingApi, tenant: string, id: string, records: HistoryRecords, key?: string) => Promise<{ body: HistoryRecords }>;

/** Records whose history Xero lets an app add notes to, with the endpoint each lives under. https://developer.xero.com/documentation/api/accounting/historyandnotes */
const HISTORY: Partial<Record<EntityName, { endpoint: string; add: AddHistory }>> = {
  Contact: { endpoint: "Contacts", add: (x, t, id, r, k) => x.createContactHistory(t, id, r, k) },
  Invoice: { endpoint: "Invoices", add: (x, t, id, r, k) => x.createInvoiceHistory(t, id, r, k) },
  Bill: { endpoint: "Invoices", add: (x, t, id, r, k) => x.createInvoiceHistory(t, id, r, k) },
  CreditNote: { endpoint: "CreditNotes", add: (x, t, id, r, k) => x.createCreditNoteHistory(t, id, r, k) },
  Item: { endpoint: "Items", add: (x, t, id, r, k) => x.createItemHistory(t, id, r, k) },
  Payment: { endpoint: "Payments", add: (x, t, id, r, k) => x.createPaymentHistory(t, id, r, k) },
  PurchaseOrder: { endpoint: "PurchaseOrders", add: (x, t, id, r, k) => x.createPurchaseOrderHistory(t, id, r, k) },
  Quote: { endpoint: "Quotes", add: (x, t, id, r, k) => x.createQuoteHistory(t, id, r, k) },
  BankTransaction: { endpoint: "BankTransactions", add: (x, t, id, r, k) => x.createBankTransactionHistoryRecord(t, id, r, k) },
};

export const XERO_NOTE_ENTITIES = Object.keys(HISTORY) as EntityName[];

export async function addHistoryNote(api: XeroApi, entity: EntityName, remoteId: string, text: string, options: WriteOptions): Promise<WriteResult<NoteAdded>> {
  const target = HISTORY[entity]!;
  if (options.dryRun) {
    return { kind: "dryRun", request: { method: "PUT", path: `/api.xro/2.0/${target.endpoint}/${remoteId}/History`, body: { HistoryRecords: [{ Details: text }] } } };
  }
  const body = await api.call({ what: entity, id: remoteId }, (x, tenant) => target.add(x, tenant, remoteId, { historyRecords: [{ details: text }] }, options.idempotencyKey));
  const record = body.historyRecords?.[0];
  const addedAt = record?.dateUTC instanceof Date ? record.dateUTC.toISOString() : new Date().toISOString();
  return { kind: "done", record: { text: record?.details ?? text, addedAt } };
}
