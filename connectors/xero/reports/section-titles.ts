import { ReportSectionKey as K } from "../../../src/reports/index.js";
import { normalTitle } from "./report-rows.js";

/** Xero section titles → stable keys. "Less …" / "Plus …" prefixes are Xero layout words. */
const PROFIT_AND_LOSS: Record<string, string> = {
  income: K.INCOME,
  revenue: K.INCOME,
  "trading income": K.INCOME,
  "cost of sales": K.COST_OF_SALES,
  "direct costs": K.COST_OF_SALES,
  "cost of goods sold": K.COST_OF_SALES,
  "other income": K.OTHER_INCOME,
  "operating expenses": K.OPERATING_EXPENSES,
  expenses: K.OPERATING_EXPENSES,
  overheads: K.OPERATING_EXPENSES,
  "other expenses": K.OTHER_EXPENSES,
  "non-operating expenses": K.OTHER_EXPENSES,
};

const BALANCE_SHEET: Record<string, string> = {
  assets: K.ASSETS,
  bank: K.BANK,
  "bank accounts": K.BANK,
  "current assets": K.CURRENT_ASSETS,
  "fixed assets": K.FIXED_ASSETS,
  "non-current assets": K.NON_CURRENT_ASSETS,
  "non current assets": K.NON_CURRENT_ASSETS,
  liabilities: K.LIABILITIES,
  "current liabilities": K.CURRENT_LIABILITIES,
  "non-current liabilities": K.NON_CURRENT_LIABILITIES,
  "non current liabilities": K.NON_CURRENT_LIABILITIES,
  "long term liabilities": K.NON_CURRENT_LIABILITIES,
  equity: K.EQUITY,
};

/** A title no table knows still gets a stable key: "Research Grants" → RESEARCH_GRANTS. */
const slug = (title: string) => title.toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_|_$/g, "") || "OTHER";

export function profitAndLossKey(title: string): string {
  const plain = normalTitle(title).replace(/^(less|plus) /, "");
  return PROFIT_AND_LOSS[plain] ?? slug(plain);
}

export function balanceSheetKey(title: string): string {
  const plain = normalTitle(title);
  return BALANCE_SHEET[plain] ?? slug(plain);
}
