/** The knobs and counters of webhook delivery. */

export interface WebhookTarget {
  /** Where payloads are POSTed. */
  url: string;
  /** The webhook signing key (the "webhooks key" of a Xero app). */
  key: string;
}

export interface WebhookRetry {
  /** Attempts per payload, the first included, before it is dropped. Default 20 (about a quarter of an hour). */
  maxAttempts: number;
  /** Wait before the first retry; doubles each time. Default 1000 ms. */
  baseMs: number;
  /** Longest wait between attempts. Default 60 000 ms. */
  maxMs: number;
}

export interface DeliverySettings {
  /** How long the first queued event waits for others to share its payload. */
  delayMs: number;
  /** How long one attempt may take before it counts as failed (Xero allows receivers 5 s). */
  timeoutMs: number;
  retry: WebhookRetry;
  /** Events per payload at most; more wait for the next one. */
  maxEventsPerPayload: number;
}

export interface WebhookDeliveryStats {
  /** Events queued or in a payload not yet accepted. */
  pending: number;
  /** Payloads the receiver accepted (2xx). */
  sent: number;
  /** Events in those payloads. */
  eventsSent: number;
  /** Attempts that failed (non-2xx, network error or timeout). */
  failed: number;
  /** Payloads given up after their last attempt. */
  dropped: number;
  /** HTTP status of the latest attempt, if it got an answer. */
  lastStatus?: number;
  /** Why the latest attempt failed, when it did. */
  lastError?: string;
  /** Sequence number of the last event put into a payload. */
  lastSequence: number;
}
