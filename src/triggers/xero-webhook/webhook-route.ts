import express, { type Router } from "express";
import { systemClock, type Clock } from "../../infra/clock.js";
import type { Logger } from "../../infra/logger.js";
import { createRefusalLimit, type RefusalLimitOptions } from "./refusals.js";
import { isValidXeroSignature } from "./signature.js";
import { eventsOf, xeroWebhookPayload, type XeroWebhookEvent } from "./webhook-payload.js";

export interface XeroWebhookRouteOptions {
  /** The webhook signing key of the Xero app (`XERO_WEBHOOK_KEY`). */
  webhookKey: string;
  /**
   * Takes the events of a verified delivery; a promise it returns resolves once they are recorded and
   * rejects when they cannot be, and the answer waits for it up to `answerWithinMs`.
   */
  accept(events: XeroWebhookEvent[]): unknown;
  /** How long the answer waits for `accept` (Xero gives up after 5 seconds). @default 3000 */
  answerWithinMs?: number;
  logger: Logger;
  /** @default "/webhooks/xero" */
  path?: string;
  clock?: Clock;
  /** Budget and log window for refused (unsigned or wrongly signed) deliveries. */
  refusals?: Pick<RefusalLimitOptions, "windowMs" | "perAddress" | "maxAddresses">;
}

/**
 * `POST /webhooks/xero`: verifies `x-xero-signature` over the raw body and answers 200 with no body
 * when it matches, 401 otherwise. That is also the whole intent-to-receive handshake (signed
 * payloads with no events). The answer waits until the delivery's changes are recorded and is 503
 * when they cannot be (a failing store), so Xero sends the delivery again; Xero wants the answer
 * within 5 seconds, so after `answerWithinMs` a delivery still being fetched is answered 200 and
 * finished in the background, with the pollers as the safety net if that fails. Refusals are rate-limited
 * per address and summarised in the log (`refusals.ts`), so a flood of unsigned posts stays cheap and quiet.
 */
export function xeroWebhookRoute({ webhookKey, accept, logger, path = "/webhooks/xero", clock = systemClock, refusals: limits, answerWithinMs = 3000 }: XeroWebhookRouteOptions): Router {
  const router = express.Router();
  const refusals = createRefusalLimit({ logger, clock, ...limits });
  const addressOf = (req: express.Request) => req.ip ?? req.socket.remoteAddress ?? "unknown";
  const throttle: express.RequestHandler = (req, res, next) => {
    const retryAfter = refusals.throttle(addressOf(req));
    if (retryAfter === 0) return next();
    res.status(429).set("retry-after", String(retryAfter)).set("connection", "close").end();
  };
  router.post(path, throttle, express.raw({ type: () => true, limit: "1mb" }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!isValidXeroSignature(body, req.get("x-xero-signature"), webhookKey)) {
      refusals.refuse(addressOf(req), "signature does not match", { bytes: body.length });
      res.status(401).end();
      return;
    }
    let events: XeroWebhookEvent[];
    try {
      events = eventsOf(xeroWebhookPayload.parse(JSON.parse(body.toString("utf8"))));
    } catch {
      res.status(400).end();
      return;
    }
    if (events.length > 0 && (await recordWithin(() => accept(events), answerWithinMs)) === "failed") {
      // Xero sends the same delivery again later, so nothing is lost.
      logger.warn("xero webhook delivery not recorded; answered 503 so that Xero sends it again", { events: events.length });
      res.status(503).set("retry-after", "5").end();
      return;
    }
    res.status(200).end();
  });
  return router;
}

/** "recorded" when `record` resolves within `ms`, "pending" when it is still running then, "failed" when it fails first. */
async function recordWithin(record: () => unknown, ms: number): Promise<"recorded" | "pending" | "failed"> {
  const recording = Promise.resolve().then(record).then(() => "recorded" as const, () => "failed" as const);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"pending">((resolve) => (timer = setTimeout(() => resolve("pending"), ms)));
  try {
    return await Promise.race([recording, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
