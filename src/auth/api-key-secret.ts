import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Every key starts with this, so a leaked key is easy to recognise (and to grep for). */
export const API_KEY_PREFIX = "ll_";
const KEY_PATTERN = /^ll_[A-Za-z0-9_-]{43}$/;

/** A new key: `ll_` + 32 random bytes, base64url (43 characters). */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

/** Cheap shape check, so garbage never reaches the store. */
export function looksLikeApiKey(candidate: string): boolean {
  return KEY_PATTERN.test(candidate);
}

/**
 * SHA-256 of the key, hex. A fast hash is enough here, unlike for passwords: the key carries 256
 * bits from a CSPRNG, so there is no dictionary to try and brute force over the key space is out
 * of reach however fast each guess is. Slow hashes (bcrypt, scrypt) only help low-entropy secrets,
 * and would cost every request tens of milliseconds. Knowing the digest does not let anyone call
 * the API, because the server hashes what it is given.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
