import { createHmac, timingSafeEqual } from "node:crypto";

/** Xero's `x-xero-signature`: base64 HMAC-SHA256 of the raw body bytes, keyed with the app's webhook key. */
export function signXeroWebhook(rawBody: Buffer, webhookKey: string): string {
  return createHmac("sha256", webhookKey).update(rawBody).digest("base64");
}

/** Compares in constant time; a missing or malformed signature is simply not valid. */
export function isValidXeroSignature(rawBody: Buffer, signature: string | undefined, webhookKey: string): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signXeroWebhook(rawBody, webhookKey), "base64");
  const given = Buffer.from(signature.trim(), "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
