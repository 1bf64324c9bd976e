import type { Provider } from "../../../schema/common/provider.enum.js";
import type { ConnectorAdapter } from "../adapter.js";
import type { CapabilityDeclaration } from "../capabilities.js";
import { guardCapabilities } from "../capability-guard.js";

const METHODS = ["profile", "list", "getMany", "balanceSheet", "profitAndLoss", "create", "update", "remove", "send", "addNote", "perform"] as const;

/**
 * A guarded adapter over `capabilities` whose every method only records that it ran, so a test can
 * check the capability guard refused a call before any of them (and so before any upstream call).
 */
export function recordingAdapter(provider: Provider, capabilities: Partial<CapabilityDeclaration>): { adapter: ConnectorAdapter; calls: string[] } {
  const calls: string[] = [];
  const adapter: Record<string, unknown> = { provider, capabilities: { reports: {}, ...capabilities } };
  for (const name of METHODS) {
    adapter[name] = async () => {
      calls.push(name);
      if (name === "list") return { items: [], hasNextPage: false };
      if (name === "getMany") return [];
      return { kind: "done", record: {} };
    };
  }
  return { adapter: guardCapabilities(adapter as unknown as ConnectorAdapter), calls };
}
