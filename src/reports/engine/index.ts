export type { AccountClass, EngineContext, FinancialYearEnd, Ledger, LedgerAccount, Posting } from "./ledger.js";
export { computeProfitAndLoss } from "./profit-and-loss.js";
export { computeBalanceSheet } from "./balance-sheet.js";
export type { DocumentChart, TrackedItem } from "./document-chart.js";
export { POSTED_STATUSES, type DocumentBooks } from "./document-index.js";
export { documentPostings } from "./document-ledger.js";
