import type { Payment as XeroPayment } from "xero-node";
import { PaidDocumentType, PaymentDirection, type Payment } from "../../../schema/payment/payment.type.js";
import { decimalString, moneyOrZero } from "../../../src/money/decimal.js";
import { globalId, nodeFields, orNull, requireId, toContactRef, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";
import { enumText, toPaymentStatus } from "./statuses.js";
import { toWireJson } from "./wire-json.js";

/** Money comes in on customer payments and supplier refunds; everything else goes out. */
const RECEIVED = new Set(["ACCRECPAYMENT", "APCREDITPAYMENT", "APOVERPAYMENTPAYMENT", "APPREPAYMENTPAYMENT"]);

function direction(payment: XeroPayment): PaymentDirection {
  const type = enumText(payment.paymentType);
  if (type) return RECEIVED.has(type) ? PaymentDirection.RECEIVED : PaymentDirection.PAID;
  return enumText(payment.invoice?.type) === "ACCPAY" ? PaymentDirection.PAID : PaymentDirection.RECEIVED;
}

/** Xero lists refunds of credit notes with the note in `Invoice` (Type ACCRECCREDIT / ACCPAYCREDIT). */
const CREDIT_TYPES = new Set(["ACCRECCREDIT", "ACCPAYCREDIT"]);

function paidDocument(payment: XeroPayment, ctx: MappingContext) {
  if (payment.invoice?.invoiceID && CREDIT_TYPES.has(enumText(payment.invoice.type))) {
    return {
      documentType: PaidDocumentType.CREDIT_NOTE,
      documentId: globalId(ctx, "CreditNote", payment.invoice.invoiceID),
      documentNumber: orNull(payment.invoice.invoiceNumber ?? payment.creditNoteNumber),
      contactRef: toContactRef(payment.invoice.contact),
    };
  }
  if (payment.invoice?.invoiceID) {
    const isBill = enumText(payment.invoice.type) === "ACCPAY";
    return {
      documentType: isBill ? PaidDocumentType.BILL : PaidDocumentType.INVOICE,
      documentId: globalId(ctx, isBill ? "Bill" : "Invoice", payment.invoice.invoiceID),
      documentNumber: orNull(payment.invoice.invoiceNumber ?? payment.invoiceNumber),
      contactRef: toContactRef(payment.invoice.contact),
    };
  }
  if (payment.creditNote?.creditNoteID) {
    return {
      documentType: PaidDocumentType.CREDIT_NOTE,
      documentId: globalId(ctx, "CreditNote", payment.creditNote.creditNoteID),
      documentNumber: orNull(payment.creditNote.creditNoteNumber ?? payment.creditNoteNumber),
      contactRef: toContactRef(payment.creditNote.contact),
    };
  }
  return { documentType: PaidDocumentType.OTHER, documentId: null, documentNumber: null, contactRef: null };
}

export function toUnifiedPayment(payment: XeroPayment, ctx: MappingContext): Payment {
  const remoteId = requireId(payment.paymentID, "PaymentID");
  return {
    ...nodeFields(ctx, "Payment", remoteId, payment.updatedDateUTC, () => toWireJson(payment, "Payment")),
    date: toIsoDate(payment.date),
    amount: moneyOrZero(payment.amount),
    currency: enumText(payment.invoice?.currencyCode ?? payment.creditNote?.currencyCode),
    currencyRate: decimalString(payment.currencyRate),
    status: toPaymentStatus(payment.status),
    direction: direction(payment),
    reference: orNull(payment.reference),
    accountCode: orNull(payment.account?.code ?? payment.code),
    isReconciled: payment.isReconciled ?? null,
    ...paidDocument(payment, ctx),
  };
}
