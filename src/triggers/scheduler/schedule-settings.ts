import { z } from "zod";
import type { OrganizationRecord } from "../../organizations/organization-record.js";

/** How one organization's pollers share its rate budget. */
export interface ScheduleSettings {
  /** Poll at all. */
  enabled: boolean;
  /** Upstream calls per rolling minute the provider allows this organization. */
  budgetPerMinute: number;
  /** Fraction of that budget the pollers may use; interactive queries and mutations keep the rest. */
  share: number;
  /** Fixed time between two polls of one entity kind; undefined: as often as the budget allows. */
  intervalMs?: number;
  /** Never poll one entity kind more often than this. */
  minIntervalMs: number;
  /** Time between full listings of entities read incrementally (to find deleted records). */
  reconcileIntervalMs: number;
}

/** Gateway-wide defaults (from the environment), before an organization's own settings. */
export interface ScheduleDefaults {
  /** Per provider; an organization whose connector settings declare a lower `limits.perMinute` uses that. */
  budgetPerMinute: Record<string, number>;
  share: number;
  intervalMs?: number;
  minIntervalMs: number;
  reconcileIntervalMs: number;
}

/**
 * `settings.triggers` of an organization record (non-secret, optional): overrides the defaults for
 * that organization only.
 */
const organizationTriggerSettings = z.object({
  enabled: z.boolean().optional(),
  budgetPerMinute: z.number().int().positive().optional(),
  sharePercent: z.number().int().min(1).max(100).optional(),
  intervalSeconds: z.number().positive().optional(),
  minIntervalSeconds: z.number().nonnegative().optional(),
  reconcileMinutes: z.number().positive().optional(),
});
export type OrganizationTriggerSettings = z.input<typeof organizationTriggerSettings>;

export function scheduleSettingsFor(organization: OrganizationRecord, defaults: ScheduleDefaults, override: Partial<ScheduleSettings> = {}): ScheduleSettings {
  const parsed = organizationTriggerSettings.safeParse(organization.settings.triggers ?? {});
  const own = parsed.success ? parsed.data : {};
  const limits = organization.settings.limits as { perMinute?: unknown } | undefined;
  const providerLimit = typeof limits?.perMinute === "number" ? limits.perMinute : Number.POSITIVE_INFINITY;
  const budget = own.budgetPerMinute ?? Math.min(defaults.budgetPerMinute[organization.provider] ?? 60, providerLimit);
  const intervalSeconds = own.intervalSeconds;
  return {
    enabled: own.enabled ?? true,
    budgetPerMinute: budget,
    share: own.sharePercent !== undefined ? own.sharePercent / 100 : defaults.share,
    intervalMs: intervalSeconds !== undefined ? intervalSeconds * 1000 : defaults.intervalMs,
    minIntervalMs: own.minIntervalSeconds !== undefined ? own.minIntervalSeconds * 1000 : defaults.minIntervalMs,
    reconcileIntervalMs: own.reconcileMinutes !== undefined ? own.reconcileMinutes * 60_000 : defaults.reconcileIntervalMs,
    ...override,
  };
}

/** Calls per rolling minute the pollers of an organization may make (at least one). */
export const pollerLimitOf = (settings: ScheduleSettings) => Math.max(1, Math.floor(settings.budgetPerMinute * settings.share));
