/** Standard Webhooks signing (https://www.standardwebhooks.com): secrets, and the `webhook-signature` header. */
import { createHmac, randomBytes } from "node:crypto";

/** The prefix every signing secret carries. */
export const SIGNING_SECRET_PREFIX = "whsec_";

/** The `user-agent` every attempt sends. */
export const WEBHOOK_USER_AGENT = "Ledgerline-Webhooks/1";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A new signing secret: `whsec_` + base64 of 32 random bytes (the form Standard Webhooks libraries take). */
export function generateSigningSecret(): string {
  return SIGNING_SECRET_PREFIX + randomBytes(32).toString("base64");
}

/**
 * True when `text` is a signing secret this module can sign with: `whsec_` followed by canonical
 * base64 of 24 to 64 bytes (the gateway generates 32; Standard Webhooks libraries accept that range).
 */
export function isSigningSecret(text: string): boolean {
  if (!text.startsWith(SIGNING_SECRET_PREFIX)) return false;
  const encoded = text.slice(SIGNING_SECRET_PREFIX.length);
  if (encoded.length === 0 || encoded.length % 4 !== 0 || !BASE64.test(encoded)) return false;
  const bytes = Buffer.from(encoded, "base64").length;
  return bytes >= 24 && bytes <= 64;
}

/** The HMAC key of a secret: the base64-decoded part after `whsec_`. Throws on a malformed secret (a programming error). */
function signingKey(secret: string): Buffer {
  if (!isSigningSecret(secret)) throw new Error("not a signing secret: expected whsec_ followed by base64 of 24–64 bytes");
  return Buffer.from(secret.slice(SIGNING_SECRET_PREFIX.length), "base64");
}

/** `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>` for one secret. */
export function signatureOf(input: { id: string; timestampSeconds: number; body: string; secret: string }): string {
  const mac = createHmac("sha256", signingKey(input.secret))
    .update(`${input.id}.${input.timestampSeconds}.${input.body}`, "utf8")
    .digest("base64");
  return `v1,${mac}`;
}

/**
 * The headers of one attempt: `webhook-id`, `webhook-timestamp` (whole seconds), `webhook-signature`
 * (`v1,<sig>` per secret, space-separated, in the order given: during a rotation both the new and the
 * old secret sign), `content-type: application/json` and `user-agent: Ledgerline-Webhooks/1`.
 * Throws when `secrets` is empty or one is malformed (the store only holds valid ones).
 */
export function signedHeaders(input: { id: string; timestampSeconds: number; body: string; secrets: readonly string[] }): Record<string, string> {
  if (input.secrets.length === 0) throw new Error("signedHeaders needs at least one signing secret");
  if (!Number.isSafeInteger(input.timestampSeconds)) throw new Error("timestampSeconds must be whole seconds");
  const signatures = input.secrets.map((secret) =>
    signatureOf({ id: input.id, timestampSeconds: input.timestampSeconds, body: input.body, secret }),
  );
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(input.timestampSeconds),
    "webhook-signature": signatures.join(" "),
    "content-type": "application/json",
    "user-agent": WEBHOOK_USER_AGENT,
  };
}
