import { Decimal } from "decimal.js";
import type { BankTransaction } from "../../../schema/bank-transaction/bank-transaction.type.js";
import { LineAmountType, type CommercialDocument } from "../../../schema/common/document.type.js";
import type { LineItem } from "../../../schema/common/line-item.type.js";
import type { CreditNote } from "../../../schema/credit-note/credit-note.type.js";
import type { Invoice } from "../../../schema/invoice/invoice.type.js";
import { accountFor, type Amount, type DocumentChart } from "./document-chart.js";
import { projectTracking } from "../tracking-columns.js";

export type DocumentKind = "INVOICE" | "BILL" | "SALES_CREDIT" | "PURCHASE_CREDIT" | "RECEIVE" | "SPEND";

/** A document with what its kind implies: line direction, control account and side. */
export interface LedgerDocument {
  kind: DocumentKind;
  record: Invoice | CreditNote | BankTransaction;
  /** +1 when its lines are debits (bills, customer credits, spend money), -1 when credits. */
  sign: 1 | -1;
  /** AR, AP or, for bank transactions, the bank. */
  control: string;
  salesSide: boolean;
}

const SIGN: Record<DocumentKind, 1 | -1> = { INVOICE: -1, BILL: 1, SALES_CREDIT: 1, PURCHASE_CREDIT: -1, RECEIVE: -1, SPEND: 1 };
const SALES_SIDE = new Set<DocumentKind>(["INVOICE", "SALES_CREDIT", "RECEIVE"]);

export function ledgerDocument(kind: DocumentKind, record: LedgerDocument["record"], chart: DocumentChart): LedgerDocument {
  const control = kind === "RECEIVE" || kind === "SPEND"
    ? accountFor(chart, (record as BankTransaction).bankAccount.code, chart.bank)
    : SALES_SIDE.has(kind) ? chart.receivable : chart.payable;
  return { kind, record, sign: SIGN[kind], control, salesSide: SALES_SIDE.has(kind) };
}

const dec = (value: string | null | undefined) => new Decimal(value ?? 0);

const discounted = (gross: Decimal, line: LineItem) => gross.minus(gross.times(dec(line.discountRate)).dividedBy(100)).toDecimalPlaces(2);

/** The part of a line that goes to its account; without a stated line amount, quantity × unit amount less discount. */
function lineNet(line: LineItem, type: LineAmountType): Decimal {
  const amount = line.lineAmount != null ? dec(line.lineAmount) : discounted(dec(line.quantity ?? "1").times(dec(line.unitAmount)), line);
  return type === LineAmountType.INCLUSIVE ? amount.minus(dec(line.taxAmount)) : amount;
}

/**
 * A line's tracking options by category remote id, with the document's project (PROJECTS_CATEGORY) when
 * it bills one; undefined when there are none. Its net and cost of sales carry them; tax and control sides do not.
 */
export function lineTracking(line: LineItem, doc: LedgerDocument): Record<string, string> | undefined {
  const pairs = (line.tracking ?? []).filter((t) => t.categoryRemoteId && t.optionRemoteId).map((t) => [t.categoryRemoteId!, t.optionRemoteId!]);
  const project = projectTracking((doc.record as Partial<Invoice>).projectId);
  return pairs.length || project ? { ...Object.fromEntries(pairs), ...project } : undefined;
}

/** Cost of tracked items sold (or taken back on a customer credit). */
function costOfSales(doc: LedgerDocument, chart: DocumentChart): Amount[] {
  if (doc.kind !== "INVOICE" && doc.kind !== "SALES_CREDIT") return [];
  return doc.record.lineItems.flatMap((line) => {
    const item = line.itemCode ? chart.trackedItems?.get(line.itemCode) : undefined;
    if (!item) return [];
    const cost = dec(line.quantity).times(item.unitCost).toDecimalPlaces(2);
    const tracking = lineTracking(line, doc);
    return [{ account: item.cogsAccount, amount: cost.times(-doc.sign), tracking }, { account: item.inventoryAccount, amount: cost.times(doc.sign) }];
  });
}

/** Line accounts net of tax, then sales tax, then cost of sales: every posting but the control's. */
export function documentAmounts(doc: LedgerDocument, chart: DocumentChart): Amount[] {
  const record: CommercialDocument = doc.record;
  const fallback = doc.salesSide ? chart.revenue : chart.expense;
  const amounts: Amount[] = [];
  let tax = new Decimal(0);
  for (const line of record.lineItems) {
    amounts.push({ account: accountFor(chart, line.accountCode, fallback), amount: lineNet(line, record.lineAmountType).times(doc.sign), tracking: lineTracking(line, doc) });
    tax = tax.plus(dec(line.taxAmount));
  }
  if (record.lineItems.length === 0) {
    amounts.push({ account: fallback, amount: dec(record.subTotal).times(doc.sign), tracking: projectTracking((doc.record as Partial<Invoice>).projectId) });
    tax = dec(record.totalTax);
  } else if (record.lineAmountType !== LineAmountType.INCLUSIVE && record.lineItems.every((line) => line.taxAmount == null)) {
    // Lines without tax amounts (Clientary states only the document's): the document's tax.
    tax = dec(record.totalTax);
  }
  if (!tax.isZero()) amounts.push({ account: chart.salesTax, amount: tax.times(doc.sign) });
  if (chart.trackedItems?.size) amounts.push(...costOfSales(doc, chart));
  return amounts.filter((a) => !a.amount.isZero());
}
