/** The receiver verification snippet of the README, run against what the gateway signs and sends. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendWebhook } from "./send-webhook.js";
import { generateSigningSecret, signedHeaders } from "./signing.js";

// snippet:start
import { createHmac, timingSafeEqual } from "node:crypto";

/** True when `rawBody` (the request body exactly as received) was signed with `secret` ("whsec_…") less than 5 minutes ago. */
function verifyLedgerlineWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>, secret: string): boolean {
  const [id, timestamp, signatures] = ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => String(headers[name] ?? ""));
  if (!id || !(Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300)) return false; // missing, stale or from the future
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = Buffer.from(`v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${rawBody}`).digest("base64")}`);
  return signatures.split(" ").some((signature) => {
    const given = Buffer.from(signature); // one "v1,<base64>" per secret the gateway signs with (two during a rotation)
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
// snippet:end

const body = JSON.stringify({ id: "evt_1", type: "INVOICE_UPDATED", data: { id: "inv_1", total: "12.50" } });
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("the README's receiver snippet", () => {
  it("accepts what the gateway signs, with either secret during a rotation", () => {
    const [current, previous] = [generateSigningSecret(), generateSigningSecret()];
    const one = signedHeaders({ id: "evt_1", timestampSeconds: nowSeconds(), body, secrets: [current] });
    expect(verifyLedgerlineWebhook(body, one, current)).toBe(true);
    const both = signedHeaders({ id: "evt_1", timestampSeconds: nowSeconds(), body, secrets: [current, previous] });
    expect(verifyLedgerlineWebhook(body, both, current)).toBe(true);
    expect(verifyLedgerlineWebhook(body, both, previous)).toBe(true);
  });

  it("refuses a tampered body, id or timestamp, another secret, and missing headers", () => {
    const secret = generateSigningSecret();
    const headers = signedHeaders({ id: "evt_1", timestampSeconds: nowSeconds(), body, secrets: [secret] });
    expect(verifyLedgerlineWebhook(body.replace("12.50", "99.50"), headers, secret)).toBe(false);
    expect(verifyLedgerlineWebhook(body, { ...headers, "webhook-id": "evt_2" }, secret)).toBe(false);
    expect(verifyLedgerlineWebhook(body, { ...headers, "webhook-timestamp": String(nowSeconds() - 1) }, secret)).toBe(false);
    expect(verifyLedgerlineWebhook(body, headers, generateSigningSecret())).toBe(false);
    expect(verifyLedgerlineWebhook(body, { ...headers, "webhook-signature": undefined }, secret)).toBe(false);
    expect(verifyLedgerlineWebhook(body, { ...headers, "webhook-timestamp": "soon" }, secret)).toBe(false);
  });

  it("refuses a timestamp more than 5 minutes old (or ahead)", () => {
    const secret = generateSigningSecret();
    const stale = signedHeaders({ id: "evt_1", timestampSeconds: nowSeconds() - 301, body, secrets: [secret] });
    expect(verifyLedgerlineWebhook(body, stale, secret)).toBe(false);
    const ahead = signedHeaders({ id: "evt_1", timestampSeconds: nowSeconds() + 301, body, secrets: [secret] });
    expect(verifyLedgerlineWebhook(body, ahead, secret)).toBe(false);
    const recent = signedHeaders({ id: "evt_1", timestampSeconds: nowSeconds() - 240, body, secrets: [secret] });
    expect(verifyLedgerlineWebhook(body, recent, secret)).toBe(true);
  });

  describe("in a real receiver", () => {
    let server: http.Server | undefined;
    afterEach(async () => {
      await new Promise((resolve) => server?.close(resolve));
    });

    it("verifies a delivery sendWebhook made, from node's request headers and raw body", async () => {
      const secret = generateSigningSecret();
      server = http.createServer((req, res) => {
        let raw = "";
        req.setEncoding("utf8").on("data", (chunk: string) => (raw += chunk));
        req.on("end", () => res.writeHead(verifyLedgerlineWebhook(raw, req.headers, secret) ? 204 : 401).end());
      });
      await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
      const send = (secrets: string[]) =>
        sendWebhook({ url, body, headers: signedHeaders({ id: "evt_9", timestampSeconds: nowSeconds(), body, secrets }), timeoutMs: 5_000, policy: { allowLoopback: true } });
      expect((await send([secret])).statusCode).toBe(204);
      expect((await send([generateSigningSecret()])).statusCode).toBe(401);
    });
  });
});
