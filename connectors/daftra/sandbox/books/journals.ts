import { Decimal } from "decimal.js";
import { ACCOUNTS } from "./seed/chart.js";
import { docTotals } from "./totals.js";
import type { DaftraBooks, DocRow, ExpenseRow, JournalLineRow, JournalRow, Money, PaymentRow, StockTransactionRow } from "./types.js";

/** Every record that posts an automatic journal. */
export type PostingRecord = DocRow | PaymentRow | ExpenseRow | StockTransactionRow;

type Leg = [accountId: number, debit: Money | Decimal, credit: Money | Decimal, subkey: string];

const treasuryAccount = (books: DaftraBooks, treasuryId: number) =>
  books.treasuries.find((t) => t.id === treasuryId)?.journal_account_id ?? books.treasuries[0]!.journal_account_id;

/** Tax included in an expense amount (expenses are recorded gross). */
export function expenseTax(books: DaftraBooks, expense: ExpenseRow): Decimal {
  const tax = books.taxes.find((t) => t.id === expense.tax1_id);
  if (!tax) return new Decimal(0);
  const rate = new Decimal(tax.value);
  return new Decimal(expense.amount).times(rate).dividedBy(rate.plus(100)).toDecimalPlaces(2);
}

/** The legs each financial document posts, by Daftra's journal `entity_type`. */
function legsOf(books: DaftraBooks, entityType: string, record: PostingRecord): Leg[] {
  if ("lines" in record) {
    const t = docTotals(record, books);
    if (entityType === "invoice") return [[ACCOUNTS.receivable, t.total, "0", "client"], [ACCOUNTS.sales, "0", t.subtotal, "income"], [ACCOUNTS.outputTax, "0", t.tax, "income_tax"]];
    if (entityType === "credit_note") return [[ACCOUNTS.sales, t.subtotal, "0", "income"], [ACCOUNTS.outputTax, t.tax, "0", "income_tax"], [ACCOUNTS.receivable, "0", t.total, "client"]];
    return [[ACCOUNTS.purchases, t.subtotal, "0", "expense"], [ACCOUNTS.inputTax, t.tax, "0", "outcome_tax"], [ACCOUNTS.payable, "0", t.total, "supplier"]];
  }
  if ("transaction_type" in record) {
    const value = new Decimal(record.price).times(record.quantity).toDecimalPlaces(2);
    const legs: Leg[] = [[ACCOUNTS.inventory, value, "0", "store"], [record.journal_account_id, "0", value, "stock_adjustment"]];
    return record.transaction_type === 1 ? legs : legs.map(([account, debit, credit, subkey]) => [account, credit, debit, subkey]);
  }
  if ("document_id" in record) {
    const cash = treasuryAccount(books, record.treasury_id);
    return entityType === "invoice_payment"
      ? [[cash, record.amount, "0", "treasury"], [ACCOUNTS.receivable, "0", record.amount, "client"]]
      : [[ACCOUNTS.payable, record.amount, "0", "supplier"], [cash, "0", record.amount, "treasury"]];
  }
  const cash = treasuryAccount(books, record.treasury_id);
  const tax = expenseTax(books, record);
  const net = new Decimal(record.amount).minus(tax);
  return record.is_income
    ? [[cash, record.amount, "0", "treasury"], [record.journal_account_id, "0", net, "income_category"], [ACCOUNTS.outputTax, "0", tax, "income_tax"]]
    : [[record.journal_account_id, net, "0", "expense_category"], [ACCOUNTS.inputTax, tax, "0", "outcome_tax"], [cash, "0", record.amount, "treasury"]];
}

function journal(books: DaftraBooks, entityType: string, entityId: number, date: string, description: string, legs: Leg[]): JournalRow {
  const id = (books.nextId.journal ?? 1);
  books.nextId.journal = id + 1;
  const lines: JournalLineRow[] = legs
    .filter(([, debit, credit]) => !new Decimal(debit).isZero() || !new Decimal(credit).isZero())
    .map(([accountId, debit, credit, subkey]) => ({
      id: (books.nextId.journal_transaction = (books.nextId.journal_transaction ?? 0) + 1),
      journal_account_id: accountId,
      debit: new Decimal(debit).toFixed(2),
      credit: new Decimal(credit).toFixed(2),
      subkey,
      description,
    }));
  return { id, number: String(id).padStart(6, "0"), date, entity_type: entityType, entity_id: entityId, description, currency_code: books.site.currency_code, lines, created: `${date} 00:00:00` };
}

/** The automatic journal of one financial record, by Daftra's `entity_type`. */
export const journalFor = (books: DaftraBooks, type: string, id: number, date: string, description: string, record: PostingRecord) =>
  journal(books, type, id, date, description, legsOf(books, type, record));

/** Drops the automatic journal of one record (it was deleted, or went back to draft). */
export function unpost(books: DaftraBooks, entityType: string, entityId: number): void {
  for (let i = books.journals.length - 1; i >= 0; i--) {
    const j = books.journals[i]!;
    if (j.entity_type === entityType && j.entity_id === entityId) books.journals.splice(i, 1);
  }
}

/** Re-posts one record after an edit: its old journal goes, a new one follows unless `record` is null (drafts post nothing). */
export function repost(books: DaftraBooks, entityType: string, entityId: number, description: string, record: PostingRecord | null): void {
  unpost(books, entityType, entityId);
  if (record) books.journals.push(journalFor(books, entityType, entityId, record.date, description, record));
}

/** Posts every non-draft financial document, completed payment, expense and income (drafts and estimates post nothing). */
export function postJournals(books: DaftraBooks, opening: { date: string; amount: Money }): void {
  const out: JournalRow[] = [];
  const post = (type: string, id: number, date: string, description: string, record: PostingRecord) =>
    out.push(journalFor(books, type, id, date, description, record));
  out.push(journal(books, "opening_balance", 0, opening.date, "Opening capital", [[treasuryAccount(books, 1), opening.amount, "0", "treasury"], [ACCOUNTS.capital, "0", opening.amount, "equity"]]));
  for (const d of books.invoices.filter((d) => !d.draft)) post("invoice", d.id, d.date, `Invoice #${d.no}`, d);
  for (const d of books.creditNotes.filter((d) => !d.draft)) post("credit_note", d.id, d.date, `Credit Note #${d.no}`, d);
  for (const d of books.purchaseInvoices.filter((d) => !d.draft)) post("purchase_order", d.id, d.date, `Purchase Invoice #${d.no}`, d);
  for (const p of books.invoicePayments.filter((p) => p.status === 1)) post("invoice_payment", p.id, p.date, `Payment #${p.code}`, p);
  for (const p of books.purchasePayments.filter((p) => p.status === 1)) post("purchase_order_payment", p.id, p.date, `Purchase payment #${p.code}`, p);
  for (const e of books.expenses) post(e.is_income ? "income" : "expense", e.id, e.date, e.note, e);
  books.journals = out.sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
}
