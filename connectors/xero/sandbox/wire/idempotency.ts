/**
 * `Idempotency-Key` on POST/PUT: within 6 minutes the same key with the same method, path, query
 * and body replays the first response byte for byte (errors included); the same key with a
 * different request is refused. Keys are scoped per tenant.
 * https://developer.xero.com/documentation/guides/idempotent-requests/idempotency
 */
import { createHash } from "node:crypto";
import { apiException } from "../http/errors.js";
import type { Reply } from "../http/reply.js";

export const IDEMPOTENCY_TTL_MS = 6 * 60_000;
export const MAX_KEY_LENGTH = 128;

interface Entry {
  fingerprint: string;
  expiresAt: number;
  reply: Promise<Reply | undefined>;
}

export type IdempotencyStart =
  | { kind: "fresh"; settle(reply: Reply | undefined): void }
  | { kind: "replay"; reply: Reply }
  | { kind: "refused"; reply: Reply };

export function requestFingerprint(method: string, pathAndQuery: string, body: Buffer): string {
  return createHash("sha256").update(`${method} ${pathAndQuery}\n`).update(body).digest("hex");
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  async start(tenantId: string, key: string, fingerprint: string): Promise<IdempotencyStart> {
    if (key.length > MAX_KEY_LENGTH) {
      return { kind: "refused", reply: apiException("ValidationException", `The Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long.`) };
    }
    const now = this.now();
    this.prune(now);
    const scoped = `${tenantId}\u0000${key}`;
    const existing = this.entries.get(scoped);
    if (existing && existing.fingerprint !== fingerprint) {
      return { kind: "refused", reply: apiException("ValidationException", `The Idempotency-Key '${key}' is used with a different request.`) };
    }
    if (existing) {
      const reply = await existing.reply;
      if (reply) return { kind: "replay", reply };
    }
    let settle!: (reply: Reply | undefined) => void;
    const entry: Entry = { fingerprint, expiresAt: now + IDEMPOTENCY_TTL_MS, reply: new Promise((resolve) => (settle = resolve)) };
    this.entries.set(scoped, entry);
    return {
      kind: "fresh",
      // A server error is not remembered, so the client may retry with the same key.
      settle: (reply) => {
        if (!reply || reply.status >= 500) this.entries.delete(scoped);
        settle(reply && reply.status < 500 ? reply : undefined);
      },
    };
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
