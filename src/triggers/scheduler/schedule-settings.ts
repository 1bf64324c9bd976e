import { z } from "zod";
import type { OrganizationRecord } from "../../organizations/organization-record.js";

/** How one organization's pollers share its rate budget. */
export interface ScheduleSettings {
  /** Poll at all. */
  enabled: boolean;
  /** Upstream calls per rolling minute the provider allows this organization. */
  budgetPerMinute: number;
  /** Upstream calls the provider allows this organization in a day (Xero: 5,000); undefined: no daily limit. */
  budgetPerDay?: number;
  /** Fraction of the budget (of the minute, and of the day) the pollers may use; interactive queries and mutations keep the rest. */
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
  /**
   * Per provider, calls a day; a provider absent (or 0) sets no daily limit. An organization whose
   * connector settings declare a lower `limits.perDay` uses that (and one that declares a daily limit
   * its provider has no default for uses it).
   */
  budgetPerDay?: Record<string, number | undefined>;
  share: number;
  intervalMs?: number;
  minIntervalMs: number;
  reconcileIntervalMs: number;
}

/**
 * `settings.triggers` of an organization record (non-secret, optional): overrides the defaults for
 * that organization only. A value that does not fit is named in `problems` and its default used.
 */
const organizationTriggerSettings = z.object({
  enabled: z.boolean().optional(),
  budgetPerMinute: z.number().int().positive().optional(),
  budgetPerDay: z.number().int().positive().optional(),
  sharePercent: z.number().int().min(1).max(100).optional(),
  intervalSeconds: z.number().positive().optional(),
  minIntervalSeconds: z.number().nonnegative().optional(),
  reconcileMinutes: z.number().positive().optional(),
});
export type OrganizationTriggerSettings = z.input<typeof organizationTriggerSettings>;
type OwnSettings = z.output<typeof organizationTriggerSettings>;

const EXPECTED: Record<keyof OwnSettings, string> = {
  enabled: "true or false",
  budgetPerMinute: "a whole number of calls a minute above 0",
  budgetPerDay: "a whole number of calls a day above 0 (Xero allows 5000)",
  sharePercent: "a whole percentage from 1 to 100",
  intervalSeconds: "a number of seconds above 0",
  minIntervalSeconds: "a number of seconds, 0 or more",
  reconcileMinutes: "a number of minutes above 0",
};

/** The organization's own trigger settings that fit, and a line naming each one that does not. */
export function organizationTriggerSettingsOf(organization: OrganizationRecord): { own: OwnSettings; problems: string[] } {
  const raw = organization.settings.triggers ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { own: {}, problems: [`settings.triggers of organization ${organization.id}: expected an object of overrides, got ${JSON.stringify(raw)}; the defaults apply`] };
  }
  const own: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(organizationTriggerSettings.shape)) {
    const value = (raw as Record<string, unknown>)[key];
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      if (parsed.data !== undefined) own[key] = parsed.data;
    } else {
      problems.push(`settings.triggers.${key} of organization ${organization.id}: expected ${EXPECTED[key as keyof OwnSettings]}, got ${JSON.stringify(value)}; the default applies`);
    }
  }
  return { own: own as OwnSettings, problems };
}

export function scheduleSettingsFor(organization: OrganizationRecord, defaults: ScheduleDefaults, override: Partial<ScheduleSettings> = {}): ScheduleSettings {
  const { own } = organizationTriggerSettingsOf(organization);
  const limits = organization.settings.limits as { perMinute?: unknown; perDay?: unknown } | undefined;
  const providerLimit = typeof limits?.perMinute === "number" ? limits.perMinute : Number.POSITIVE_INFINITY;
  const budget = own.budgetPerMinute ?? Math.min(defaults.budgetPerMinute[organization.provider] ?? 60, providerLimit);
  const intervalSeconds = own.intervalSeconds;
  return {
    enabled: own.enabled ?? true,
    budgetPerMinute: budget,
    budgetPerDay: own.budgetPerDay ?? lowest(defaults.budgetPerDay?.[organization.provider], limits?.perDay),
    share: own.sharePercent !== undefined ? own.sharePercent / 100 : defaults.share,
    intervalMs: intervalSeconds !== undefined ? intervalSeconds * 1000 : defaults.intervalMs,
    minIntervalMs: own.minIntervalSeconds !== undefined ? own.minIntervalSeconds * 1000 : defaults.minIntervalMs,
    reconcileIntervalMs: own.reconcileMinutes !== undefined ? own.reconcileMinutes * 60_000 : defaults.reconcileIntervalMs,
    ...override,
  };
}

/** The lower of two daily limits, either of which may be absent (or 0: none). */
function lowest(...limits: unknown[]): number | undefined {
  const set = limits.filter((l): l is number => typeof l === "number" && Number.isFinite(l) && l > 0);
  return set.length > 0 ? Math.min(...set) : undefined;
}

/** Calls per rolling minute the pollers of an organization may make (at least one). */
export const pollerLimitOf = (settings: ScheduleSettings) => Math.max(1, Math.floor(settings.budgetPerMinute * settings.share));

/** Calls the pollers of an organization may make in any 24 hours (at least one); undefined without a daily limit. */
export const pollerLimitPerDayOf = (settings: ScheduleSettings) =>
  settings.budgetPerDay === undefined ? undefined : Math.max(1, Math.floor(settings.budgetPerDay * settings.share));
