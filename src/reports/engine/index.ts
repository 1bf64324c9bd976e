export type { AccountClass, EngineContext, FinancialYearEnd, Ledger, LedgerAccount, Posting } from "./ledger.js";
export { computeProfitAndLoss } from "./profit-and-loss.js";
export { computeBalanceSheet } from "./balance-sheet.js";
