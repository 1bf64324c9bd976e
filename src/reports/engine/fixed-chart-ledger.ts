import { AccountClass } from "../../../schema/account/account.type.js";
import type { ReportBasis } from "../../../schema/report/report-enums.js";
import type { Ledger, LedgerAccount } from "./ledger.js";
import { documentPostings } from "./document-ledger.js";
import type { DocumentChart } from "./document-chart.js";
import type { DocumentBooks } from "./document-index.js";
import { ReportSectionKey } from "../section-keys.js";

/**
 * For books with documents but no usable chart of accounts (Clientary; Daftra without its journals):
 * a small fixed chart — receivables, payables, one bank, sales tax, sales, purchases, one expense
 * account per expense category, retained earnings — and the documents posted onto it.
 */
const FIXED: LedgerAccount[] = [
  { remoteId: "receivable", code: "AR", name: "Accounts Receivable", class: AccountClass.ASSET, sectionKey: ReportSectionKey.CURRENT_ASSETS },
  { remoteId: "bank", code: "BANK", name: "Bank", class: AccountClass.ASSET, sectionKey: ReportSectionKey.BANK },
  { remoteId: "payable", code: "AP", name: "Accounts Payable", class: AccountClass.LIABILITY, sectionKey: ReportSectionKey.CURRENT_LIABILITIES },
  { remoteId: "sales-tax", code: "TAX", name: "Sales Tax", class: AccountClass.LIABILITY, sectionKey: ReportSectionKey.CURRENT_LIABILITIES },
  { remoteId: "sales", code: "SALES", name: "Sales", class: AccountClass.REVENUE, sectionKey: ReportSectionKey.INCOME },
  { remoteId: "expenses", code: "EXP", name: "Purchases and Expenses", class: AccountClass.EXPENSE, sectionKey: ReportSectionKey.OPERATING_EXPENSES },
  { remoteId: "retained", code: "RE", name: "Retained Earnings", class: AccountClass.EQUITY, sectionKey: ReportSectionKey.EQUITY },
];

const categoryAccount = (category: string): LedgerAccount => ({
  remoteId: `expense:${category.toLowerCase()}`,
  code: `EXP:${category}`,
  name: category,
  class: AccountClass.EXPENSE,
  sectionKey: ReportSectionKey.OPERATING_EXPENSES,
});

export interface FixedChartOptions {
  currency: string;
  organizationName?: string | null;
  basis: ReportBasis;
}

export function fixedChartLedger(books: DocumentBooks, { currency, organizationName, basis }: FixedChartOptions): Ledger {
  const expenses = books.expenses ?? [];
  const categories = [...new Set(expenses.map((e) => e.category).filter((c): c is string => !!c))].map(categoryAccount);
  const accounts = [...FIXED, ...categories];
  const chart: DocumentChart = {
    accountIdsByCode: new Map(accounts.map((a) => [a.code!, a.remoteId])),
    receivable: "receivable",
    payable: "payable",
    salesTax: "sales-tax",
    bank: "bank",
    revenue: "sales",
    expense: "expenses",
  };
  // Line account codes are the provider's; on the fixed chart every line books to sales or purchases.
  const uncoded = <T extends { lineItems: Array<{ accountCode?: string | null }> }>(docs: readonly T[] | undefined) =>
    docs?.map((d) => ({ ...d, lineItems: d.lineItems.map((l) => ({ ...l, accountCode: null })) }));
  const categorised = expenses.map((e) => ({ ...e, accountCode: e.category ? `EXP:${e.category}` : null, paidFrom: null }));
  const postings = documentPostings({ ...books, invoices: uncoded(books.invoices), bills: uncoded(books.bills), creditNotes: uncoded(books.creditNotes), expenses: categorised }, chart, basis);
  return { currency, financialYearEnd: { month: 12, day: 31 }, accounts, postings, retainedEarningsAccountRemoteId: "retained", organizationName: organizationName ?? null };
}
