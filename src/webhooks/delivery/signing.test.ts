import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateSigningSecret, isSigningSecret, signatureOf, signedHeaders } from "./signing.js";

const nowSeconds = () => Math.floor(Date.now() / 1000);
const body = JSON.stringify({ type: "INVOICE_UPDATED", data: { id: "inv_1", total: "12.50", note: "café ✓" } });

describe("signing secrets", () => {
  it("generates whsec_ + base64 of 32 random bytes, a different one each time", () => {
    const a = generateSigningSecret();
    const b = generateSigningSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(isSigningSecret(a)).toBe(true);
  });

  it.each([
    ["", false],
    ["whsec_", false],
    ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false],
    ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true],
    ["whsec_not base64 at all!!", false],
    ["whsec_AAAA", false],
    ["whsec_" + Buffer.alloc(32, 7).toString("base64"), true],
    ["whsec_" + Buffer.alloc(32, 255).toString("base64url"), false],
  ])("isSigningSecret(%j) is %s", (text, expected) => {
    expect(isSigningSecret(text)).toBe(expected);
  });
});

describe("signedHeaders", () => {
  it("matches the Standard Webhooks test vector", () => {
    const signature = signatureOf({
      id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      timestampSeconds: 1614265330,
      body: '{"test": 2432232314}',
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    });
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("carries the id, timestamp, signature, content type and user agent", () => {
    const headers = signedHeaders({ id: "evt_1", timestampSeconds: 1700000000, body, secrets: [generateSigningSecret()] });
    expect(Object.keys(headers).sort()).toEqual(["content-type", "user-agent", "webhook-id", "webhook-signature", "webhook-timestamp"]);
    expect(headers["webhook-id"]).toBe("evt_1");
    expect(headers["webhook-timestamp"]).toBe("1700000000");
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["user-agent"]).toBe("Ledgerline-Webhooks/1");
  });

  it("is verified by the standardwebhooks library", () => {
    const secret = generateSigningSecret();
    const headers = signedHeaders({ id: "evt_valid", timestampSeconds: nowSeconds(), body, secrets: [secret] });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("fails verification with a tampered body, a tampered id, or another secret", () => {
    const secret = generateSigningSecret();
    const headers = signedHeaders({ id: "evt_2", timestampSeconds: nowSeconds(), body, secrets: [secret] });
    const wh = new Webhook(secret);
    expect(() => wh.verify(body.replace("12.50", "99.50"), headers)).toThrow(/signature/i);
    expect(() => wh.verify(body, { ...headers, "webhook-id": "evt_3" })).toThrow(/signature/i);
    expect(() => new Webhook(generateSigningSecret()).verify(body, headers)).toThrow(/signature/i);
  });

  it("fails verification when the timestamp is more than 5 minutes old", () => {
    const secret = generateSigningSecret();
    const headers = signedHeaders({ id: "evt_old", timestampSeconds: nowSeconds() - 6 * 60, body, secrets: [secret] });
    expect(() => new Webhook(secret).verify(body, headers)).toThrow(/too old/i);
  });

  it("signs with every secret during a rotation: either one verifies", () => {
    const next = generateSigningSecret();
    const previous = generateSigningSecret();
    const headers = signedHeaders({ id: "evt_rot", timestampSeconds: nowSeconds(), body, secrets: [next, previous] });
    const parts = headers["webhook-signature"].split(" ");
    expect(parts).toHaveLength(2);
    expect(parts.every((part) => part.startsWith("v1,"))).toBe(true);
    expect(new Webhook(next).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateSigningSecret()).verify(body, headers)).toThrow(/signature/i);
  });

  it("refuses to sign without a secret or with a malformed one", () => {
    expect(() => signedHeaders({ id: "e", timestampSeconds: 1, body, secrets: [] })).toThrow(/at least one/);
    expect(() => signedHeaders({ id: "e", timestampSeconds: 1, body, secrets: ["whsec_nope"] })).toThrow(/not a signing secret/);
  });
});
