import { daysBetween, longDate } from "../dates.js";
import { POSTED_STATUSES } from "../ledger/documents.js";
import { Decimal, formatAmount, sumDecimal } from "../money.js";
import type { XeroBooks, XeroContact, XeroCreditNote, XeroInvoice, XeroReport, XeroReportRow } from "../types.js";
import { report } from "./columns.js";
import { section } from "./rows.js";

export type AgedSide = "RECEIVABLES" | "PAYABLES";

export interface AgedByContactOptions {
  side: AgedSide;
  contact: XeroContact;
  /** Payments and allocations up to this date count ("Showing payments to"); defaults to today. */
  date?: string;
  /** Documents issued from this day (earlier ones make the opening balance); defaults to the contact's first document. */
  fromDate?: string;
  /** Documents issued up to this day; defaults to `date`. */
  toDate?: string;
  now: string;
}

/** One document as at the report date: credit notes carry negative amounts. */
interface AgedRow {
  id: string;
  idAttribute: "invoiceID" | "creditNoteID";
  date: string;
  number: string;
  dueDate?: string;
  total: Decimal;
  paid: Decimal;
  credited: Decimal;
  due: Decimal;
}

const SIDES = {
  RECEIVABLES: { invoice: "ACCREC", credit: "ACCRECCREDIT", id: "AgedReceivablesByContact", name: "Aged Receivables By Contact", numberHeader: "Number" },
  PAYABLES: { invoice: "ACCPAY", credit: "ACCPAYCREDIT", id: "AgedPayablesByContact", name: "Aged Payables By Contact", numberHeader: "Reference" },
} as const;

const wireDate = (date: string) => `${date}T00:00:00`;

/** `amount` in the organisation's currency at `rate` (document units per 1 base unit), to the cent, half away from zero. */
const inBase = (amount: Decimal.Value, rate: number) => new Decimal(amount).dividedBy(rate || 1).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * Each posted document of the contact on this side, with what was paid and credited on it by `date`,
 * in the organisation's currency: the document's total, and each payment and allocation on it, divided
 * by the document's CurrencyRate and rounded to the cent one by one.
 */
function agedRows(books: XeroBooks, opts: AgedByContactOptions, date: string): AgedRow[] {
  const side = SIDES[opts.side];
  const contactId = opts.contact.ContactID;
  const paidOn = new Map<string, Decimal.Value[]>();
  const push = (map: Map<string, Decimal.Value[]>, id: string, amount: Decimal.Value) => (map.get(id) ?? map.set(id, []).get(id)!).push(amount);
  for (const p of books.payments) {
    if (p.Status !== "AUTHORISED" || p.Date > date) continue;
    push(paidOn, p.Invoice?.InvoiceID ?? p.CreditNote?.CreditNoteID ?? "", p.Amount);
  }
  const creditedOn = new Map<string, Decimal.Value[]>();
  const notes = books.creditNotes.filter((n) => n.Type === side.credit && POSTED_STATUSES.has(n.Status));
  for (const note of notes) {
    for (const a of note.Allocations) {
      if (a.Date > date) continue;
      for (const id of [note.CreditNoteID, a.Invoice.InvoiceID]) push(creditedOn, id, a.Amount);
    }
  }
  const row = (doc: XeroInvoice | XeroCreditNote, id: string, number: string | undefined, sign: 1 | -1, idAttribute: AgedRow["idAttribute"]): AgedRow => {
    const converted = (amounts: Decimal.Value[] | undefined) => sumDecimal((amounts ?? []).map((a) => inBase(a, doc.CurrencyRate))).times(sign);
    const total = inBase(doc.Total, doc.CurrencyRate).times(sign);
    const paid = converted(paidOn.get(id));
    const credited = converted(creditedOn.get(id));
    return { id, idAttribute, date: doc.Date, number: number ?? "", dueDate: doc.DueDate, total, paid, credited, due: total.minus(paid).minus(credited) };
  };
  const ofContact = (doc: XeroInvoice | XeroCreditNote) => doc.Contact.ContactID === contactId && POSTED_STATUSES.has(doc.Status);
  return [
    ...books.invoices.filter((i) => i.Type === side.invoice && ofContact(i)).map((i) => row(i, i.InvoiceID, i.InvoiceNumber, 1, "invoiceID")),
    ...notes.filter(ofContact).map((n) => row(n, n.CreditNoteID, n.CreditNoteNumber, -1, "creditNoteID")),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number.localeCompare(b.number)));
}

function documentRow(row: AgedRow, date: string): XeroReportRow {
  const overdue = row.dueDate && row.dueDate < date ? `${daysBetween(row.dueDate, date)} days overdue` : "";
  const Attributes = [{ Id: row.idAttribute, Value: row.id }];
  const values = [wireDate(row.date), row.number, row.dueDate ? wireDate(row.dueDate) : "", overdue, ...[row.total, row.paid, row.credited, row.due].map((v) => formatAmount(v))];
  return { RowType: "Row", Cells: values.map((Value) => ({ Value, Attributes })) };
}

const summary = (title: string, amounts: Decimal[]): XeroReportRow =>
  ({ RowType: "SummaryRow", Cells: [{ Value: title }, { Value: "" }, { Value: "" }, { Value: "" }, ...amounts.map((v) => ({ Value: formatAmount(v) }))] });

/**
 * Xero's Aged Receivables / Payables By Contact: the contact's open documents issued from `fromDate`
 * to `toDate`, each with its total, what was paid and credited by `date`, and what is still due;
 * documents issued before `fromDate` make the opening balance. Credit notes show negative. Amounts are
 * in the organisation's currency: each document's total, payments and allocations at its CurrencyRate.
 */
export function agedByContact(books: XeroBooks, opts: AgedByContactOptions): XeroReport {
  const side = SIDES[opts.side];
  const date = opts.date ?? opts.now.slice(0, 10);
  const toDate = opts.toDate ?? date;
  const all = agedRows(books, opts, date).filter((r) => r.date <= toDate);
  const fromDate = opts.fromDate ?? all[0]?.date ?? toDate;
  const open = (r: AgedRow) => !r.due.isZero();
  const opening = sumDecimal(all.filter((r) => r.date < fromDate).map((r) => r.due));
  const shown = all.filter((r) => r.date >= fromDate && open(r));
  const totals = (["total", "paid", "credited", "due"] as const).map((k) => sumDecimal(shown.map((r) => r[k])));
  const closing = [...totals.slice(0, 3), opening.plus(totals[3]!)];

  const rows: XeroReportRow[] = [
    { RowType: "Header", Cells: ["Date", side.numberHeader, "Due Date", "", "Total", "Paid", "Credited", "Due"].map((Value) => ({ Value })) },
    section("", [{ RowType: "Row", Cells: [wireDate(fromDate), "Opening Balance", "", "", "", "", "", formatAmount(opening)].map((Value) => ({ Value })) }]),
    section("", [...shown.map((r) => documentRow(r, date)), summary("Total", totals)]),
    section("", [summary("Closing Balance", closing)]),
  ];
  const titles = ["Invoices", opts.contact.Name, `From ${longDate(fromDate)} to ${longDate(toDate)}`, `Showing payments to ${longDate(date)}`];
  return report(side.id, side.name, titles, opts.now, longDate(opts.now), rows);
}
