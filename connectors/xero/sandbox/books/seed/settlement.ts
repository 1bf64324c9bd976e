import { addDays, daysBetween } from "../dates.js";
import { Decimal, money } from "../money.js";
import { addPayment, allocateCredit } from "../settle.js";
import type { DocumentStatus, XeroContact, XeroCreditNote, XeroInvoice } from "../types.js";
import { CODES } from "./chart.js";
import type { SeedContext } from "./context.js";
import { buildCreditNote } from "./documents.js";
import { groupedAmount } from "../money.js";
import { laterDate } from "./lifecycle.js";
import { newLine } from "./lines.js";

type Outcome = "full" | "partial" | "none";

function paymentOutcome(ctx: SeedContext, invoice: XeroInvoice): Outcome {
  const overdue = daysBetween(invoice.DueDate ?? invoice.Date, ctx.today);
  const age = daysBetween(invoice.Date, ctx.today);
  if (overdue > 15) return ctx.rng.weighted<Outcome>([["full", 90], ["partial", 6], ["none", 4]]);
  if (age > 7) return ctx.rng.weighted<Outcome>([["full", 45], ["partial", 15], ["none", 40]]);
  return ctx.rng.weighted<Outcome>([["full", 10], ["partial", 5], ["none", 85]]);
}

/** Pays `amount` into the business bank account and notes it in the document's history. */
export function seedPayment(ctx: SeedContext, target: XeroInvoice | XeroCreditNote, date: string, amount: number): void {
  const id = "InvoiceID" in target ? target.InvoiceID : target.CreditNoteID;
  addPayment(ctx.books, target, {
    PaymentID: ctx.guid(),
    account: ctx.account(CODES.bank),
    Date: date,
    Amount: amount,
    Reference: ctx.rng.chance(0.5) ? `PMT ${ctx.rng.int(100000, 999999)}` : undefined,
    IsReconciled: daysBetween(date, ctx.today) > 10 && ctx.rng.chance(0.85),
    UpdatedDateUTC: ctx.stamp(date),
  });
  const changes = target.Type === "ACCREC" ? "Payment Received" : target.Type === "ACCPAY" ? "Payment Made" : "Refund";
  target.UpdatedDateUTC = ctx.history(id, date, changes, `Payment of ${groupedAmount(amount)} on ${date}.`);
}

function portion(amount: number, from: number, to: number, ctx: SeedContext): number {
  const share = new Decimal(ctx.rng.int(from, to)).dividedBy(100);
  return money(new Decimal(amount).times(share).toDecimalPlaces(0));
}

/** Pays an approved invoice fully, partly or not at all, depending on its age. */
export function seedPayments(ctx: SeedContext, invoice: XeroInvoice, forcePaid = false): void {
  const outcome = forcePaid ? "full" : paymentOutcome(ctx, invoice);
  if (outcome === "none" || invoice.AmountDue <= 0) return;
  const first = laterDate(ctx, addDays(invoice.Date, 1), Math.max(daysBetween(invoice.Date, invoice.DueDate ?? invoice.Date) + 10, 3));
  const split = outcome === "partial" || ctx.rng.chance(0.15);
  const firstAmount = split ? portion(invoice.AmountDue, 20, 70, ctx) : invoice.AmountDue;
  if (firstAmount <= 0) return;
  seedPayment(ctx, invoice, first, firstAmount);
  if (outcome === "full" && invoice.AmountDue > 0) seedPayment(ctx, invoice, laterDate(ctx, first, 30), invoice.AmountDue);
}

/** Occasionally credits part of an approved invoice, allocating all, some or none of the credit. */
export function seedCreditNote(ctx: SeedContext, invoice: XeroInvoice, contact: XeroContact): void {
  // Credits never touch tracked stock, so inventory value and quantities stay in step.
  const source = invoice.LineItems.find((l) => l.AccountCode !== CODES.inventory && !isTracked(ctx, l.ItemCode));
  if (!source || !ctx.rng.chance(0.06)) return;
  const sales = invoice.Type === "ACCREC";
  const status = ctx.rng.weighted<DocumentStatus>([["AUTHORISED", 90], ["DRAFT", 6], ["VOIDED", 4]]);
  const partQuantity = source.Quantity > 1;
  const line = newLine(ctx, {
    Description: `Credit: ${source.Description ?? "adjustment"}`,
    Quantity: partQuantity ? Math.ceil(source.Quantity / 3) : source.Quantity,
    UnitAmount: partQuantity ? source.UnitAmount : money(new Decimal(source.UnitAmount).times(0.3)),
    AccountCode: source.AccountCode ?? (sales ? CODES.sales : CODES.cogs),
    TaxType: source.TaxType ?? "NONE",
  }, source.Tracking);
  const date = laterDate(ctx, invoice.Date, 15);
  const note = buildCreditNote(ctx, {
    type: sales ? "ACCRECCREDIT" : "ACCPAYCREDIT", contact, date, status, lat: invoice.LineAmountTypes, lines: [line],
    number: sales ? ctx.nextNumber("CN") : `SC-${ctx.rng.int(1000, 9999)}`,
    reference: invoice.InvoiceNumber,
  });
  ctx.books.creditNotes.push(note);
  const label = note.CreditNoteNumber ?? "Credit note";
  note.UpdatedDateUTC = ctx.history(note.CreditNoteID, date, "Created", `${label} for ${groupedAmount(note.Total)}.`);
  if (status === "DRAFT") return;
  note.UpdatedDateUTC = ctx.history(note.CreditNoteID, date, "Approved", `${label} approved.`);
  if (status === "VOIDED") {
    note.Status = "VOIDED";
    note.UpdatedDateUTC = ctx.history(note.CreditNoteID, laterDate(ctx, date, 10), "Voided", `${label} voided.`);
    return;
  }
  allocateSeededCredit(ctx, note, invoice);
}

function isTracked(ctx: SeedContext, itemCode: string | undefined): boolean {
  return !!itemCode && !!ctx.books.items.find((i) => i.Code === itemCode)?.IsTrackedAsInventory;
}

function allocateSeededCredit(ctx: SeedContext, note: XeroCreditNote, invoice: XeroInvoice): void {
  const use = ctx.rng.weighted<Outcome>([["full", 65], ["partial", 20], ["none", 15]]);
  if (use !== "none") {
    const amount = use === "full" ? note.Total : money(new Decimal(note.Total).dividedBy(2));
    allocateCredit(note, invoice, { AllocationID: ctx.guid(), Amount: Math.min(amount, invoice.AmountDue), Date: note.Date });
    const details = `${groupedAmount(amount)} of ${note.CreditNoteNumber ?? "credit note"} applied.`;
    note.UpdatedDateUTC = ctx.history(note.CreditNoteID, note.Date, "Credit Applied", details);
    invoice.UpdatedDateUTC = ctx.history(invoice.InvoiceID, note.Date, "Credit Note Applied", details);
  } else if (daysBetween(note.Date, ctx.today) > 30 && ctx.rng.chance(0.5)) {
    seedPayment(ctx, note, laterDate(ctx, addDays(note.Date, 5), 20), note.RemainingCredit);
  }
}
