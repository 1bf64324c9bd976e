import { BankTransaction as XeroBankTransaction, Invoice as XeroInvoice, type Item as XeroItem, type LineItem } from "xero-node";
import type { StockAdditionInput } from "../../../src/connector/inputs.js";
import type { ActionResults, ProviderRequest, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import { badUserInput, type FieldProblem } from "../../../src/errors/index.js";
import { Decimal, decimalString } from "../../../src/money/decimal.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { toUnifiedItem } from "../mapping/to-item.js";
import { toWireJson } from "../mapping/wire-json.js";
import { bankTransactionRequest, putBankTransaction } from "./bank-transactions.js";
import { readItem } from "./items.js";
import { missingRecord } from "./missing-record.js";
import { UNIT_DP, withUnitDp } from "./unit-dp.js";
import { wireDecimal } from "../client/exact-decimals.js";

type StockResult = ActionResults["addStock"];

/** The purchase that brings the stock in: spend money when a bank account is given, else an approved bill. */
type Purchase = { kind: "bank"; model: XeroBankTransaction } | { kind: "bill"; model: XeroInvoice };

function inputProblems(input: StockAdditionInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!new Decimal(input.quantity).gt(0)) problems.push({ field: "quantity", message: "must be a number greater than zero." });
  if (!input.contactRemoteId) problems.push({ field: "contactId", message: "is required: Xero adds stock through a purchase from a supplier (a bill, or spend money when bankAccountCode is given)." });
  return problems;
}

function purchaseOf(input: StockAdditionInput, item: XeroItem, date: string): Purchase {
  const cost = input.unitCost ?? decimalString(item.purchaseDetails?.unitPrice);
  if (cost === null || cost === undefined) throw badUserInput([{ field: "unitCost", message: "is required: the item has no purchase price in Xero." }]);
  const line: LineItem = { itemCode: item.code, description: input.note ?? item.purchaseDescription ?? item.name, quantity: wireDecimal(input.quantity), unitAmount: wireDecimal(cost) };
  const contact = { contactID: input.contactRemoteId! };
  if (input.bankAccountCode) {
    const model: XeroBankTransaction = { type: XeroBankTransaction.TypeEnum.SPEND, status: XeroBankTransaction.StatusEnum.AUTHORISED, contact, bankAccount: { code: input.bankAccountCode }, date, lineItems: [line] };
    if (input.note) model.reference = input.note;
    return { kind: "bank", model };
  }
  // A bill due on its date: Xero needs a due date to approve it when the supplier has no terms.
  const model: XeroInvoice = { type: XeroInvoice.TypeEnum.ACCPAY, status: XeroInvoice.StatusEnum.AUTHORISED, contact, date, dueDate: date, lineItems: [line] };
  return { kind: "bill", model };
}

function requestOf(purchase: Purchase): ProviderRequest {
  if (purchase.kind === "bank") return bankTransactionRequest(purchase.model);
  return { method: "PUT", path: withUnitDp("/api.xro/2.0/Invoices?summarizeErrors=true"), body: { Invoices: [toWireJson(purchase.model, "Invoice")] } };
}

async function send(api: XeroApi, purchase: Purchase, options: WriteOptions): Promise<string> {
  if (purchase.kind === "bank") return `bank transaction ${(await putBankTransaction(api, purchase.model, options)).bankTransactionID}`;
  const body = await api.call({ what: "Bill" }, (x, tenant) => x.createInvoices(tenant, { invoices: [purchase.model] }, true, UNIT_DP, options.idempotencyKey));
  const bill = body.invoices?.[0];
  if (!bill) throw missingRecord("bill", "List bills");
  return `bill ${bill.invoiceNumber || bill.invoiceID}`;
}

/**
 * Xero has no stock adjustment: tracked stock rises when the item is bought. This buys it (one line
 * with the item, the quantity and the unit cost, defaulting to the item's purchase price) and
 * returns the item with its new quantity on hand. The item is read first, to refuse untracked items
 * and to learn its code; a dry run makes that one read and sends nothing. Xero keeps no stock per
 * warehouse, so `warehouseRemoteId` is not used.
 * https://developer.xero.com/documentation/api/accounting/items
 */
export async function addStock(api: XeroApi, input: StockAdditionInput, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<StockResult>> {
  const problems = inputProblems(input);
  if (problems.length) throw badUserInput(problems);
  const item = await readItem(api, input.itemRemoteId);
  if (!item.isTrackedAsInventory) {
    throw badUserInput([{ field: "itemId", message: `is item ${item.code ?? input.itemRemoteId}, which Xero does not track as inventory: stock can only be added to tracked items (with an inventory asset account).` }]);
  }
  const purchase = purchaseOf(input, item, input.date ?? ctx.now.toISOString().slice(0, 10));
  if (options.dryRun) return { kind: "dryRun", request: requestOf(purchase) };
  const via = await send(api, purchase, options);
  const now = await readItem(api, input.itemRemoteId);
  return { kind: "done", record: { item: toUnifiedItem(now, ctx), quantityAdded: decimalString(input.quantity)!, via } };
}
