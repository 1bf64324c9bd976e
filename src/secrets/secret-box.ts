import { createCipheriv, createDecipheriv, randomBytes, createHash } from "node:crypto";

/** Sealed secret as stored: AES-256-GCM, base64 parts. */
export interface SealedSecret {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

/** Encrypts secrets at rest (tokens, provider API keys) with one key from config. */
export interface SecretBox {
  seal(value: unknown): SealedSecret;
  open<T>(sealed: SealedSecret): T;
}

export function createSecretBox(key: string | Buffer): SecretBox {
  const material = typeof key === "string" ? createHash("sha256").update(key).digest() : key;
  if (material.length !== 32) throw new Error("Secret key must be 32 bytes (or any string, which is hashed to 32 bytes).");
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", material, iv);
      const data = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
      return { v: 1, iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64"), data: data.toString("base64") };
    },
    open<T>(sealed: SealedSecret): T {
      const decipher = createDecipheriv("aes-256-gcm", material, Buffer.from(sealed.iv, "base64"));
      decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
      const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]).toString("utf8");
      return JSON.parse(text) as T;
    },
  };
}
