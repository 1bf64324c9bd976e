/**
 * Unified inputs → Daftra bodies for payments, expenses, products, stock transactions and notes.
 * Ids are already resolved (treasury, ledger account, product) by the writer; these stay pure.
 */
import type { ExpenseInput, ItemInput, PaymentInput, StockAdditionInput } from "../../../src/connector/inputs.js";
import { unprefixId } from "./common.js";

/** A payment against a sales invoice, received into a treasury. https://docs.daftara.dev/15115307e0 */
export function toDaftraInvoicePayment(input: PaymentInput, treasury: { id: string; method: string }): Record<string, unknown> {
  const payment: Record<string, unknown> = {
    invoice_id: input.documentRemoteId, amount: input.amount, date: input.date, payment_method: treasury.method, treasury_id: treasury.id, status: 1,
  };
  if (input.reference) payment.transaction_id = input.reference;
  return { InvoicePayment: payment };
}

/** Resolved ids an expense body needs. */
export interface ExpenseIds {
  treasuryId?: string;
  journalAccountId?: string;
}

/**
 * Expense fields (or changes) → the `Expense`/`Income` record. The amount is before tax, so the body
 * says `tax1_included: 0` and Daftra adds the tax.
 */
export function toDaftraExpenseFields(input: Partial<ExpenseInput>, ids: ExpenseIds): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  if (input.amount !== undefined) Object.assign(record, { amount: input.amount, tax1_included: 0 });
  if (input.taxRateCode !== undefined) record.tax1_id = input.taxRateCode ?? "";
  if (input.date !== undefined) record.date = input.date;
  if (input.description !== undefined) record.note = input.description ?? "";
  if (input.category !== undefined) record.category = input.category ?? "";
  if (input.currency) record.currency_code = input.currency;
  if (input.contactRemoteId !== undefined) record.client_id = input.contactRemoteId ? (unprefixId("client", input.contactRemoteId) ?? input.contactRemoteId) : "";
  if (ids.treasuryId) record.treasury_id = ids.treasuryId;
  if (ids.journalAccountId) record.journal_account_id = ids.journalAccountId;
  return record;
}

/** A product (type 1); tracked items keep a stock balance. Daftra's products carry no account codes. */
export function toDaftraProduct(input: ItemInput): Record<string, unknown> {
  const product: Record<string, unknown> = { name: input.name, product_code: input.code, type: 1, track_stock: input.isTracked ? 1 : 0 };
  if (input.description) product.description = input.description;
  if (input.salesUnitPrice) product.unit_price = input.salesUnitPrice;
  if (input.purchaseUnitPrice) product.buy_price = input.purchaseUnitPrice;
  if (input.taxRateCode) product.tax1 = input.taxRateCode;
  return { Product: product };
}

/** Stock in (transaction type 1, manual source 1) at a unit price, against a counter account where one is named. */
export function toDaftraStockIn(input: StockAdditionInput, resolved: { price: string; date: string; journalAccountId?: string }): Record<string, unknown> {
  const transaction: Record<string, unknown> = {
    product_id: input.itemRemoteId, transaction_type: 1, source_type: 1, quantity: input.quantity, price: resolved.price, date: resolved.date,
  };
  if (input.warehouseRemoteId) transaction.store_id = input.warehouseRemoteId;
  if (resolved.journalAccountId) transaction.journal_account_id = resolved.journalAccountId;
  if (input.note) transaction.notes = input.note;
  return { StockTransaction: transaction };
}

export const toDaftraNote = (text: string) => ({ Note: { description: text } });
