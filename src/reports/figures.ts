import type { ReportSection } from "../../schema/report/report.type.js";
import { addAmounts, subtractAmounts, totalOf, type Amounts } from "./amounts.js";
import { ReportSectionKey as K } from "./section-keys.js";

export interface ProfitAndLossFigures {
  totalIncome: Amounts;
  costOfSales: Amounts;
  otherIncome: Amounts;
  /** Operating plus other expenses (cost of sales is not included). */
  totalExpenses: Amounts;
  /** Income − cost of sales. */
  grossProfit: Amounts;
  /** Gross profit + other income − expenses. */
  netProfit: Amounts;
}

export interface BalanceSheetFigures {
  totalAssets: Amounts;
  totalLiabilities: Amounts;
  totalEquity: Amounts;
  /** Assets − liabilities. */
  netAssets: Amounts;
}

/** The P&L's headline figures, computed from its sections' stated totals. */
export function profitAndLossFigures(sections: ReportSection[], periodCount: number): ProfitAndLossFigures {
  const total = (key: string) => totalOf(sections, key, periodCount);
  const totalIncome = total(K.INCOME);
  const costOfSales = total(K.COST_OF_SALES);
  const otherIncome = total(K.OTHER_INCOME);
  const totalExpenses = addAmounts(total(K.OPERATING_EXPENSES), total(K.OTHER_EXPENSES));
  const grossProfit = subtractAmounts(totalIncome, costOfSales);
  const netProfit = subtractAmounts(addAmounts(grossProfit, otherIncome), totalExpenses);
  return { totalIncome, costOfSales, otherIncome, totalExpenses, grossProfit, netProfit };
}

/** The balance sheet's headline figures, computed from its sections' stated totals. */
export function balanceSheetFigures(sections: ReportSection[], periodCount: number): BalanceSheetFigures {
  const totalAssets = totalOf(sections, K.ASSETS, periodCount);
  const totalLiabilities = totalOf(sections, K.LIABILITIES, periodCount);
  const totalEquity = totalOf(sections, K.EQUITY, periodCount);
  return { totalAssets, totalLiabilities, totalEquity, netAssets: subtractAmounts(totalAssets, totalLiabilities) };
}
