import { AccountClass } from "../../../schema/account/account.type.js";
import type { ReportBasis } from "../../../schema/report/report-enums.js";
import type { ConnectorAdapter } from "../../../src/connector/adapter.js";
import { listAll } from "../../../src/connector/list-all.js";
import type { Ledger, LedgerAccount } from "../../../src/reports/engine/index.js";
import { documentPostings } from "../../../src/reports/engine/document-ledger.js";
import type { DocumentChart } from "../../../src/reports/engine/document-chart.js";
import { ReportSectionKey } from "../../../src/reports/section-keys.js";

/**
 * Clientary keeps invoices, payments and expenses but no chart of accounts, so its reports run on a
 * small fixed chart: receivables, one bank, sales tax, sales, one expense account per expense
 * category, and retained earnings.
 */
const FIXED: LedgerAccount[] = [
  { remoteId: "receivable", code: "AR", name: "Accounts Receivable", class: AccountClass.ASSET, sectionKey: ReportSectionKey.CURRENT_ASSETS },
  { remoteId: "bank", code: "BANK", name: "Bank", class: AccountClass.ASSET, sectionKey: ReportSectionKey.BANK },
  { remoteId: "payable", code: "AP", name: "Accounts Payable", class: AccountClass.LIABILITY, sectionKey: ReportSectionKey.CURRENT_LIABILITIES },
  { remoteId: "sales-tax", code: "TAX", name: "Sales Tax", class: AccountClass.LIABILITY, sectionKey: ReportSectionKey.CURRENT_LIABILITIES },
  { remoteId: "sales", code: "SALES", name: "Sales", class: AccountClass.REVENUE, sectionKey: ReportSectionKey.INCOME },
  { remoteId: "expenses", code: "EXP", name: "Expenses", class: AccountClass.EXPENSE, sectionKey: ReportSectionKey.OPERATING_EXPENSES },
  { remoteId: "retained", code: "RE", name: "Retained Earnings", class: AccountClass.EQUITY, sectionKey: ReportSectionKey.EQUITY },
];

const categoryAccount = (category: string): LedgerAccount => ({
  remoteId: `expense:${category.toLowerCase()}`,
  code: `EXP:${category}`,
  name: category,
  class: AccountClass.EXPENSE,
  sectionKey: ReportSectionKey.OPERATING_EXPENSES,
});

/** The whole ledger up to `toDate`, on one basis, from the adapter's own unified records. */
export async function clientaryLedger(adapter: Pick<ConnectorAdapter, "list">, currency: string, organizationName: string, toDate: string, basis: ReportBasis): Promise<Ledger> {
  const [invoices, payments, expenses] = await Promise.all([
    listAll(adapter, "Invoice"),
    listAll(adapter, "Payment"),
    listAll(adapter, "Expense", { dateFrom: "2000-01-01", dateTo: toDate }),
  ]);
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
  const categorised = expenses.map((e) => ({ ...e, accountCode: e.category ? `EXP:${e.category}` : e.accountCode }));
  const postings = documentPostings({ invoices, payments, expenses: categorised }, chart, basis);
  return { currency, financialYearEnd: { month: 12, day: 31 }, accounts, postings, retainedEarningsAccountRemoteId: "retained", organizationName };
}
