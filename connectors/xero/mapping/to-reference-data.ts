import type { Account as XeroAccount, TaxRate as XeroTaxRate, TrackingCategory as XeroTrackingCategory } from "xero-node";
import type { Account } from "../../../schema/account/account.type.js";
import type { TaxRate } from "../../../schema/tax-rate/tax-rate.type.js";
import type { TrackingCategory } from "../../../schema/tracking-category/tracking-category.type.js";
import { decimalString } from "../../../src/money/decimal.js";
import { nodeFields, orNull, requireId, type MappingContext } from "./common.js";
import { enumText, toAccountClass, toAccountStatus } from "./statuses.js";
import { toWireJson } from "./wire-json.js";

export function toUnifiedAccount(account: XeroAccount, ctx: MappingContext): Account {
  const remoteId = requireId(account.accountID, "AccountID");
  const type = enumText(account.type);
  return {
    ...nodeFields(ctx, "Account", remoteId, account.updatedDateUTC, () => toWireJson(account, "Account")),
    code: orNull(account.code),
    name: account.name ?? "",
    class: toAccountClass(account._class),
    type,
    status: toAccountStatus(account.status),
    description: orNull(account.description),
    isBankAccount: type === "BANK",
    bankAccountNumber: orNull(account.bankAccountNumber),
    currency: orNull(enumText(account.currencyCode)),
    taxRateCode: orNull(account.taxType),
  };
}

/** Tax rates have no id of their own: the TaxType code is the id. */
export function toUnifiedTaxRate(rate: XeroTaxRate, ctx: MappingContext): TaxRate {
  const code = requireId(rate.taxType, "TaxType");
  return {
    ...nodeFields(ctx, "TaxRate", code, undefined, () => toWireJson(rate, "TaxRate")),
    code,
    name: rate.name ?? code,
    rate: decimalString(rate.effectiveRate ?? rate.displayTaxRate) ?? "0",
    status: enumText(rate.status) || "ACTIVE",
    components: (rate.taxComponents ?? []).map((c) => ({
      name: c.name ?? "",
      rate: decimalString(c.rate) ?? "0",
      isCompound: c.isCompound ?? false,
    })),
  };
}

export function toUnifiedTrackingCategory(category: XeroTrackingCategory, ctx: MappingContext): TrackingCategory {
  const remoteId = requireId(category.trackingCategoryID, "TrackingCategoryID");
  return {
    ...nodeFields(ctx, "TrackingCategory", remoteId, undefined, () => toWireJson(category, "TrackingCategory")),
    name: category.name ?? "",
    status: enumText(category.status) || "ACTIVE",
    options: (category.options ?? []).map((o) => ({
      remoteId: requireId(o.trackingOptionID, "TrackingOptionID"),
      name: o.name ?? "",
      status: enumText(o.status) || "ACTIVE",
    })),
  };
}
