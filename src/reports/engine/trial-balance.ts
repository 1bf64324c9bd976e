import type { TrialBalance } from "../../../schema/report/standard-reports.type.js";
import type { TrialBalanceParams } from "../../connector/adapter.js";
import type { EngineContext, Ledger } from "./ledger.js";

/** Every account's balance at `params.date` from the ledger (placeholder: the engine fills it in). */
export function computeTrialBalance(ledger: Ledger, params: TrialBalanceParams, ctx: EngineContext): TrialBalance {
  void ledger; void params; void ctx;
  throw new Error("computeTrialBalance: not built yet");
}
