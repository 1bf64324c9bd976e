import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateSigningSecret } from "../../src/webhooks/delivery/signing.js";
import { until } from "../support/until.js";
import { harness, recordEvent, startReceiver, type Harness, type Receiver } from "./dispatcher-harness.js";

/** A secret rotation as the dispatcher signs through it: both secrets during the 24 h overlap, then only the new one. */

let h: Harness;
let receiver: Receiver;
beforeEach(async () => {
  h = await harness();
  receiver = await startReceiver();
});
afterEach(async () => {
  await h.close();
  await receiver.close();
});

const DAY_MS = 86_400_000;

/** The `v1,…` signature of one request under `secret`, computed here (not by the gateway's code). */
function expectedSignature(secret: string, request: Receiver["requests"][number]): string {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const content = `${request.headers["webhook-id"]}.${request.headers["webhook-timestamp"]}.${request.body}`;
  return `v1,${createHmac("sha256", key).update(content).digest("base64")}`;
}

describe("webhook secret rotation", () => {
  it("signs with the old and the new secret for 24 hours after a rotation, then with the new one only", async () => {
    const key = h.addKey(["org-a"]);
    const rotatedAt = h.clock.now();
    const [previous, current] = [generateSigningSecret(), generateSigningSecret()];
    // As rotateWebhookSecret stores it: the replaced secret expires 24 h after the rotation.
    await h.addEndpoint(key, receiver.url, {
      secrets: [
        { sealed: h.box.seal(previous), createdAt: new Date(rotatedAt.getTime() - DAY_MS).toISOString(), expiresAt: new Date(rotatedAt.getTime() + DAY_MS).toISOString() },
        { sealed: h.box.seal(current), createdAt: rotatedAt.toISOString() },
      ],
    });
    h.dispatcher();

    await h.append(recordEvent("org-a", 1));
    await until(async () => receiver.accepted().length, (n) => n >= 1, 8_000, "the first delivery");
    const during = receiver.accepted()[0]!;
    expect(during.headers["webhook-signature"]!.split(" ").sort()).toEqual([expectedSignature(previous, during), expectedSignature(current, during)].sort());
    // A receiver holding either secret accepts it (an independent Standard Webhooks implementation).
    expect(() => new Webhook(previous).verify(during.body, during.headers)).not.toThrow();
    expect(() => new Webhook(current).verify(during.body, during.headers)).not.toThrow();

    h.clock.advance(DAY_MS + 60_000);
    await h.append(recordEvent("org-a", 2));
    await until(async () => receiver.accepted().length, (n) => n >= 2, 8_000, "the delivery after the overlap");
    const after = receiver.accepted()[1]!;
    expect(after.headers["webhook-signature"]).toBe(expectedSignature(current, after));
    expect(after.headers["webhook-signature"]).not.toContain(expectedSignature(previous, after));
  });
});
