/**
 * Xero's API limits, per tenant: calls in a rolling 60-second window, calls in flight at once and
 * calls per (UTC) day, plus an app-wide per-minute limit across tenants. Rejected calls do not count.
 * https://developer.xero.com/documentation/guides/oauth2/limits/
 */

export interface RateLimits {
  /** Calls per tenant in any rolling 60 seconds (Xero: 60). */
  perMinute: number;
  /** Calls per tenant in flight at once (Xero: 5). */
  concurrent: number;
  /** Calls per tenant per UTC day (Xero: 5000). */
  perDay: number;
  /** Calls per minute across all tenants (Xero: 10000). */
  appPerMinute?: number;
}

export const DEFAULT_LIMITS: Required<RateLimits> = { perMinute: 60, concurrent: 5, perDay: 5000, appPerMinute: 10_000 };

export type RateLimitProblem = "minute" | "day" | "concurrent" | "appminute";

export type Admission =
  | { ok: true; headers: Record<string, string>; release(): void }
  | { ok: false; problem: RateLimitProblem; retryAfterSeconds: number; headers: Record<string, string> };

interface TenantUsage {
  minute: number[];
  day: string;
  dayCount: number;
  inFlight: number;
}

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly limits: Required<RateLimits>;
  private readonly tenants = new Map<string, TenantUsage>();
  private app: number[] = [];

  constructor(limits: Partial<RateLimits>, private readonly now: () => number) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Counts an app-level call that is not tenant-scoped (e.g. /connections). */
  appCall(): Record<string, string> {
    const now = this.now();
    this.app = this.app.filter((t) => t > now - WINDOW_MS);
    this.app.push(now);
    return { "X-AppMinLimit-Remaining": String(Math.max(0, this.limits.appPerMinute - this.app.length)) };
  }

  admit(tenantId: string): Admission {
    const now = this.now();
    const usage = this.usage(tenantId, now);
    this.app = this.app.filter((t) => t > now - WINDOW_MS);
    const rejection = this.check(usage, now);
    if (rejection) return { ok: false, ...rejection, headers: this.headers(usage) };
    usage.minute.push(now);
    usage.dayCount += 1;
    usage.inFlight += 1;
    this.app.push(now);
    let released = false;
    return {
      ok: true,
      headers: this.headers(usage),
      release: () => {
        if (!released) usage.inFlight -= 1;
        released = true;
      },
    };
  }

  private check(usage: TenantUsage, now: number): { problem: RateLimitProblem; retryAfterSeconds: number } | undefined {
    const { perDay, perMinute, concurrent, appPerMinute } = this.limits;
    if (usage.dayCount >= perDay) {
      const midnight = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + 1);
      return { problem: "day", retryAfterSeconds: Math.max(1, Math.ceil((midnight - now) / 1000)) };
    }
    if (usage.minute.length >= perMinute) {
      return { problem: "minute", retryAfterSeconds: Math.max(1, Math.ceil((usage.minute[0]! + WINDOW_MS - now) / 1000)) };
    }
    if (this.app.length >= appPerMinute) {
      return { problem: "appminute", retryAfterSeconds: Math.max(1, Math.ceil((this.app[0]! + WINDOW_MS - now) / 1000)) };
    }
    if (usage.inFlight >= concurrent) return { problem: "concurrent", retryAfterSeconds: 1 };
    return undefined;
  }

  private usage(tenantId: string, now: number): TenantUsage {
    const day = new Date(now).toISOString().slice(0, 10);
    let usage = this.tenants.get(tenantId);
    if (!usage) {
      usage = { minute: [], day, dayCount: 0, inFlight: 0 };
      this.tenants.set(tenantId, usage);
    }
    if (usage.day !== day) Object.assign(usage, { day, dayCount: 0 });
    usage.minute = usage.minute.filter((t) => t > now - WINDOW_MS);
    return usage;
  }

  private headers(usage: TenantUsage): Record<string, string> {
    return {
      "X-DayLimit-Remaining": String(Math.max(0, this.limits.perDay - usage.dayCount)),
      "X-MinLimit-Remaining": String(Math.max(0, this.limits.perMinute - usage.minute.length)),
      "X-AppMinLimit-Remaining": String(Math.max(0, this.limits.appPerMinute - this.app.length)),
    };
  }
}
