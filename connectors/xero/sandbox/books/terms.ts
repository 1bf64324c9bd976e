import { addDays, addMonths, daysInMonth, endOfMonth } from "./dates.js";
import type { InvoiceType, XeroContact, XeroPaymentTermDetail } from "./types.js";

function dayOfMonth(monthDate: string, day: number): string {
  const last = daysInMonth(Number(monthDate.slice(0, 4)), Number(monthDate.slice(5, 7)));
  return `${monthDate.slice(0, 8)}${String(Math.min(Math.max(day, 1), last)).padStart(2, "0")}`;
}

/** Due date of a document dated `date` under Xero payment terms. */
export function dueDateFromTerms(terms: XeroPaymentTermDetail, date: string): string {
  switch (terms.Type) {
    case "DAYSAFTERBILLDATE": return addDays(date, terms.Day);
    case "DAYSAFTERBILLMONTH": return addDays(endOfMonth(date), terms.Day);
    case "OFCURRENTMONTH": return dayOfMonth(date, terms.Day);
    case "OFFOLLOWINGMONTH": return dayOfMonth(addMonths(date.slice(0, 8) + "01", 1), terms.Day);
  }
}

/** Due date from the contact's sales (ACCREC) or bills (ACCPAY) terms; undefined without terms. */
export function contactDueDate(contact: XeroContact, type: InvoiceType, date: string): string | undefined {
  const terms = type === "ACCREC" ? contact.PaymentTerms?.Sales : contact.PaymentTerms?.Bills;
  return terms ? dueDateFromTerms(terms, date) : undefined;
}
