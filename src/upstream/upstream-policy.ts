import type { GatewayConfig } from "../config/index.js";
import type { UpstreamPolicy } from "./governor.js";

/**
 * The configured bounds for every organization's governor: the deadline, each API key's share, and
 * the share kept for the pollers (`LEDGERLINE_TRIGGER_BUDGET_PERCENT`, none when triggers are off).
 */
export function upstreamPolicyOf(config: Pick<GatewayConfig, "upstream" | "triggers">): Required<Omit<UpstreamPolicy, "observer" | "ledger">> {
  return {
    timeoutMs: config.upstream.timeoutMs,
    keyShare: config.upstream.keyBudgetPercent / 100,
    reservedShare: config.triggers.enabled ? Math.min(config.triggers.budgetPercent, 99) / 100 : 0,
  };
}
