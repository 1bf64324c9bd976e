export { profitAndLoss, netProfit, type ProfitAndLossOptions } from "./reports/profit-and-loss.js";
export { balanceSheet, type BalanceSheetOptions } from "./reports/balance-sheet.js";
export type { Timeframe } from "./reports/columns.js";
export { trialBalance, type TrialBalanceOptions } from "./reports/trial-balance.js";
export { agedByContact, type AgedByContactOptions, type AgedSide } from "./reports/aged-by-contact.js";
export { bankSummary, type BankSummaryOptions } from "./reports/bank-summary.js";
