import { Decimal } from "../money.js";
import { lineNet } from "../totals.js";
import type { XeroBankTransaction, XeroCreditNote, XeroInvoice, XeroLineItem } from "../types.js";
import type { AccountIndex } from "./accounts.js";
import type { Posting } from "./types.js";

export type LedgerDocument = XeroInvoice | XeroCreditNote | XeroBankTransaction;

export const POSTED_STATUSES: ReadonlySet<string> = new Set(["AUTHORISED", "PAID"]);

/**
 * +1 when the document's lines are debits (bills, customer credits, spend money),
 * -1 when they are credits (sales, supplier credits, receive money).
 */
export function lineSign(doc: LedgerDocument): 1 | -1 {
  switch (doc.Type) {
    case "ACCPAY": case "ACCRECCREDIT": return 1;
    case "ACCREC": case "ACCPAYCREDIT": return -1;
    default: return doc.Type.startsWith("RECEIVE") ? -1 : 1;
  }
}

/** The control account that carries the other side: AR, AP or (for bank transactions) the bank. */
export function controlAccount(doc: LedgerDocument, accounts: AccountIndex): string {
  if ("BankTransactionID" in doc) return doc.BankAccount.Code;
  return doc.Type === "ACCREC" || doc.Type === "ACCRECCREDIT" ? accounts.receivables : accounts.payables;
}

/** A line's tracking, TrackingCategoryID → TrackingOptionID; undefined when untracked. */
function lineTracking(line: XeroLineItem): Record<string, string> | undefined {
  const tracking = line.Tracking ?? [];
  return tracking.length ? Object.fromEntries(tracking.map((t) => [t.TrackingCategoryID, t.TrackingOptionID])) : undefined;
}

/** Cost of tracked items sold (on an invoice or as receive money) or returned on a customer credit, at the item's purchase price. */
function costOfSales(doc: LedgerDocument, accounts: AccountIndex, sign: 1 | -1): Posting[] {
  if (doc.Type !== "ACCREC" && doc.Type !== "ACCRECCREDIT" && doc.Type !== "RECEIVE") return [];
  return doc.LineItems.flatMap((line) => {
    const item = accounts.item(line.ItemCode);
    if (!item?.IsTrackedAsInventory || !item.InventoryAssetAccountCode) return [];
    const cost = new Decimal(line.Quantity).times(item.PurchaseDetails.UnitPrice ?? 0).toDecimalPlaces(2);
    if (cost.isZero()) return [];
    const cogs = item.PurchaseDetails.COGSAccountCode ?? "310";
    const tracking = lineTracking(line);
    return [{ accountCode: cogs, amount: cost.times(-sign), tracking }, { accountCode: item.InventoryAssetAccountCode, amount: cost.times(sign) }];
  });
}

/**
 * Every posting of a document except its control account: line accounts (net of tax),
 * the sales tax account and cost of sales. They sum to sign x Total.
 */
export function documentPostings(doc: LedgerDocument, accounts: AccountIndex): Posting[] {
  const sign = lineSign(doc);
  const postings: Posting[] = [];
  let tax = new Decimal(0);
  for (const line of doc.LineItems) {
    postings.push({ accountCode: line.AccountCode ?? "", amount: lineNet(line, doc.LineAmountTypes).times(sign), tracking: lineTracking(line) });
    tax = tax.plus(line.TaxAmount);
  }
  if (!tax.isZero()) postings.push({ accountCode: accounts.salesTax, amount: tax.times(sign) });
  return [...postings, ...costOfSales(doc, accounts, sign)].filter((p) => !p.amount.isZero());
}
