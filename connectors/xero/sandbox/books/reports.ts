export { profitAndLoss, netProfit, type ProfitAndLossOptions } from "./reports/profit-and-loss.js";
export { balanceSheet, type BalanceSheetOptions } from "./reports/balance-sheet.js";
export type { Timeframe } from "./reports/columns.js";
