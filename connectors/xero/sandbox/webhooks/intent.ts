/**
 * Xero's "intent to receive" handshake: before it trusts a webhook URL, Xero posts payloads with no
 * events, one signed with the right key and one with a wrong signature, and wants 200 with an empty
 * body for the first and 401 for the second, each within 5 seconds.
 * https://developer.xero.com/documentation/guides/webhooks/configuring-your-server
 */
import { randomBytes } from "node:crypto";
import type { WebhookTarget } from "./settings.js";
import { entropy, type WebhookPayload } from "./payload.js";
import { postSigned } from "./post.js";

export interface IntentCheck {
  /** Whether this request carried the correct signature. */
  signature: "valid" | "invalid";
  /** The status Xero expects back: 200 for the valid one, 401 for the other. */
  expected: 200 | 401;
  /** What the endpoint answered, when it answered. */
  status?: number;
  ok: boolean;
  /** Why the check failed. */
  problem?: string;
}

export interface IntentToReceiveResult {
  /** True when every check passed: the endpoint verifies signatures. */
  ok: boolean;
  url?: string;
  checks: IntentCheck[];
}

const RESPONSE_LIMIT_MS = 5_000;

function emptyPayload(): string {
  const payload: WebhookPayload = { events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: entropy() };
  return JSON.stringify(payload);
}

async function check(target: WebhookTarget, signature: IntentCheck["signature"], timeoutMs: number): Promise<IntentCheck> {
  const expected = signature === "valid" ? 200 : 401;
  const key = signature === "valid" ? target.key : randomBytes(32).toString("base64");
  const { status, body, error } = await postSigned(target.url, emptyPayload(), key, timeoutMs);
  const seen = { signature, expected, ...(status !== undefined ? { status } : {}) } as const;
  if (status === undefined) return { ...seen, ok: false, problem: `could not connect: ${error}` };
  if (status !== expected) return { ...seen, ok: false, problem: `answered ${status} instead of ${expected}` };
  if (expected === 200 && body && body.length > 0) return { ...seen, ok: false, problem: "answered 200 with a body; the answer must be empty" };
  return { ...seen, ok: true };
}

/** Runs the handshake against `target`; the requests go one after the other, the valid one first. */
export async function sendIntentToReceive(target: WebhookTarget | undefined, timeoutMs = RESPONSE_LIMIT_MS): Promise<IntentToReceiveResult> {
  if (!target) return { ok: false, checks: [] };
  const checks = [await check(target, "valid", timeoutMs), await check(target, "invalid", timeoutMs)];
  return { ok: checks.every((c) => c.ok), url: target.url, checks };
}
