import { Decimal } from "decimal.js";
import { AccountClass, AccountStatus, type Account } from "../../../schema/account/account.type.js";
import type { TaxRate } from "../../../schema/tax-rate/tax-rate.type.js";
import { isTrue, nodeFields, prefixedId, type MappingContext } from "./common.js";
import type { DaftraJournalAccount, DaftraTax, DaftraTreasury } from "./wire-schemas.js";

/** A tax → TaxRate; lines refer to taxes by id, so the id is also the code. */
export function toUnifiedTaxRate(tax: DaftraTax, ctx: MappingContext): TaxRate {
  const rate = new Decimal(tax.value ?? 0).toFixed(4);
  const name = tax.name ?? `Tax ${tax.id}`;
  return {
    ...nodeFields(ctx, "TaxRate", tax.id, null, tax),
    code: tax.id,
    name: isTrue(tax.included) ? `${name} (inclusive)` : name,
    rate,
    status: "ACTIVE",
    components: [{ name, rate, isCompound: false }],
  };
}

/**
 * Account class from the root of its code (assumption: Daftra's default chart numbers roots
 * 1 assets, 2 liabilities, 3 equity, 4 revenue, 5+ expenses).
 */
const CLASS_BY_ROOT: Record<string, AccountClass> = {
  "1": AccountClass.ASSET, "2": AccountClass.LIABILITY, "3": AccountClass.EQUITY, "4": AccountClass.REVENUE,
};
export const accountClassOf = (code: string | null) => CLASS_BY_ROOT[(code ?? "")[0] ?? ""] ?? AccountClass.EXPENSE;

export function toUnifiedAccount(account: DaftraJournalAccount, ctx: MappingContext): Account {
  return {
    ...nodeFields(ctx, "Account", account.id, null, account),
    code: account.code,
    name: account.name ?? "",
    class: accountClassOf(account.code),
    type: account.entity_type ? `JOURNAL_ACCOUNT:${account.entity_type.toUpperCase()}` : "JOURNAL_ACCOUNT",
    status: isTrue(account.disabled) ? AccountStatus.ARCHIVED : AccountStatus.ACTIVE,
    description: null,
    isBankAccount: false,
    bankAccountNumber: null,
    currency: null,
    taxRateCode: null,
  };
}

/** A treasury (bank 1, cash 3) → a bank Account, coded as its ledger account where that is known. */
export function toUnifiedTreasury(treasury: DaftraTreasury, ctx: MappingContext, ledgerCode: string | null = null): Account {
  return {
    ...nodeFields(ctx, "Account", prefixedId("treasury", treasury.id), null, treasury),
    code: ledgerCode,
    name: treasury.name ?? "",
    class: AccountClass.ASSET,
    type: treasury.type === "3" ? "CASH" : "BANK",
    status: AccountStatus.ACTIVE,
    description: treasury.type_name,
    isBankAccount: true,
    bankAccountNumber: treasury.type_account_number,
    currency: null,
    taxRateCode: null,
  };
}
