import type { Logger } from "../infra/logger.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { SecretBox } from "../secrets/secret-box.js";
import type { OrganizationRepository } from "../organizations/organization-repository.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import type { Provider } from "../../schema/common/provider.enum.js";

/**
 * "provider" keeps the provider's real limits in the sandbox and in the organization's governor;
 * "relaxed" lifts both, for benchmarks that measure the gateway rather than the budget; an object
 * sets the sandbox's own limits (tests that need the provider to refuse).
 */
export type SandboxLimits = "provider" | "relaxed" | { perMinute?: number; concurrent?: number; perDay?: number };

export interface EmbeddedSandboxOptions {
  /** Folder for the sandbox's own state file. */
  dataDir: string;
  /** Port for the sandbox; 0 picks a free one. */
  port: number;
  organizations: OrganizationRepository;
  /** The connector-scoped durable store, as the adapter pool hands it to adapters (`org:<id>` namespaces). */
  connectorStore: KeyValueStore;
  secrets: SecretBox;
  logger: Logger;
  /** Rate limits of the sandbox; see `SandboxLimits`. @default "provider" */
  limits?: SandboxLimits;
  /**
   * Simulated business activity in the sandbox: one action (a new invoice, a payment, an edit…) every
   * `everyMs`, drawn from `seed` (the sandbox's own when absent). Absent or null ⇒ off. @default null
   */
  activity?: { everyMs: number; seed?: number } | null;
  /** Where the sandbox sends signed webhooks, as its provider would (providers with webhooks). Absent or null ⇒ none. */
  webhooks?: SandboxWebhookTarget | null;
}

/** Where a sandbox sends its webhooks, and the key it signs them with. */
export interface SandboxWebhookTarget {
  url: string;
  key: string;
}

/** The provider's check of a webhook endpoint (Xero's intent to receive): whether it verifies signatures as required. */
export interface SandboxWebhookCheck {
  ok: boolean;
  url: string;
  /** What failed, one line per failed check; empty when `ok`. */
  problems: string[];
}

export interface RunningSandbox {
  provider: Provider;
  url: string;
  /** The organization connected to this sandbox (created once, then reused across restarts). */
  organization: OrganizationRecord;
  /** Counts of requests the sandbox has served (benchmarks and tests read it). */
  requestCount(): number;
  /**
   * Providers with webhooks: points the sandbox's webhooks at `target` (replacing any earlier target),
   * then runs the check the provider runs when a webhook URL is saved, and resolves with its outcome.
   */
  configureWebhooks?(target: SandboxWebhookTarget): Promise<SandboxWebhookCheck>;
  close(): Promise<void>;
}

/** How a connector starts its sandbox and connects one organization to it for the embedded default. */
export interface EmbeddedSandbox {
  provider: Provider;
  start(options: EmbeddedSandboxOptions): Promise<RunningSandbox>;
}
