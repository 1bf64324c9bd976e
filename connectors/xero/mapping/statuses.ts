import { Decimal } from "decimal.js";
import { Invoice as XeroInvoice, LineAmountTypes, QuoteLineAmountTypes } from "xero-node";
import { LineAmountType } from "../../../schema/common/document.type.js";
import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import { QuoteStatus } from "../../../schema/quote/quote.type.js";
import { PurchaseOrderStatus } from "../../../schema/purchase-order/purchase-order.type.js";
import { ContactStatus } from "../../../schema/contact/contact.type.js";
import { PaymentStatus } from "../../../schema/payment/payment.type.js";
import { AccountClass, AccountStatus } from "../../../schema/account/account.type.js";

/** xero-node types its enums as numeric but they are strings at runtime; read them as text. */
const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));

function lookup<T>(table: Record<string, T>, value: unknown, fallback: T): T {
  return table[text(value).toUpperCase()] ?? fallback;
}

const positive = (n: number | undefined) => n !== undefined && new Decimal(n).greaterThan(0);

/** Xero's document status; AUTHORISED with something paid or credited is PARTIALLY_PAID. */
export function toInvoiceStatus(status: unknown, amountPaid?: number, amountCredited?: number): InvoiceStatus {
  const unified = lookup<InvoiceStatus>(InvoiceStatus, status, InvoiceStatus.DRAFT);
  if (unified === InvoiceStatus.AUTHORISED && (positive(amountPaid) || positive(amountCredited))) return InvoiceStatus.PARTIALLY_PAID;
  return unified;
}

/** A credit note is partially used once some (not all) of its credit is allocated or refunded. */
export function toCreditNoteStatus(status: unknown, remainingCredit?: number, total?: number): InvoiceStatus {
  const used = remainingCredit !== undefined && total !== undefined && new Decimal(remainingCredit).lessThan(total);
  return toInvoiceStatus(status, used ? 1 : 0);
}

/** Unified → Xero status for writes and filters (PARTIALLY_PAID is AUTHORISED in Xero). */
export function toXeroInvoiceStatus(status: InvoiceStatus): XeroInvoice.StatusEnum {
  const name = status === InvoiceStatus.PARTIALLY_PAID ? "AUTHORISED" : status;
  return XeroInvoice.StatusEnum[name as keyof typeof XeroInvoice.StatusEnum];
}

const LINE_AMOUNT_TYPES: Record<string, LineAmountType> = {
  EXCLUSIVE: LineAmountType.EXCLUSIVE,
  INCLUSIVE: LineAmountType.INCLUSIVE,
  NOTAX: LineAmountType.NO_TAX,
};

/** `Exclusive|Inclusive|NoTax` (documents) and `EXCLUSIVE|INCLUSIVE|NOTAX` (quotes); Xero's default is exclusive. */
export function toLineAmountType(value: unknown): LineAmountType {
  return lookup(LINE_AMOUNT_TYPES, value, LineAmountType.EXCLUSIVE);
}

export function toXeroLineAmountTypes(value: LineAmountType): LineAmountTypes {
  const names: Record<LineAmountType, keyof typeof LineAmountTypes> = { EXCLUSIVE: "Exclusive", INCLUSIVE: "Inclusive", NO_TAX: "NoTax" };
  return LineAmountTypes[names[value]];
}

export function toXeroQuoteLineAmountTypes(value: LineAmountType): QuoteLineAmountTypes {
  const names: Record<LineAmountType, keyof typeof QuoteLineAmountTypes> = { EXCLUSIVE: "EXCLUSIVE", INCLUSIVE: "INCLUSIVE", NO_TAX: "NOTAX" };
  return QuoteLineAmountTypes[names[value]];
}

export const toQuoteStatus = (status: unknown) => lookup<QuoteStatus>(QuoteStatus, status, QuoteStatus.DRAFT);
export const toPurchaseOrderStatus = (status: unknown) => lookup<PurchaseOrderStatus>(PurchaseOrderStatus, status, PurchaseOrderStatus.DRAFT);
export const toPaymentStatus = (status: unknown) => lookup<PaymentStatus>(PaymentStatus, status, PaymentStatus.AUTHORISED);
export const toAccountStatus = (status: unknown) => lookup<AccountStatus>(AccountStatus, status, AccountStatus.ACTIVE);
export const toAccountClass = (value: unknown) => lookup<AccountClass>(AccountClass, value, AccountClass.ASSET);

/** ARCHIVED and GDPRREQUEST contacts are both hidden from normal use. */
export function toContactStatus(status: unknown): ContactStatus {
  return text(status) === "" || text(status).toUpperCase() === "ACTIVE" ? ContactStatus.ACTIVE : ContactStatus.ARCHIVED;
}

export { text as enumText };
