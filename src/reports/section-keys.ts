/** Stable section keys every connector's reports use, whatever the provider calls its sections. */
export const ReportSectionKey = {
  INCOME: "INCOME",
  COST_OF_SALES: "COST_OF_SALES",
  OTHER_INCOME: "OTHER_INCOME",
  OPERATING_EXPENSES: "OPERATING_EXPENSES",
  OTHER_EXPENSES: "OTHER_EXPENSES",
  ASSETS: "ASSETS",
  BANK: "BANK",
  CURRENT_ASSETS: "CURRENT_ASSETS",
  FIXED_ASSETS: "FIXED_ASSETS",
  NON_CURRENT_ASSETS: "NON_CURRENT_ASSETS",
  LIABILITIES: "LIABILITIES",
  CURRENT_LIABILITIES: "CURRENT_LIABILITIES",
  NON_CURRENT_LIABILITIES: "NON_CURRENT_LIABILITIES",
  EQUITY: "EQUITY",
} as const;
export type ReportSectionKey = (typeof ReportSectionKey)[keyof typeof ReportSectionKey];

/** Sub-sections that belong under ASSETS or LIABILITIES on a balance sheet. */
export const BALANCE_SHEET_PARENT: Partial<Record<string, ReportSectionKey>> = {
  BANK: "ASSETS",
  CURRENT_ASSETS: "ASSETS",
  FIXED_ASSETS: "ASSETS",
  NON_CURRENT_ASSETS: "ASSETS",
  CURRENT_LIABILITIES: "LIABILITIES",
  NON_CURRENT_LIABILITIES: "LIABILITIES",
};
