import { describe, expect, it } from "vitest";
import { pollerLimitOf, scheduleSettingsFor, type ScheduleDefaults } from "./schedule-settings.js";
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
});
