import type { CashSummary } from "../../../schema/report/standard-reports.type.js";
import type { CashSummaryParams } from "../../connector/adapter.js";
import type { EngineContext, Ledger } from "./ledger.js";

/** Each bank account's opening, money in, money out and closing per period (placeholder: the engine fills it in). */
export function computeCashSummary(ledger: Ledger, params: CashSummaryParams, ctx: EngineContext): CashSummary {
  void ledger; void params; void ctx;
  throw new Error("computeCashSummary: not built yet");
}
