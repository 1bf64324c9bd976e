/**
 * The sandbox's books, kept in plain JSON-friendly rows (ISO dates, decimal strings). The wire
 * layer turns them into Daftra's shapes (numeric strings, display-format dates, model wrappers).
 */
export type Money = string;

export interface SiteRow {
  id: number;
  business_name: string;
  subdomain: string;
  country_code: string;
  currency_code: string;
  /** Display format of document dates on the wire, e.g. "dd/mm/yyyy". */
  date_format: string;
  timezone: string;
}

export interface PartyRow {
  id: number;
  number: string;
  /** 2 individual, 3 business. */
  type: 2 | 3;
  business_name: string;
  first_name: string;
  last_name: string;
  email: string;
  phone1: string;
  /** Absent in books saved before writes existed. */
  phone2?: string;
  address1: string;
  address2?: string;
  city: string;
  state: string;
  postal_code: string;
  country_code: string;
  default_currency_code: string;
  bn1: string;
  created: string;
  modified: string;
}

export interface ProductRow {
  id: number;
  name: string;
  description: string;
  product_code: string;
  unit_price: Money;
  buy_price: Money;
  tax1: number | null;
  /** 1 product, 2 service. */
  type: 1 | 2;
  status: 0 | 1;
  track_stock: 0 | 1;
  stock_balance: string;
  created: string;
  modified: string;
}

export interface TaxRow {
  id: number;
  name: string;
  value: string;
  included: 0 | 1;
  description: string;
}

export interface TreasuryRow {
  id: number;
  name: string;
  /** 1 bank, 3 cash. */
  type: 1 | 3;
  type_account_number: string;
  is_primary: 0 | 1;
  journal_account_id: number;
}

export interface JournalCatRow {
  id: number;
  code: string;
  name: string;
  parent_cat_ids: string;
}

export interface JournalAccountRow {
  id: number;
  code: string;
  name: string;
  journal_cat_id: number;
  parent_cat_ids: string;
  /** "0" debit-normal, "1" credit-normal (assumption; see ASSUMPTIONS.md). */
  type: 0 | 1;
  entity_type: string | null;
  entity_id: number | null;
}

export interface LineRow {
  id: number;
  product_id: number | null;
  item: string;
  description: string;
  unit_price: Money;
  quantity: string;
  tax1: number | null;
  /** Line discount: a percentage (`discount_type` 1) or an amount off the line (2). */
  discount?: string;
  discount_type?: 1 | 2;
}

export type DocKind = "invoice" | "estimate" | "credit_note" | "purchase_invoice";

export interface DocRow {
  id: number;
  kind: DocKind;
  no: string;
  /** Client id (sales documents) or supplier id (purchase invoices). */
  party_id: number;
  date: string;
  due_after: number;
  draft: 0 | 1;
  currency_code: string;
  notes: string;
  terms?: string;
  po_number?: string;
  /** Estimates only: "0" open, "1" accepted, "2" rejected, "3" invoiced (assumption). */
  status?: string;
  estimate_id?: number | null;
  lines: LineRow[];
  created: string;
  modified: string;
}

export interface PaymentRow {
  id: number;
  /** The invoice (sales) or purchase invoice it pays. */
  document_id: number;
  party_id: number;
  amount: Money;
  date: string;
  payment_method: string;
  treasury_id: number;
  /** 0 failed, 1 completed, 2 pending, 3 not completed. */
  status: 0 | 1 | 2 | 3;
  code: string;
  /** The payer's or bank's reference, where one was given. */
  transaction_id?: string;
  created: string;
  modified: string;
}

export interface ExpenseRow {
  id: number;
  is_income: 0 | 1;
  amount: Money;
  currency_code: string;
  vendor: string;
  category: string;
  date: string;
  note: string;
  client_id: number | null;
  tax1_id: number | null;
  treasury_id: number;
  journal_account_id: number;
  created: string;
  modified: string;
}

export interface JournalLineRow {
  id: number;
  journal_account_id: number;
  debit: Money;
  credit: Money;
  subkey: string;
  description: string;
}

export interface JournalRow {
  id: number;
  number: string;
  date: string;
  entity_type: string;
  entity_id: number;
  description: string;
  currency_code: string;
  lines: JournalLineRow[];
  created: string;
}

export interface DaftraBooks {
  site: SiteRow;
  clients: PartyRow[];
  suppliers: PartyRow[];
  products: ProductRow[];
  taxes: TaxRow[];
  treasuries: TreasuryRow[];
  journalCats: JournalCatRow[];
  journalAccounts: JournalAccountRow[];
  invoices: DocRow[];
  estimates: DocRow[];
  creditNotes: DocRow[];
  purchaseInvoices: DocRow[];
  invoicePayments: PaymentRow[];
  purchasePayments: PaymentRow[];
  /** Expenses and incomes share one table and id space (`is_income`). */
  expenses: ExpenseRow[];
  journals: JournalRow[];
  /** Manual stock movements (`/stock_transactions`); absent in books saved before writes existed. */
  stockTransactions?: StockTransactionRow[];
  /** Notes on records (`/notes`). */
  notes?: NoteRow[];
  /** Next id per table, for writes. */
  nextId: Record<string, number>;
  /** Steps the activity simulator has taken on these books (its draws are keyed on it). */
  activitySteps?: number;
}

export interface StockTransactionRow {
  id: number;
  product_id: number;
  store_id: number;
  /** 1 in, 2 out. */
  transaction_type: 1 | 2;
  quantity: string;
  price: Money;
  currency_code: string;
  date: string;
  /** 1 manual (the only kind the API creates here). */
  source_type: number;
  /** The account credited for stock in (or debited for stock out). */
  journal_account_id: number;
  notes: string;
  created: string;
}

export interface NoteRow {
  id: number;
  /** The kind of record it is on, as in `POST /notes/{type}/{id}` (e.g. "invoice", "client"). */
  item_type: string;
  item_id: number;
  description: string;
  created: string;
}
