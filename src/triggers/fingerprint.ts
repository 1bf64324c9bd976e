import { createHash } from "node:crypto";
import { rawOf } from "../connector/raw.js";

/** The fields of a unified record detection reads. */
export interface Observed {
  remoteId: string;
  updatedAt?: string | null;
  status?: unknown;
  raw?: unknown;
}

/** Fields the gateway computes from the clock, not from the provider: they must not count as changes. */
export const COMPUTED_FIELDS: ReadonlySet<string> = new Set(["raw", "isOverdue"]);

/**
 * A record's version. The provider's `updatedAt` when it keeps one: the same whether the record came
 * from a list page or a lookup by id (the webhook path), so both paths agree. Otherwise a hash of
 * the unified record without the gateway-computed fields.
 */
export function fingerprintOf(record: Observed): string {
  if (record.updatedAt) return `u:${record.updatedAt}`;
  return `h:${createHash("sha256").update(stableJson(record)).digest("base64url").slice(0, 24)}`;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (key, v) => {
    if (COMPUTED_FIELDS.has(key)) return undefined;
    if (v && typeof v === "object" && !Array.isArray(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    return v;
  });
}

/** VOIDED or DELETED when the record's status says it ended that way; undefined for a live record. */
export function endedStatusOf(record: Observed): "VOIDED" | "DELETED" | undefined {
  const status = typeof record.status === "string" ? record.status.toUpperCase() : undefined;
  return status === "VOIDED" || status === "DELETED" ? status : undefined;
}

/** The record as stored in an event: plain JSON, with a lazily computed `raw` resolved. */
export function snapshotOf(record: Observed): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ ...record, raw: rawOf(record.raw) ?? null })) as Record<string, unknown>;
}
