/** Estimates, invoices (drafted, sent, edited, deleted while draft) and payments, through the books' own writes. */
import { Decimal } from "decimal.js";
import { invoiceView } from "../books/invoice-view.js";
import { addDays, dashDate } from "../books/seed/calendar.js";
import { SERVICES } from "../books/seed/names.js";
import { CLIENT, INVOICE } from "../books/status-codes.js";
import type { InvoiceRecord, PartyRecord } from "../books/types.js";
import { createEstimate } from "../books/writes/estimates.js";
import { createInvoice, deleteInvoice, updateInvoice } from "../books/writes/invoices.js";
import { sendMessage } from "../books/writes/messages.js";
import { addPayment } from "../books/writes/payments.js";
import { pickWhere, slug, type ActivityAction, type ActivityContext } from "./context.js";

/** One to three service lines, as nested attributes. */
function lines(ctx: ActivityContext, count = ctx.random.int(1, 3)) {
  return Array.from({ length: count }, () => {
    const [title, low, high] = ctx.random.pick(SERVICES);
    const hourly = title === "Consulting hours";
    return { title, quantity: hourly ? ctx.random.int(2, 16) / 2 : ctx.random.int(1, 2), price: ctx.random.amount(low, high), taxable: ctx.random.chance(0.5), item_type: 3 };
  });
}

/** The header of a new document for `party`: today, the account's currency, sales tax where the seed charges it, sometimes the party's project. */
function header(ctx: ActivityContext, party: PartyRecord) {
  const taxed = Number(party.zip ?? 0) % 2 === 1;
  const project = ctx.random.chance(0.5) ? pickWhere(ctx, ctx.books.projects, (p) => p.client_id === party.id) : undefined;
  return {
    client_id: party.id, date: ctx.today(), currency_code: ctx.books.account.currency, tax: taxed ? 8.5 : 0, tax_label: taxed ? "Sales tax" : null,
    ...(project ? { project_id: project.id, title: project.name } : {}),
  };
}

const isDraft = (i: InvoiceRecord) => i.status === INVOICE.DRAFT;
const isOpen = (i: InvoiceRecord) => i.status === INVOICE.SENT || i.status === INVOICE.VIEWED;
const activeClient = (ctx: ActivityContext) => pickWhere(ctx, ctx.books.clients, (c) => c.status === CLIENT.ACTIVE);

/** Whom an invoice is emailed to: the client's contacts, else its accounts address. */
function recipientsOf(ctx: ActivityContext, invoice: InvoiceRecord): string[] {
  const emails = ctx.books.contacts.filter((c) => c.client_id === invoice.client_id).map((c) => c.email);
  const client = ctx.books.clients.find((c) => c.id === invoice.client_id);
  return emails.length ? emails : [`accounts@${slug(client?.name ?? "client")}.example`];
}

/** How an invoice is edited: a draft gains a line, a sent one is viewed, an open one gets more time or a PO number. */
function invoiceChanges(ctx: ActivityContext, invoice: InvoiceRecord): Record<string, unknown> {
  if (isDraft(invoice)) return { invoice_items_attributes: lines(ctx, 1) };
  const roll = ctx.random.next();
  if (invoice.status === INVOICE.SENT && roll < 0.4) return { status: INVOICE.VIEWED };
  if (roll < 0.8) {
    const due = dashDate(invoice.due_date);
    return { due_date: addDays(due > ctx.today() ? due : ctx.today(), 14) };
  }
  return { po: `PO-${ctx.random.int(1000, 9999)}` };
}

/** Paid in full, or a part (30–70 %) of what is due; small balances always in full. */
function paymentAmount(ctx: ActivityContext, balance: number): number {
  if (balance < 10 || ctx.random.chance(0.6)) return balance;
  return new Decimal(balance).times(ctx.random.int(30, 70)).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

const dueBalance = (ctx: ActivityContext, invoice: InvoiceRecord) => invoiceView(ctx.books, invoice).balance;

export const salesActions: ActivityAction[] = [
  {
    kind: "estimate.created",
    weight: 5,
    possible: (ctx) => ctx.books.clients.length + ctx.books.leads.length > 0,
    run(ctx) {
      const toLead = ctx.books.leads.length > 0 && (ctx.books.clients.length === 0 || ctx.random.chance(0.4));
      const party = toLead ? ctx.random.pick(ctx.books.leads) : activeClient(ctx) ?? ctx.random.pick(ctx.books.clients);
      const estimate = createEstimate(ctx.books, { ...header(ctx, party), status: ctx.random.pick([0, 1]), estimate_items_attributes: lines(ctx) }, ctx.now());
      return [{ kind: "estimate.created", entity: "estimate", id: estimate.id }];
    },
  },
  {
    kind: "invoice.created",
    weight: 10,
    possible: (ctx) => activeClient(ctx) !== undefined,
    run(ctx) {
      const client = activeClient(ctx)!;
      const due = addDays(ctx.today(), ctx.random.pick([15, 30, 30, 45]));
      const invoice = createInvoice(ctx.books, { ...header(ctx, client), due_date: due, invoice_items_attributes: lines(ctx) }, ctx.now());
      return [{ kind: "invoice.created", entity: "invoice", id: invoice.id }];
    },
  },
  {
    kind: "invoice.sent",
    weight: 7,
    possible: (ctx) => ctx.books.invoices.some(isDraft),
    run(ctx) {
      const invoice = pickWhere(ctx, ctx.books.invoices, isDraft)!;
      sendMessage(ctx.books, "invoice", invoice, { recipients: recipientsOf(ctx, invoice) }, ctx.after(invoice.updated_at));
      return [{ kind: "invoice.sent", entity: "invoice", id: invoice.id }];
    },
  },
  {
    kind: "invoice.updated",
    weight: 6,
    possible: (ctx) => ctx.books.invoices.some((i) => isDraft(i) || isOpen(i)),
    run(ctx) {
      const invoice = pickWhere(ctx, ctx.books.invoices, (i) => isDraft(i) || isOpen(i))!;
      updateInvoice(ctx.books, invoice, invoiceChanges(ctx, invoice), ctx.after(invoice.updated_at));
      return [{ kind: "invoice.updated", entity: "invoice", id: invoice.id }];
    },
  },
  {
    kind: "payment.received",
    weight: 10,
    possible: (ctx) => ctx.books.invoices.some((i) => isOpen(i) && dueBalance(ctx, i) > 0),
    run(ctx) {
      const invoice = pickWhere(ctx, ctx.books.invoices, (i) => isOpen(i) && dueBalance(ctx, i) > 0)!;
      const payment = addPayment(ctx.books, invoice, {
        amount: paymentAmount(ctx, dueBalance(ctx, invoice)), received_on: ctx.today(), note: ctx.random.pick(["Check", "ACH transfer", "Bank transfer", null]),
      }, ctx.after(invoice.updated_at));
      return [{ kind: "payment.received", entity: "payment", id: payment.id }];
    },
  },
  {
    kind: "invoice.deleted",
    weight: 2,
    possible: (ctx) => ctx.books.invoices.some(isDraft),
    run(ctx) {
      const invoice = pickWhere(ctx, ctx.books.invoices, isDraft)!;
      deleteInvoice(ctx.books, invoice);
      return [{ kind: "invoice.deleted", entity: "invoice", id: invoice.id }];
    },
  },
];
