import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { recordingLogger } from "../../../test/support/recording-logger.js";
import { signXeroWebhook } from "./signature.js";
import { xeroWebhookRoute } from "./webhook-route.js";
import type { XeroWebhookEvent } from "./webhook-payload.js";

const KEY = "xero-webhook-key-for-route-tests-0123456789";
const HANDSHAKE = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: "FXNGWLCCGVANWHKILRUB" });

/** The route alone on a loopback port, with a clock the test moves and a logger it reads. */
async function startRoute(perAddress = 30) {
  let now = Date.parse("2026-01-01T00:00:00Z");
  const clock = { now: () => new Date(now) };
  const logger = recordingLogger();
  const accepted: XeroWebhookEvent[][] = [];
  const app = express();
  app.use(xeroWebhookRoute({ webhookKey: KEY, accept: (events) => accepted.push(events), logger, clock, refusals: { windowMs: 60_000, perAddress } }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/xero`;
  const post = async (body: string, signature: string | null) => {
    const response = await fetch(url, { method: "POST", body, headers: signature === null ? {} : { "x-xero-signature": signature } });
    return { status: response.status, retryAfter: response.headers.get("retry-after") };
  };
  return { server, logger, accepted, post, advance: (ms: number) => (now += ms) };
}

describe("POST /webhooks/xero under a flood of unsigned posts", () => {
  let route: Awaited<ReturnType<typeof startRoute>> | undefined;
  afterEach(() => new Promise<void>((resolve) => (route ? route.server.close(() => resolve()) : resolve())));

  it("500 refused posts write one line at once and one summary with the count, not 500 lines", async () => {
    route = await startRoute(1_000);
    for (let i = 0; i < 500; i++) expect((await route.post(HANDSHAKE, i % 2 ? null : "forged")).status).toBe(401);
    expect(route.logger.entries).toHaveLength(1);
    expect(route.logger.entries[0]!.msg).toMatch(/signature does not match/);

    route.advance(60_000);
    await route.post(HANDSHAKE, "forged");
    const summary = route.logger.entries.find((e) => e.msg.includes("since the last line"));
    expect(summary?.data).toMatchObject({ refused: 499, throttled: 0 });
    expect(route.logger.entries).toHaveLength(3);
  });

  it("an address over its budget gets 429 with Retry-After before its body is read; the next window it is heard again", async () => {
    route = await startRoute(30);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await route.post(HANDSHAKE, "forged")).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(70);
    const throttled = await route.post(HANDSHAKE, signXeroWebhook(Buffer.from(HANDSHAKE), KEY));
    expect(throttled).toEqual({ status: 429, retryAfter: "60" });

    route.advance(60_000);
    expect((await route.post(HANDSHAKE, signXeroWebhook(Buffer.from(HANDSHAKE), KEY))).status).toBe(200);
    expect(route.logger.entries.find((e) => e.msg.includes("since the last line"))?.data).toMatchObject({ refused: 29, throttled: 71 });
    expect(route.logger.entries).toHaveLength(2);
  });

  it("signed deliveries never spend the budget", async () => {
    route = await startRoute(2);
    const body = JSON.stringify({ events: [{ resourceId: "r1", eventType: "UPDATE", eventCategory: "INVOICE", tenantId: "t1" }] });
    for (let i = 0; i < 10; i++) expect((await route.post(body, signXeroWebhook(Buffer.from(body), KEY))).status).toBe(200);
    expect(route.accepted).toHaveLength(10);
    expect(route.logger.entries).toHaveLength(0);
  });
});
