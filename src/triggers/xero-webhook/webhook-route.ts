import express, { type Router } from "express";
import type { Logger } from "../../infra/logger.js";
import { isValidXeroSignature } from "./signature.js";
import { eventsOf, xeroWebhookPayload, type XeroWebhookEvent } from "./webhook-payload.js";

export interface XeroWebhookRouteOptions {
  /** The webhook signing key of the Xero app (`XERO_WEBHOOK_KEY`). */
  webhookKey: string;
  /** Takes the events of a verified delivery; runs after the answer is sent. */
  accept(events: XeroWebhookEvent[]): void;
  logger: Logger;
  /** @default "/webhooks/xero" */
  path?: string;
}

/**
 * `POST /webhooks/xero`: verifies `x-xero-signature` over the raw body and answers 200 with no body
 * when it matches, 401 otherwise. That is also the whole intent-to-receive handshake (signed
 * payloads with no events). Xero wants the answer within 5 seconds, so the changed records are
 * fetched after answering; the pollers remain the safety net if that fails.
 */
export function xeroWebhookRoute({ webhookKey, accept, logger, path = "/webhooks/xero" }: XeroWebhookRouteOptions): Router {
  const router = express.Router();
  router.post(path, express.raw({ type: () => true, limit: "1mb" }), (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!isValidXeroSignature(body, req.get("x-xero-signature"), webhookKey)) {
      logger.warn("xero webhook refused: signature does not match", { bytes: body.length });
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
    res.status(200).end();
    if (events.length > 0) accept(events);
  });
  return router;
}
