import { AccountClass } from "../../../schema/account/account.type.js";
import { ReportBasis } from "../../../schema/report/report-enums.js";
import { ExpenseKind } from "../../../schema/expense/expense.type.js";
import { documentCashFlows } from "./cash-flows.js";
import type { BooksEvidence } from "./books-checks.js";
import type { Ledger, LedgerAccount } from "./ledger.js";
import { documentPostings } from "./document-ledger.js";
import type { DocumentChart } from "./document-chart.js";
import type { DocumentBooks } from "./document-index.js";
import { ReportSectionKey } from "../section-keys.js";

/**
 * For books with documents but no usable chart of accounts (Clientary; Daftra without its journals):
 * a small fixed chart — receivables, payables, one bank, sales tax, sales, other income, purchases (cost
 * of sales: bill lines), expenses, one expense account per expense category and one other-income
 * account per income category, retained earnings — and the documents posted onto it.
 */
const FIXED: LedgerAccount[] = [
  { remoteId: "receivable", code: "AR", name: "Accounts Receivable", class: AccountClass.ASSET, sectionKey: ReportSectionKey.CURRENT_ASSETS },
  { remoteId: "bank", code: "BANK", name: "Bank", class: AccountClass.ASSET, sectionKey: ReportSectionKey.BANK },
  { remoteId: "payable", code: "AP", name: "Accounts Payable", class: AccountClass.LIABILITY, sectionKey: ReportSectionKey.CURRENT_LIABILITIES },
  { remoteId: "sales-tax", code: "TAX", name: "Sales Tax", class: AccountClass.LIABILITY, sectionKey: ReportSectionKey.CURRENT_LIABILITIES },
  { remoteId: "sales", code: "SALES", name: "Sales", class: AccountClass.REVENUE, sectionKey: ReportSectionKey.INCOME },
  { remoteId: "other-income", code: "INC", name: "Other Income", class: AccountClass.REVENUE, sectionKey: ReportSectionKey.OTHER_INCOME },
  { remoteId: "purchases", code: "PUR", name: "Purchases", class: AccountClass.EXPENSE, sectionKey: ReportSectionKey.COST_OF_SALES },
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

const incomeAccount = (category: string): LedgerAccount => ({
  remoteId: `income:${category.toLowerCase()}`,
  code: `INC:${category}`,
  name: category,
  class: AccountClass.REVENUE,
  sectionKey: ReportSectionKey.OTHER_INCOME,
});

export interface FixedChartOptions {
  currency: string;
  organizationName?: string | null;
  basis: ReportBasis;
}

/** The ledger on one basis, without the books-check evidence. */
function postedLedger(books: DocumentBooks, { currency, organizationName, basis }: FixedChartOptions): Ledger {
  const expenses = books.expenses ?? [];
  const categoriesOf = (kind: "INCOME" | "EXPENSE") =>
    [...new Set(expenses.filter((e) => (e.kind === ExpenseKind.INCOME) === (kind === "INCOME")).map((e) => e.category).filter((c): c is string => !!c))];
  const accounts = [...FIXED, ...categoriesOf("EXPENSE").map(categoryAccount), ...categoriesOf("INCOME").map(incomeAccount)];
  const chart: DocumentChart = {
    accountIdsByCode: new Map(accounts.map((a) => [a.code!, a.remoteId])),
    receivable: "receivable",
    payable: "payable",
    salesTax: "sales-tax",
    bank: "bank",
    revenue: "sales",
    expense: "purchases",
  };
  // Line account codes are the provider's; on the fixed chart every line books to sales or purchases.
  const uncoded = <T extends { lineItems: Array<{ accountCode?: string | null }> }>(docs: readonly T[] | undefined) =>
    docs?.map((d) => ({ ...d, lineItems: d.lineItems.map((l) => ({ ...l, accountCode: null })) }));
  const codeOf = (e: (typeof expenses)[number]) => {
    const prefix = e.kind === ExpenseKind.INCOME ? "INC" : "EXP";
    return e.category ? `${prefix}:${e.category}` : prefix;
  };
  const categorised = expenses.map((e) => ({ ...e, accountCode: codeOf(e), paidFrom: null }));
  const postings = documentPostings({ ...books, invoices: uncoded(books.invoices), bills: uncoded(books.bills), creditNotes: uncoded(books.creditNotes), expenses: categorised }, chart, basis);
  return { currency, financialYearEnd: { month: 12, day: 31 }, accounts, postings, retainedEarningsAccountRemoteId: "retained", organizationName: organizationName ?? null };
}

/**
 * The documents on the fixed chart on `basis`, carrying the books-check evidence: the same books on the
 * other basis (bank must match) and the documents' receipts and payments (a cash P&L must match). Both
 * are built on first use only (a report that runs no check needing them never builds them), then kept.
 */
export function fixedChartLedger(books: DocumentBooks, options: FixedChartOptions): Ledger {
  const other = options.basis === ReportBasis.CASH ? ReportBasis.ACCRUAL : ReportBasis.CASH;
  const evidence = { basis: options.basis } as BooksEvidence;
  lazy(evidence, "otherBasis", () => postedLedger(books, { ...options, basis: other }));
  lazy(evidence, "cashFlows", () => documentCashFlows(books));
  return { ...postedLedger(books, options), evidence };
}

/** `target[key]` computed by `build` on first read, then kept; enumerable, so spreading the object still carries it. */
function lazy<T extends object, K extends keyof T>(target: T, key: K, build: () => T[K]): void {
  let value: T[K] | undefined;
  let built = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!built) [value, built] = [build(), true];
      return value;
    },
  });
}
