import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createGatewayMetrics, type GatewayMetrics } from "../../src/server/metrics/gateway-metrics.js";
import { createUpstreamGovernor, rateLimited, withUpstreamCaller, type UpstreamGovernorOptions } from "../../src/upstream/index.js";
import { parsePrometheusText, samplesOf, valueOf } from "./prometheus-text.js";

const ORG = { id: "org_metrics", provider: "XERO" };
const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Serves the metrics' handler on a free port, as the gateway mounts it, and scrapes it once. */
async function scrape(metrics: GatewayMetrics) {
  const app = express();
  app.get("/metrics", metrics.handler());
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
  const body = await response.text();
  return { status: response.status, body, samples: parsePrometheusText(body) };
}

/** A real governor on a hand-moved clock (its waits move the clock), watched by `metrics`. */
function governed(metrics: GatewayMetrics, options: Partial<UpstreamGovernorOptions> = {}) {
  let now = Date.parse("2026-12-07T06:00:00Z");
  return createUpstreamGovernor({
    maxConcurrent: 5, perMinute: 60, perDay: 5000, provider: "Xero", timeoutMs: 1_000, maxRetries: 0,
    clock: { now: () => new Date(now) },
    sleep: async (ms: number) => void (now += ms),
    observer: metrics.upstreamObserver(ORG),
    ...options,
  });
}

const refusals = (samples: ReturnType<typeof parsePrometheusText>, reason: string) =>
  valueOf(samples, "ledgerline_upstream_rate_limited_total", { provider: "XERO", organization: ORG.id, reason });

describe("gateway metrics: the governor's calls and refusals", () => {
  it("counts calls started, and the remaining minute and day budget at scrape time", async () => {
    const metrics = createGatewayMetrics();
    const governor = governed(metrics);
    for (let i = 0; i < 3; i++) await governor.run(async () => i);
    const { samples } = await scrape(metrics);
    expect(valueOf(samples, "ledgerline_upstream_calls_total", { provider: "XERO", organization: ORG.id })).toBe(3);
    expect(valueOf(samples, "ledgerline_budget_remaining_calls", { organization: ORG.id, window: "minute" })).toBe(57);
    expect(valueOf(samples, "ledgerline_budget_remaining_calls", { organization: ORG.id, window: "day" })).toBe(4997);
  });

  it("labels the provider's 429 (provider), a full minute (minute), a spent day (day) and a key over its share (key)", async () => {
    const metrics = createGatewayMetrics();
    await expect(governed(metrics).run(async () => { throw rateLimited("Xero", 1); })).rejects.toThrow();
    const minute = governed(metrics, { perMinute: 1, perDay: undefined });
    await minute.run(async () => 1);
    await expect(minute.run(async () => 2)).rejects.toThrow();
    const day = governed(metrics, { perDay: 1 });
    await day.run(async () => 1);
    await expect(day.run(async () => 2)).rejects.toThrow();
    const keyed = governed(metrics, { perMinute: 4, keyShare: 0.25 });
    // 4 a minute, a key's sure share 1: past it, key-a borrows only while a whole share stays free (3 calls, the 4th is refused).
    for (let i = 0; i < 3; i++) await withUpstreamCaller({ apiKeyId: "key-a" }, () => keyed.run(async () => i));
    await expect(withUpstreamCaller({ apiKeyId: "key-a" }, () => keyed.run(async () => 1))).rejects.toThrow();

    const { samples } = await scrape(metrics);
    expect(refusals(samples, "provider")).toBe(1);
    expect(refusals(samples, "minute")).toBe(1);
    expect(refusals(samples, "day")).toBe(1);
    expect(refusals(samples, "key")).toBe(1);
  });

  it("keeps each gateway's counts apart (a registry per instance, not the global one)", async () => {
    const one = createGatewayMetrics();
    const two = createGatewayMetrics();
    await governed(one).run(async () => 1);
    expect(valueOf((await scrape(one)).samples, "ledgerline_upstream_calls_total", { organization: ORG.id })).toBe(1);
    expect(valueOf((await scrape(two)).samples, "ledgerline_upstream_calls_total", { organization: ORG.id })).toBe(0);
  });
});

describe("gateway metrics: gauges read at scrape time", () => {
  it("a failing source leaves its metric out, and the scrape is still 200 with the rest", async () => {
    const metrics = createGatewayMetrics();
    metrics.watch({
      pollers: () => { throw new Error("scheduler gone"); },
      eventLogHead: () => Promise.reject(new Error("store down")),
      subscriptions: () => 3,
    });
    const { status, samples, body } = await scrape(metrics);
    expect(status).toBe(200);
    expect(samplesOf(samples, "ledgerline_poll_lag_seconds")).toEqual([]);
    expect(samplesOf(samples, "ledgerline_event_log_head_sequence")).toEqual([]);
    expect(body).not.toContain("ledgerline_event_log_head_sequence");
    expect(valueOf(samples, "ledgerline_subscriptions", { transport: "ws" })).toBe(3);
  });

  it("poll lag is now − each poller's last run; a poller that never ran has none", async () => {
    const metrics = createGatewayMetrics();
    const now = Date.parse("2026-12-07T06:00:00Z");
    metrics.watch({
      now: () => now,
      pollers: () => [[ORG.id, [{ entity: "Invoice", lastRunAt: new Date(now - 42_000) }, { entity: "Contact", lastRunAt: null }]]],
      mirror: async () => [{ entity: "Invoice", lagSeconds: 7 }, { entity: "Contact", lagSeconds: null }],
      eventLogHead: async () => Buffer.from("ev1:17", "utf8").toString("base64url"),
    });
    const { samples } = await scrape(metrics);
    expect(valueOf(samples, "ledgerline_poll_lag_seconds", { organization: ORG.id, entity: "Invoice" })).toBe(42);
    expect(samplesOf(samples, "ledgerline_poll_lag_seconds", { entity: "Contact" })).toEqual([]);
    expect(valueOf(samples, "ledgerline_mirror_lag_seconds", { organization: ORG.id, entity: "Invoice" })).toBe(7);
    expect(samplesOf(samples, "ledgerline_mirror_lag_seconds", { entity: "Contact" })).toEqual([]);
    expect(valueOf(samples, "ledgerline_event_log_head_sequence")).toBe(17);
  });
});
