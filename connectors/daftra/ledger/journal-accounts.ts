/**
 * Daftra's journal accounts placed in the shared report sections. The class comes from the code's root
 * (1 assets … 5 expenses, see `accountClassOf`); the section from what the account is and what posts to it:
 * treasury accounts are Bank; expense accounts that purchase invoices or sales costs (`invoice_sales_cost`)
 * debit, or that are named as purchases / cost of sales, are Cost of Sales; revenue accounts that only
 * income entries (never sales documents) credit, or named "Other Income", are Other Income.
 */
import { AccountClass } from "../../../schema/account/account.type.js";
import type { LedgerAccount } from "../../../src/reports/engine/index.js";
import { ReportSectionKey } from "../../../src/reports/section-keys.js";
import { accountClassOf } from "../mapping/to-reference-data.js";
import type { DaftraJournalAccount } from "../mapping/wire-schemas.js";

const SECTION_BY_CLASS: Record<AccountClass, ReportSectionKey> = {
  [AccountClass.ASSET]: ReportSectionKey.CURRENT_ASSETS,
  [AccountClass.LIABILITY]: ReportSectionKey.CURRENT_LIABILITIES,
  [AccountClass.EQUITY]: ReportSectionKey.EQUITY,
  [AccountClass.REVENUE]: ReportSectionKey.INCOME,
  [AccountClass.EXPENSE]: ReportSectionKey.OPERATING_EXPENSES,
};

/** Journal entity types (Daftra's `entity_type`) by what they say about the accounts they post to. */
const COST_SOURCES = new Set(["purchase_order", "purchase_refund", "invoice_sales_cost"]);
const SALES_SOURCES = new Set(["invoice", "credit_note", "refund_receipt"]);

const COST_NAME = /cost of (sales|goods|purchases|revenue)|^purchases\b|تكلفة|مشتريات/i;
const OTHER_INCOME_NAME = /other (income|revenue)|إيرادات أخرى/i;

/** Which kinds of journals post to an account. */
export interface AccountRole {
  sources: Set<string>;
}

export function accountRoles(postings: ReadonlyArray<{ accountRemoteId: string; source?: { type: string } }>): Map<string, AccountRole> {
  const roles = new Map<string, AccountRole>();
  for (const p of postings) {
    const role = roles.get(p.accountRemoteId) ?? roles.set(p.accountRemoteId, { sources: new Set() }).get(p.accountRemoteId)!;
    if (p.source) role.sources.add(p.source.type);
  }
  return roles;
}

function sectionOf(account: DaftraJournalAccount, accountClass: AccountClass, role: AccountRole | undefined): ReportSectionKey {
  const name = account.name ?? "";
  const from = (types: Set<string>) => [...(role?.sources ?? [])].some((t) => types.has(t));
  if (account.entity_type === "treasury") return ReportSectionKey.BANK;
  if (accountClass === AccountClass.EXPENSE && (COST_NAME.test(name) || from(COST_SOURCES))) return ReportSectionKey.COST_OF_SALES;
  if (accountClass === AccountClass.REVENUE) {
    const incomeOnly = role?.sources.has("income") && !from(SALES_SOURCES);
    if (OTHER_INCOME_NAME.test(name) || incomeOnly) return ReportSectionKey.OTHER_INCOME;
  }
  return SECTION_BY_CLASS[accountClass];
}

export function toLedgerAccount(account: DaftraJournalAccount, role?: AccountRole): LedgerAccount {
  const accountClass = accountClassOf(account.code);
  return {
    remoteId: account.id,
    code: account.code,
    name: account.name ?? `Account ${account.id}`,
    class: accountClass,
    sectionKey: sectionOf(account, accountClass, role),
  };
}
