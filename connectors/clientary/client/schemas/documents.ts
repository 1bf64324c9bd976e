import { z } from "zod";
import { optionalId, stamps, wireFlag, wireId, wireNumber, wireText } from "./common.js";

const itemSchema = z.object({ id: optionalId, title: wireText, price: wireNumber, quantity: wireNumber, taxable: wireFlag, item_type: wireNumber }).passthrough();
export type ClientaryItem = z.output<typeof itemSchema>;

const documentFields = {
  id: wireId, number: z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? null : String(v))),
  title: wireText, date: wireText, client_id: optionalId, client: z.object({ id: wireId, name: wireText }).passthrough().nullish(),
  project_id: optionalId, note: wireText, po: wireText, summary: wireText, status: z.union([z.number(), z.string()]).nullish(), currency_code: wireText,
  tax: wireNumber, tax2: wireNumber, tax3: wireNumber, compound_tax: wireFlag, subtotal: wireNumber, total_cost: wireNumber, ...stamps,
};

/** https://www.clientary.com/api/invoices */
export const invoiceSchema = z.object({
  ...documentFields, due_date: wireText, total_payments: wireNumber, balance: wireNumber, invoice_items: z.array(itemSchema).nullish(),
  payments: z.array(z.object({ id: wireId, amount: wireNumber, note: wireText, received_on: wireText }).passthrough()).nullish(),
}).passthrough();
export type ClientaryInvoice = z.output<typeof invoiceSchema>;

/** https://www.clientary.com/api/estimates */
export const estimateSchema = z.object({ ...documentFields, estimate_items: z.array(itemSchema).nullish() }).passthrough();
export type ClientaryEstimate = z.output<typeof estimateSchema>;

/** https://www.clientary.com/api/payments */
export const paymentSchema = z.object({
  id: wireId, invoice_id: optionalId, amount: wireNumber, note: wireText, received_on: wireText, transaction_id: wireText, transaction_fee_amount: wireNumber, ...stamps,
  /** Not Clientary's: the paid invoice's client and number, joined by the adapter (kept if Clientary ever embeds it). */
  invoice: z.object({ client_id: optionalId, number: z.union([z.string(), z.number()]).nullish() }).passthrough().nullish(),
}).passthrough();
export type ClientaryPayment = z.output<typeof paymentSchema>;

/** https://www.clientary.com/api/expenses */
export const expenseSchema = z.object({
  id: wireId, amount: wireNumber, description: wireText, incurred_on: wireText, client_id: optionalId, project_id: optionalId,
  invoice_id: optionalId, invoice_item_id: optionalId, user_id: optionalId, ...stamps,
}).passthrough();
export type ClientaryExpense = z.output<typeof expenseSchema>;
