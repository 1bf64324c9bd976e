/**
 * History and notes: GET /{Endpoint}/{id}/History lists the record's history (oldest first),
 * PUT the same path `{"HistoryRecords":[{"Details":"…"}]}` adds notes. Notes are never edited.
 * https://developer.xero.com/documentation/api/accounting/historyandnotes
 */
import { addHistoryNotes, HISTORY_ENDPOINTS, type HistoryEndpoint } from "../books/writes/index.js";
import { requireScope } from "../identity/bearer.js";
import { parseJsonBody } from "../http/body.js";
import type { RequestContext } from "../http/context.js";
import { notFound, validationException } from "../http/errors.js";
import type { Reply } from "../http/reply.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { recordToWire, wireToRecord } from "../wire/dates.js";
import { envelopeReply } from "../wire/envelope.js";
import { BANK_TRANSACTIONS } from "./bank-transactions.route.js";
import { BANK_TRANSFERS } from "./bank-transfers.route.js";
import { CONTACTS } from "./contacts.route.js";
import { CREDIT_NOTES } from "./credit-notes.route.js";
import { INVOICES } from "./invoices.route.js";
import { ITEMS } from "./items.route.js";
import { PAYMENTS } from "./payments.route.js";
import { PURCHASE_ORDERS } from "./purchase-orders.route.js";
import { QUOTES } from "./quotes.route.js";
import { API_BASE, findRecord } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";
import { requestElements } from "./write-routes.js";

const PARENTS: Record<HistoryEndpoint, ResourceSpec> = {
  Invoices: INVOICES, CreditNotes: CREDIT_NOTES, Contacts: CONTACTS, Items: ITEMS, Payments: PAYMENTS,
  PurchaseOrders: PURCHASE_ORDERS, Quotes: QUOTES, BankTransactions: BANK_TRANSACTIONS, BankTransfers: BANK_TRANSFERS,
};

function endpointOf(ctx: RequestContext): HistoryEndpoint | undefined {
  return HISTORY_ENDPOINTS.find((name) => name.toLowerCase() === ctx.params.endpoint!.toLowerCase());
}

function getHistory(runtime: SandboxRuntime, ctx: RequestContext): Reply {
  const endpoint = endpointOf(ctx);
  if (!endpoint) return notFound();
  const parent = PARENTS[endpoint];
  requireScope(ctx.grant!, parent.scopes, "read");
  const record = findRecord(parent, runtime, ctx.params.id!) as Record<string, unknown> | undefined;
  if (!record) return notFound();
  const history = runtime.state.books.history[String(record[parent.idField])] ?? [];
  return envelopeReply(runtime.providerName, ctx.now, "HistoryRecords", history.map((h) => recordToWire(h, "HistoryRecord")));
}

function putHistory(runtime: SandboxRuntime, ctx: RequestContext): Reply {
  const endpoint = endpointOf(ctx);
  if (!endpoint) return notFound();
  requireScope(ctx.grant!, PARENTS[endpoint].scopes, "write");
  const elements = requestElements(parseJsonBody(ctx.rawBody), "HistoryRecords").map(wireToRecord);
  const results = addHistoryNotes(runtime.state.books, endpoint, ctx.params.id!, elements, { now: ctx.now.toISOString() });
  if (results.some((r) => !r.ok)) {
    return validationException(results.map((r) => (r.ok
      ? { ...recordToWire(r.record), ValidationErrors: [] }
      : { ...recordToWire((r.element ?? {}) as object), ValidationErrors: r.errors.map((Message) => ({ Message })) })));
  }
  runtime.changed();
  return envelopeReply(runtime.providerName, ctx.now, "HistoryRecords", results.flatMap((r) => (r.ok ? [recordToWire(r.record)] : [])));
}

export function historyRoutes(runtime: SandboxRuntime): Route[] {
  return [
    route("GET", `${API_BASE}/:endpoint/:id/History`, (ctx) => getHistory(runtime, ctx)),
    route("PUT", `${API_BASE}/:endpoint/:id/History`, (ctx) => putHistory(runtime, ctx)),
  ];
}
