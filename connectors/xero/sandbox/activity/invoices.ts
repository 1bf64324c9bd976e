/** Sales invoices and bills through their life: raised, edited while draft, approved, voided, deleted. */
import { addDays } from "../books/dates.js";
import { writeInvoices } from "../books/writes/index.js";
import { isSettled } from "../books/writes/invoice-status.js";
import { contactFor, describeInvoice, dueIn, isDraft, pickOrNone } from "./choose.js";
import { billLine, lines, salesLine } from "./lines.js";
import type { Action, ActionContext, ActivityAction, ActivityKind } from "./types.js";
import type { XeroInvoice } from "../books/types.js";

const RECENT_DRAFTS = 12;

function done(kind: ActivityKind, invoice: XeroInvoice, summary: string): ActivityAction {
  return { kind, entity: "Invoice", id: invoice.InvoiceID, status: invoice.Status, summary };
}

export const createInvoice: Action = (ctx) => {
  const contact = contactFor(ctx, "sales");
  if (!contact) return undefined;
  const status = ctx.rng.weighted([["AUTHORISED", 6], ["DRAFT", 3], ["SUBMITTED", 1]] as const);
  const invoice = ctx.write(writeInvoices, {
    Type: "ACCREC", Contact: { ContactID: contact.ContactID }, Date: ctx.today, DueDate: dueIn(ctx, [7, 14, 30]),
    Status: status, LineAmountTypes: "Exclusive", Reference: `Order ${ctx.rng.int(1000, 9999)}`,
    LineItems: lines(ctx, salesLine, 3),
  }, "create");
  return invoice && done("create-invoice", invoice, `raised ${describeInvoice(invoice)} as ${invoice.Status}`);
};

export const createBill: Action = (ctx) => {
  const contact = contactFor(ctx, "purchases");
  if (!contact) return undefined;
  const status = ctx.rng.weighted([["AUTHORISED", 7], ["DRAFT", 3]] as const);
  const bill = ctx.write(writeInvoices, {
    Type: "ACCPAY", Contact: { ContactID: contact.ContactID }, InvoiceNumber: `SUP-${ctx.rng.int(10000, 99999)}`,
    Date: ctx.today, DueDate: dueIn(ctx, [14, 30]), Status: status, LineAmountTypes: "Exclusive",
    LineItems: lines(ctx, billLine, 2),
  }, "create");
  return bill && done("create-bill", bill, `entered ${describeInvoice(bill)} as ${bill.Status}`);
};

/** The most recent drafts: the ones still being worked on. */
function drafts(ctx: ActionContext): XeroInvoice[] {
  return ctx.books.invoices.filter(isDraft).sort((a, b) => (a.Date < b.Date ? -1 : a.Date > b.Date ? 1 : 0)).slice(-RECENT_DRAFTS);
}

export const editDraft: Action = (ctx) => {
  const draft = pickOrNone(ctx, drafts(ctx));
  if (!draft) return undefined;
  const change = ctx.rng.pick(["reference", "due date", "line"] as const);
  const element = change === "reference"
    ? { Reference: `Revised ${ctx.rng.int(100, 999)}` }
    : change === "due date"
      ? { DueDate: addDays(draft.DueDate ?? draft.Date, ctx.rng.pick([7, 14])) }
      : {
          LineItems: [
            ...draft.LineItems.map((l) => ({ LineItemID: l.LineItemID })),
            draft.Type === "ACCREC" ? salesLine(ctx, new Set(draft.LineItems.flatMap((l) => l.ItemCode ?? []))) : billLine(ctx, new Set()),
          ],
        };
  const edited = ctx.write(writeInvoices, { InvoiceID: draft.InvoiceID, ...element });
  return edited && done("edit-draft", edited, `changed the ${change} of draft ${describeInvoice(edited)}`);
};

export const approveDraft: Action = (ctx) => {
  // A document needs accounts on its priced lines before it can be approved.
  const ready = drafts(ctx).filter((i) => i.LineItems.length > 0 && i.LineItems.every((l) => l.AccountCode || l.Quantity * l.UnitAmount === 0));
  const draft = pickOrNone(ctx, ready);
  if (!draft) return undefined;
  const approved = ctx.write(writeInvoices, { InvoiceID: draft.InvoiceID, Status: "AUTHORISED", ...(draft.DueDate ? {} : { DueDate: dueIn(ctx, [14, 30]) }) });
  return approved && done("approve-draft", approved, `approved ${describeInvoice(approved)}`);
};

export const voidInvoice: Action = (ctx) => {
  const invoice = pickOrNone(ctx, ctx.books.invoices.filter((i) => i.Status === "AUTHORISED" && !isSettled(i)));
  if (!invoice) return undefined;
  const voided = ctx.write(writeInvoices, { InvoiceID: invoice.InvoiceID, Status: "VOIDED" });
  return voided && done("void-invoice", voided, `voided ${describeInvoice(voided)}`);
};

export const deleteDraft: Action = (ctx) => {
  const draft = pickOrNone(ctx, drafts(ctx));
  if (!draft) return undefined;
  const deleted = ctx.write(writeInvoices, { InvoiceID: draft.InvoiceID, Status: "DELETED" });
  return deleted && done("delete-draft", deleted, `deleted draft ${describeInvoice(deleted)}`);
};
