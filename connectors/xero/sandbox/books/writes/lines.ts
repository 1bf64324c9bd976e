/**
 * Line item rules shared by every document write (invoices now; credit notes, quotes, purchase
 * orders and bank transactions later): merging by LineItemID, defaults from items and accounts,
 * and the account / tax / item checks Xero makes. Pricing itself is `totals()`.
 */
import { randomUUID } from "node:crypto";
import { Decimal } from "../money.js";
import type { LineAmountTypes, XeroBooks, XeroLineItem, XeroLineItemTracking, XeroTaxRate } from "../types.js";
import { asElement, numeric, text, type Element } from "./input.js";

export interface LineRules {
  books: XeroBooks;
  /** Which side of the business the document is on: it picks item defaults and allowed tax rates. */
  side: "sales" | "purchases";
  lineAmountTypes: LineAmountTypes;
  /** SUBMITTED/AUTHORISED documents need accounts on every priced line. */
  strict: boolean;
  unitdp: 2 | 4;
  allowDiscount: boolean;
}

export const NO_LINES_MESSAGE = "One or more line items must be specified";

export function invalidAccountMessage(code: string): string {
  return `Account code '${code}' is not a valid code for this document.`;
}

function taxRateApplies(rate: XeroTaxRate, accountClass: string | undefined): boolean {
  switch (accountClass) {
    case "REVENUE": return rate.CanApplyToRevenue;
    case "EXPENSE": return rate.CanApplyToExpenses;
    case "ASSET": return rate.CanApplyToAssets;
    case "LIABILITY": return rate.CanApplyToLiabilities;
    case "EQUITY": return rate.CanApplyToEquity;
    default: return true;
  }
}

function tracking(books: XeroBooks, input: unknown, errors: string[]): XeroLineItemTracking[] {
  if (!Array.isArray(input)) return [];
  return input.flatMap((raw) => {
    const el = asElement(raw);
    const category = books.trackingCategories.find((c) =>
      c.TrackingCategoryID === text(el.TrackingCategoryID) || c.Name.toLowerCase() === text(el.Name)?.toLowerCase());
    const option = category?.Options.find((o) =>
      o.TrackingOptionID === text(el.TrackingOptionID) || o.Name.toLowerCase() === text(el.Option)?.toLowerCase());
    if (!category || !option) {
      errors.push(`Tracking option '${text(el.Option) ?? text(el.TrackingOptionID) ?? ""}' of category '${text(el.Name) ?? text(el.TrackingCategoryID) ?? ""}' is not valid.`);
      return [];
    }
    return [{ TrackingCategoryID: category.TrackingCategoryID, TrackingOptionID: option.TrackingOptionID, Name: category.Name, Option: option.Name }];
  });
}

function round(value: number, dp: number): number {
  return new Decimal(value).toDecimalPlaces(dp).toNumber();
}

/** One line after defaults and checks; amounts still to be priced by totals(). */
function buildLine(el: Element, base: XeroLineItem | undefined, rules: LineRules, errors: string[]): XeroLineItem {
  const { books } = rules;
  const itemCode = text(el.ItemCode) ?? base?.ItemCode;
  const item = itemCode ? books.items.find((i) => i.Code.toLowerCase() === itemCode.toLowerCase()) : undefined;
  if (itemCode && !item) errors.push(`Item code '${itemCode}' is not valid.`);
  const details = rules.side === "sales" ? item?.SalesDetails : item?.PurchaseDetails;
  const inventoryCode = rules.side === "purchases" && item?.IsTrackedAsInventory ? item.InventoryAssetAccountCode : undefined;

  const qty = numeric(el.Quantity), unit = numeric(el.UnitAmount), amount = numeric(el.LineAmount), discount = numeric(el.DiscountRate);
  if ([qty, unit, amount, discount].some((n) => Number.isNaN(n))) errors.push("Quantity, UnitAmount, LineAmount and DiscountRate must be numbers.");
  // Xero keeps quantities to 4 decimal places, rounding what is sent (as it rounds unit amounts to unitdp).
  const quantity = round(qty ?? base?.Quantity ?? 1, 4);
  const fromAmount = unit === undefined && amount !== undefined && quantity !== 0 ? amount / quantity : undefined;
  // A kept unit amount stays as kept (4 places at most); only one sent or defaulted now is rounded to unitdp.
  const sentUnit = unit ?? fromAmount;
  const unitAmount = sentUnit === undefined && base ? base.UnitAmount : round(sentUnit ?? details?.UnitPrice ?? 0, rules.unitdp);

  const accountCode = text(el.AccountCode) ?? base?.AccountCode ?? inventoryCode ?? details?.AccountCode;
  const account = accountCode ? books.accounts.find((a) => a.Code === accountCode) : undefined;
  if (accountCode && (!account || account.Status !== "ACTIVE" || account.Type === "BANK" || account.SystemAccount === "DEBTORS" || account.SystemAccount === "CREDITORS")) {
    errors.push(invalidAccountMessage(accountCode));
  } else if (!accountCode && rules.strict && !new Decimal(quantity).times(unitAmount).isZero()) {
    errors.push("Account code must be specified");
  }

  const requestedTax = text(el.TaxType);
  const taxType = rules.lineAmountTypes === "NoTax" ? "NONE" : requestedTax ?? base?.TaxType ?? account?.TaxType ?? details?.TaxType ?? "NONE";
  const rate = books.taxRates.find((t) => t.TaxType === taxType);
  if (!rate || rate.Status !== "ACTIVE" || !taxRateApplies(rate, account?.Class)) {
    errors.push(`The TaxType code ${taxType} does not exist or cannot be used for this type of transaction.`);
  }

  const description = el.Description !== undefined ? text(el.Description) : base?.Description ?? item?.Description;
  const discountRate = rules.allowDiscount ? discount ?? base?.DiscountRate : undefined;
  return {
    LineItemID: base?.LineItemID ?? randomUUID(),
    ...(description !== undefined ? { Description: description } : {}),
    Quantity: quantity,
    UnitAmount: unitAmount,
    ...(item ? { ItemCode: item.Code } : {}),
    ...(accountCode ? { AccountCode: accountCode, ...(account ? { AccountID: account.AccountID } : {}) } : {}),
    TaxType: taxType,
    TaxAmount: 0,
    LineAmount: 0,
    ...(discountRate ? { DiscountRate: discountRate } : {}),
    Tracking: el.Tracking !== undefined ? tracking(books, el.Tracking, errors) : base?.Tracking ?? [],
  };
}

/**
 * Merges requested lines with the current ones: a LineItemID updates that line, lines without one
 * are added, and current lines left out of a supplied array are removed (as Xero does).
 */
export function buildLines(input: unknown, current: XeroLineItem[], rules: LineRules): { lines: XeroLineItem[]; errors: string[] } {
  const errors: string[] = [];
  const lines = input === undefined
    ? current.map((line) => buildLine({}, line, rules, errors))
    : Array.isArray(input)
      ? input.map((raw) => {
          const el = asElement(raw);
          const id = text(el.LineItemID);
          return buildLine(el, current.find((l) => l.LineItemID === id), rules, errors);
        })
      : [];
  if (lines.length === 0) errors.push(NO_LINES_MESSAGE);
  return { lines, errors: [...new Set(errors)] };
}
