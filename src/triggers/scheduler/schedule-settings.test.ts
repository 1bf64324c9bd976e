import { describe, expect, it } from "vitest";
import { organizationTriggerSettingsOf, pollerLimitOf, pollerLimitPerDayOf, scheduleSettingsFor, type ScheduleDefaults } from "./schedule-settings.js";
import { Provider } from "../../../schema/common/provider.enum.js";
import type { OrganizationRecord } from "../../organizations/organization-record.js";

const defaults: ScheduleDefaults = { budgetPerMinute: { XERO: 60, DAFTRA: 120, CLIENTARY: 120 }, share: 0.5, minIntervalMs: 5_000, reconcileIntervalMs: 15 * 60_000 };
const organization = (provider: Provider, settings: Record<string, unknown> = {}): OrganizationRecord => ({ id: "org_1", provider, name: "Books", settings, createdAt: "2026-01-01T00:00:00.000Z" });

describe("schedule settings", () => {
  it("take the provider's default budget and half of it for the pollers", () => {
    const settings = scheduleSettingsFor(organization(Provider.XERO), defaults);
    expect(settings).toMatchObject({ enabled: true, budgetPerMinute: 60, share: 0.5, minIntervalMs: 5_000, reconcileIntervalMs: 900_000 });
    expect(settings.intervalMs).toBeUndefined();
    expect(pollerLimitOf(settings)).toBe(30);
  });

  it("take a lower limit the organization's connector declares", () => {
    expect(scheduleSettingsFor(organization(Provider.CLIENTARY, { limits: { perMinute: 60 } }), defaults).budgetPerMinute).toBe(60);
  });

  it("let one organization override its budget, share and intervals", () => {
    const settings = scheduleSettingsFor(
      organization(Provider.DAFTRA, { triggers: { budgetPerMinute: 40, sharePercent: 25, intervalSeconds: 30, minIntervalSeconds: 2, reconcileMinutes: 60 } }),
      defaults,
    );
    expect(settings).toMatchObject({ budgetPerMinute: 40, share: 0.25, intervalMs: 30_000, minIntervalMs: 2_000, reconcileIntervalMs: 3_600_000 });
    expect(pollerLimitOf(settings)).toBe(10);
    expect(scheduleSettingsFor(organization(Provider.DAFTRA, { triggers: { enabled: false } }), defaults).enabled).toBe(false);
  });

  it("take the provider's daily limit, the connector's lower one, or the organization's own; and the same share of it for the pollers", () => {
    const daily: ScheduleDefaults = { ...defaults, budgetPerDay: { XERO: 5_000, DAFTRA: 0 } };
    const xero = scheduleSettingsFor(organization(Provider.XERO), daily);
    expect(xero.budgetPerDay).toBe(5_000);
    expect(pollerLimitPerDayOf(xero)).toBe(2_500);
    expect(scheduleSettingsFor(organization(Provider.XERO, { limits: { perDay: 1_000 } }), daily).budgetPerDay).toBe(1_000);
    expect(scheduleSettingsFor(organization(Provider.XERO, { limits: { perDay: 100_000_000 } }), daily).budgetPerDay).toBe(5_000);
    expect(scheduleSettingsFor(organization(Provider.XERO, { triggers: { budgetPerDay: 800, sharePercent: 25 } }), daily)).toMatchObject({ budgetPerDay: 800, share: 0.25 });
    // Daftra and Clientary document no daily limit: none unless their settings declare one.
    for (const provider of [Provider.DAFTRA, Provider.CLIENTARY]) {
      const settings = scheduleSettingsFor(organization(provider), daily);
      expect(settings.budgetPerDay).toBeUndefined();
      expect(pollerLimitPerDayOf(settings)).toBeUndefined();
    }
    expect(scheduleSettingsFor(organization(Provider.XERO), defaults).budgetPerDay).toBeUndefined();
  });

  it("name an override that does not fit, use its default, and keep the overrides that fit", () => {
    const org = organization(Provider.XERO, { triggers: { budgetPerDay: "lots", sharePercent: 25 } });
    expect(organizationTriggerSettingsOf(org).problems).toEqual([
      'settings.triggers.budgetPerDay of organization org_1: expected a whole number of calls a day above 0 (Xero allows 5000), got "lots"; the default applies',
    ]);
    expect(scheduleSettingsFor(org, { ...defaults, budgetPerDay: { XERO: 5_000 } })).toMatchObject({ budgetPerDay: 5_000, share: 0.25 });
    expect(organizationTriggerSettingsOf(organization(Provider.XERO, { triggers: { budgetPerDay: 0 } })).problems[0]).toMatch(/^settings\.triggers\.budgetPerDay .*got 0;/);
    expect(organizationTriggerSettingsOf(organization(Provider.XERO, { triggers: 5 })).problems[0]).toMatch(/^settings\.triggers of organization org_1: expected an object/);
    expect(organizationTriggerSettingsOf(organization(Provider.XERO, { triggers: { budgetPerDay: 2_000 } })).problems).toEqual([]);
  });
});
