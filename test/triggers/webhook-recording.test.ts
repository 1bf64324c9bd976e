import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { recordingLogger } from "../support/recording-logger.js";
import { signXeroWebhook } from "../../src/triggers/index.js";
import { xeroWebhookRoute } from "../../src/triggers/xero-webhook/webhook-route.js";

const KEY = "xero-webhook-key-for-recording-tests-0123456789";
const DELIVERY = JSON.stringify({
  events: [{ resourceUrl: "https://api.xero.com/api.xro/2.0/Contacts/717f2bfc-c6d4-41fd-b238-3f2f0c0cf777", resourceId: "717f2bfc-c6d4-41fd-b238-3f2f0c0cf777", eventDateUtc: "2026-01-01T00:00:00.000", eventType: "UPDATE", eventCategory: "CONTACT", tenantId: "c2cc9b6e-9458-4c7d-93cc-f02b81b0594f", tenantType: "ORGANISATION" }],
  firstEventSequence: 1, lastEventSequence: 1, entropy: "S0M3R4ND0MT3XT",
});

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The route alone on a loopback port, with `accept` as given; posts the signed delivery. */
async function deliverWith(accept: () => unknown, answerWithinMs?: number) {
  const app = express();
  const logger = recordingLogger();
  app.use(xeroWebhookRoute({ webhookKey: KEY, accept, logger, answerWithinMs }));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/xero`;
  const response = await fetch(url, { method: "POST", body: DELIVERY, headers: { "x-xero-signature": signXeroWebhook(Buffer.from(DELIVERY), KEY) } });
  return { status: response.status, logger };
}

describe("a verified Xero delivery is answered 2xx only once it is recorded", () => {
  it("a delivery whose changes cannot be recorded (the store fails) is answered 503, so Xero sends it again", async () => {
    const { status, logger } = await deliverWith(() => Promise.reject(new Error("SQLITE_FULL: database or disk is full")));
    expect(status).toBe(503);
    expect(logger.entries.map((e) => e.msg)).toEqual(["xero webhook delivery not recorded; answered 503 so that Xero sends it again"]);
  });

  it("a recorded delivery is answered 200", async () => {
    let recorded = false;
    const { status } = await deliverWith(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      recorded = true;
    });
    expect(recorded).toBe(true);
    expect(status).toBe(200);
  });

  it("a delivery still being fetched when Xero's deadline nears is answered 200 and finished afterwards", async () => {
    let finish!: () => void;
    const { status } = await deliverWith(() => new Promise<void>((resolve) => (finish = resolve)), 100);
    expect(status).toBe(200);
    finish();
  });
});
