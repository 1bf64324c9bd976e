/** Money moving: customers pay and suppliers get paid, credit is given, and the bank sees spend and receipts. */
import { groupedAmount, money } from "../books/money.js";
import { BILL_ACCOUNTS, CODES } from "../books/seed/chart.js";
import type { XeroInvoice } from "../books/types.js";
import { writeAllocations, writeBankTransactions, writeCreditNotes, writePayments } from "../books/writes/index.js";
import { contactFor, describeInvoice, isOpen, pickOrNone } from "./choose.js";
import type { Action, ActionContext } from "./types.js";

export const recordPayment: Action = (ctx) => {
  const invoice = pickOrNone(ctx, ctx.books.invoices.filter(isOpen));
  if (!invoice) return undefined;
  const part = ctx.rng.weighted([[1, 6], [0.5, 2], [0.3, 2]] as const);
  const amount = part === 1 ? invoice.AmountDue : Math.max(0.01, money(invoice.AmountDue * part));
  const payment = ctx.write(writePayments, {
    Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: CODES.bank }, Date: ctx.today, Amount: amount,
    Reference: invoice.Type === "ACCREC" ? `Deposit ${ctx.rng.int(100, 999)}` : "Bank transfer",
  }, "create");
  return payment && {
    kind: "record-payment", entity: "Payment", id: payment.PaymentID, status: payment.Status,
    summary: `${invoice.Status === "PAID" ? "paid" : "part-paid"} ${describeInvoice(invoice)}: ${groupedAmount(amount)}`,
  };
};

/** The account a credit against this document goes to: where its first line went, when that is income or expense. */
function creditAccount(ctx: ActionContext, invoice: XeroInvoice): string {
  const code = invoice.LineItems[0]?.AccountCode;
  const account = ctx.books.accounts.find((a) => a.Code === code);
  const fits = invoice.Type === "ACCREC" ? account?.Class === "REVENUE" : account?.Class === "EXPENSE";
  return fits && code ? code : invoice.Type === "ACCREC" ? CODES.sales : "429";
}

/** A credit note against an open invoice or bill (a discount agreed afterwards, goods sent back), usually applied to it. */
export const createCreditNote: Action = (ctx) => {
  const invoice = pickOrNone(ctx, ctx.books.invoices.filter((i) => isOpen(i) && i.AmountDue >= 20));
  if (!invoice) return undefined;
  const amount = money(Math.min(invoice.AmountDue, invoice.Total * ctx.rng.pick([0.1, 0.15, 0.25, 0.5])));
  const sales = invoice.Type === "ACCREC";
  const reason = ctx.rng.pick(sales ? ["Discount agreed", "Goods returned", "Service credit"] : ["Supplier discount", "Returned to supplier"]);
  const note = ctx.write(writeCreditNotes, {
    Type: sales ? "ACCRECCREDIT" : "ACCPAYCREDIT", Contact: { ContactID: invoice.Contact.ContactID },
    Date: ctx.today, Status: "AUTHORISED", LineAmountTypes: "Inclusive",
    Reference: `${reason} on ${invoice.InvoiceNumber ?? "bill"}`,
    LineItems: [{ Description: reason, Quantity: 1, UnitAmount: amount, AccountCode: creditAccount(ctx, invoice) }],
  }, "create");
  if (!note) return undefined;
  const applied = ctx.rng.chance(0.8) ? money(Math.min(note.RemainingCredit, invoice.AmountDue)) : 0;
  if (applied > 0) ctx.write((books, elements, opts) => writeAllocations(books, note, elements, opts), { Invoice: { InvoiceID: invoice.InvoiceID }, Amount: applied, Date: ctx.today });
  return {
    kind: "create-credit-note", entity: "CreditNote", id: note.CreditNoteID, status: note.Status,
    summary: `credit of ${groupedAmount(note.Total)} for ${describeInvoice(invoice)}${applied > 0 ? ", applied" : ""}`,
  };
};

export const spendMoney: Action = (ctx) => {
  const contact = contactFor(ctx, "purchases");
  if (!contact) return undefined;
  const [code, description] = ctx.rng.pick(BILL_ACCOUNTS);
  const tx = ctx.write(writeBankTransactions, {
    Type: "SPEND", Contact: { ContactID: contact.ContactID }, BankAccount: { Code: CODES.bank }, Date: ctx.today,
    LineAmountTypes: "Inclusive", Reference: "Card payment",
    LineItems: [{ Description: description, Quantity: 1, UnitAmount: ctx.rng.int(1500, 60000) / 100, AccountCode: code }],
  }, "create");
  return tx && { kind: "spend-money", entity: "BankTransaction", id: tx.BankTransactionID, status: tx.Status, summary: `spent ${groupedAmount(tx.Total)} at ${contact.Name} (${description})` };
};

export const receiveMoney: Action = (ctx) => {
  const contact = contactFor(ctx, "sales");
  if (!contact) return undefined;
  const interest = ctx.rng.chance(0.3);
  const line = interest
    ? { Description: "Interest received", Quantity: 1, UnitAmount: ctx.rng.int(500, 9000) / 100, AccountCode: CODES.interest }
    : { Description: "Cash sale", Quantity: 1, UnitAmount: ctx.rng.int(2000, 80000) / 100, AccountCode: CODES.sales };
  const tx = ctx.write(writeBankTransactions, {
    Type: "RECEIVE", Contact: { ContactID: contact.ContactID }, BankAccount: { Code: CODES.bank }, Date: ctx.today,
    LineAmountTypes: "Inclusive", LineItems: [line],
  }, "create");
  return tx && { kind: "receive-money", entity: "BankTransaction", id: tx.BankTransactionID, status: tx.Status, summary: `received ${groupedAmount(tx.Total)} from ${contact.Name} (${line.Description})` };
};
