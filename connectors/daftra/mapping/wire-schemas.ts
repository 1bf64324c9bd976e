/**
 * Daftra records as parsed at the boundary. v1 sends many numbers as strings and some as numbers,
 * so every scalar is read as text (or null) and converted where it is used. Unknown fields pass
 * through (they stay in `raw`).
 */
import { z } from "zod";

const blankToNull = (v: string | number | boolean | null | undefined) => (v === null || v === undefined || v === "" ? null : String(v));

/** A string, number or boolean → its text, or null when absent or empty. */
export const text = z.union([z.string(), z.number(), z.boolean()]).nullish().transform(blankToNull);
export const id = z.union([z.string().min(1), z.number()]).transform(String);
const rows = <T extends z.ZodTypeAny>(schema: T) => z.array(schema).nullish().transform((v) => v ?? []);
const loose = <T extends z.ZodRawShape>(shape: T) => z.object(shape).passthrough();

export const partySchema = loose({
  id, client_number: text, supplier_number: text, type: text, business_name: text, first_name: text, last_name: text,
  email: text, phone1: text, phone2: text, address1: text, address2: text, city: text, state: text, postal_code: text,
  country_code: text, default_currency_code: text, bn1: text, created: text, modified: text,
});
export type DaftraParty = z.output<typeof partySchema>;

export const lineSchema = loose({
  id: text, item: text, description: text, product_id: text, unit_price: text, quantity: text, tax1: text, tax2: text,
  summary_tax1: text, summary_tax2: text, subtotal: text, discount: text, discount_type: text,
  Product: loose({ id: text, product_code: text }).nullish(),
});
export type DaftraLine = z.output<typeof lineSchema>;

export const paymentSchema = loose({
  id, invoice_id: text, purchase_order_id: text, client_id: text, supplier_id: text, payment_method: text, amount: text,
  transaction_id: text, treasury_id: text, date: text, status: text, currency_code: text, code: text, created: text, modified: text,
});
export type DaftraPayment = z.output<typeof paymentSchema>;

export const documentSchema = loose({
  id, no: text, type: text, client_id: text, supplier_id: text, currency_code: text, date: text, issue_date: text,
  due_after: text, due_date: text, draft: text, payment_status: text, status: text, po_number: text, notes: text, terms: text,
  summary_subtotal: text, summary_discount: text, summary_tax1: text, summary_tax2: text, summary_total: text,
  summary_paid: text, summary_unpaid: text, summary_refund: text,
  client_business_name: text, client_first_name: text, client_last_name: text,
  supplier_business_name: text, supplier_first_name: text, supplier_last_name: text,
  created: text, modified: text,
  InvoiceItem: rows(lineSchema), PurchaseOrderItem: rows(lineSchema),
  InvoicePayment: rows(paymentSchema), PurchaseOrderPayment: rows(paymentSchema), Payment: rows(paymentSchema),
});
export type DaftraDocument = z.output<typeof documentSchema>;

export const productSchema = loose({
  id, name: text, description: text, product_code: text, barcode: text, unit_price: text, buy_price: text, type: text,
  status: text, track_stock: text, stock_balance: text, tax1: text, created: text, modified: text,
});
export type DaftraProduct = z.output<typeof productSchema>;

export const taxSchema = loose({ id, name: text, value: text, included: text, description: text });
export type DaftraTax = z.output<typeof taxSchema>;

export const journalAccountSchema = loose({
  id, code: text, name: text, journal_cat_id: text, parent_cat_ids: text, type: text, entity_type: text, entity_id: text, disabled: text,
  total_debit: text, total_credit: text,
});
export type DaftraJournalAccount = z.output<typeof journalAccountSchema>;

export const treasurySchema = loose({ id, name: text, type: text, type_name: text, type_account_number: text, is_primary: text, balance: text });
export type DaftraTreasury = z.output<typeof treasurySchema>;

export const expenseSchema = loose({
  id, amount: text, currency_code: text, vendor: text, category: text, date: text, note: text, client_id: text, is_income: text,
  tax1_id: text, tax1_name: text, tax1_value: text, tax1_amount: text, tax1_included: text,
  tax2_id: text, tax2_amount: text, tax2_included: text, treasury_id: text, journal_account_id: text, created: text, modified: text,
});
export type DaftraExpense = z.output<typeof expenseSchema>;

export const siteSchema = loose({ business_name: text, currency_code: text, country_code: text, date_format: text, subdomain: text });
export type DaftraSite = z.output<typeof siteSchema>;

export const journalLineSchema = loose({ id: text, journal_account_id: id, debit: text, credit: text, subkey: text, description: text });

export const journalSchema = loose({
  id, number: text, date: text, entity_type: text, entity_id: text, description: text, currency_code: text,
  JournalTransaction: rows(journalLineSchema),
});
export type DaftraJournal = z.output<typeof journalSchema>;
