import { BankTransactionKind, type BankTransaction } from "../../../../schema/bank-transaction/bank-transaction.type.js";
import { LineAmountType } from "../../../../schema/common/document.type.js";
import type { LineItem } from "../../../../schema/common/line-item.type.js";
import { Provider } from "../../../../schema/common/provider.enum.js";
import { ExpenseKind, type Expense } from "../../../../schema/expense/expense.type.js";
import { CreditNoteKind, type CreditNote } from "../../../../schema/credit-note/credit-note.type.js";
import { InvoiceStatus } from "../../../../schema/invoice/invoice-status.enum.js";
import type { Invoice } from "../../../../schema/invoice/invoice.type.js";
import { PaidDocumentType, PaymentDirection, PaymentStatus, type Payment } from "../../../../schema/payment/payment.type.js";
import { toGlobalId } from "../../../ids/global-id.js";
import type { DocumentChart } from "../document-chart.js";

const ORG = "org-1";
const node = (type: string, remoteId: string) => ({ id: toGlobalId({ organizationId: ORG, type, remoteId }), remoteId, organizationId: ORG, provider: Provider.CLIENTARY });

export const CHART: DocumentChart = {
  accountIdsByCode: new Map([["200", "sales"], ["310", "purchases"], ["469", "rent"], ["090", "bank"], ["091", "savings"], ["630", "stock"]]),
  receivable: "debtors", payable: "creditors", salesTax: "tax", bank: "bank", revenue: "sales", expense: "rent", transferClearing: "clearing",
  trackedItems: new Map([["WIDGET", { unitCost: "30", cogsAccount: "purchases", inventoryAccount: "stock" }]]),
};

export function lineItem(lineAmount: string, taxAmount: string, more: Partial<LineItem> = {}): LineItem {
  return { lineAmount, taxAmount, accountCode: null, quantity: "1", tracking: [], ...more };
}

type DocFields = { status?: InvoiceStatus; lineAmountType?: LineAmountType; payments?: Invoice["payments"] };

function commercial(type: string, remoteId: string, issueDate: string, lines: LineItem[], fields: DocFields) {
  const type_ = fields.lineAmountType ?? LineAmountType.EXCLUSIVE;
  const net = lines.reduce((s, l) => s + Number(l.lineAmount) - (type_ === LineAmountType.INCLUSIVE ? Number(l.taxAmount) : 0), 0);
  const tax = lines.reduce((s, l) => s + Number(l.taxAmount), 0);
  return {
    ...node(type, remoteId), issueDate, currency: "NZD", lineAmountType: type_, lineItems: lines,
    subTotal: net.toFixed(2), totalTax: tax.toFixed(2), total: (net + tax).toFixed(2),
  };
}

export function invoice(type: "Invoice" | "Bill", remoteId: string, issueDate: string, lines: LineItem[], fields: DocFields = {}): Invoice {
  const doc = commercial(type, remoteId, issueDate, lines, fields);
  return {
    ...doc, status: fields.status ?? InvoiceStatus.AUTHORISED, amountDue: doc.total, amountPaid: "0.00", amountCredited: "0.00",
    isOverdue: false, payments: fields.payments ?? [],
  };
}

export function creditNote(kind: CreditNoteKind, remoteId: string, issueDate: string, lines: LineItem[], allocations: CreditNote["allocations"] = []): CreditNote {
  return { ...commercial("CreditNote", remoteId, issueDate, lines, {}), kind, status: InvoiceStatus.AUTHORISED, remainingCredit: "0.00", allocations };
}

export function payment(remoteId: string, date: string, amount: string, paid: Invoice | CreditNote, direction = PaymentDirection.RECEIVED): Payment {
  const documentType = "kind" in paid ? PaidDocumentType.CREDIT_NOTE : direction === PaymentDirection.PAID ? PaidDocumentType.BILL : PaidDocumentType.INVOICE;
  return { ...node("Payment", remoteId), date, amount, currency: "NZD", status: PaymentStatus.AUTHORISED, direction, documentType, documentId: paid.id, accountCode: "090" };
}

export function bankTransaction(remoteId: string, kind: BankTransactionKind, date: string, code: string, lines: LineItem[], lineAmountType = LineAmountType.NO_TAX): BankTransaction {
  return { ...commercial("BankTransaction", remoteId, date, lines, { lineAmountType }), kind, status: "AUTHORISED", bankAccount: { code } };
}

export function expense(remoteId: string, kind: ExpenseKind, date: string, subTotal: string, totalTax: string, accountCode: string | null): Expense {
  const total = (Number(subTotal) + Number(totalTax)).toFixed(2);
  return { ...node("Expense", remoteId), kind, date, currency: "NZD", subTotal, totalTax, total, accountCode, paidFrom: { code: "091" } };
}
