/**
 * The standard reports the engine computes where the provider does not make them: trial balance and
 * cash summary from the ledger, aged receivables and payables from the documents.
 * (Entry points; each lives in its own file.)
 */
export { computeTrialBalance } from "./trial-balance.js";
export { computeAgedReport, AGED_REPORT_ENTITIES } from "./aged-report.js";
export { computeCashSummary } from "./cash-summary.js";
