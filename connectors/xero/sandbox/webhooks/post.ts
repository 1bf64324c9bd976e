/** One signed POST of a webhook payload, with its outcome as data (delivery and the handshake both use it). */
import { signWebhookBody } from "./payload.js";

export interface PostOutcome {
  /** The answer's status, when there was one. */
  status?: number;
  /** The answer's body. */
  body?: Buffer;
  /** Why there was no answer. */
  error?: string;
  /** The request was called off through `cancel` (not the receiver's fault). */
  cancelled?: boolean;
}

const CANCELLED = "cancelled";
const TIMED_OUT = "timed out";

/** POSTs `body` as JSON with `x-xero-signature` computed with `key`; never throws. */
export async function postSigned(url: string, body: string, key: string, timeoutMs: number, cancel?: AbortSignal): Promise<PostOutcome> {
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(TIMED_OUT), timeoutMs);
  const onCancel = () => abort.abort(CANCELLED);
  cancel?.addEventListener("abort", onCancel, { once: true });
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "x-xero-signature": signWebhookBody(body, key) },
      body,
      signal: abort.signal,
    });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  } catch (error) {
    if (abort.signal.reason === CANCELLED) return { cancelled: true, error: "cancelled" };
    if (abort.signal.reason === TIMED_OUT) return { error: `no answer within ${timeoutMs} ms` };
    return { error: String((error as Error)?.cause ?? error) };
  } finally {
    clearTimeout(timeout);
    cancel?.removeEventListener("abort", onCancel);
  }
}
