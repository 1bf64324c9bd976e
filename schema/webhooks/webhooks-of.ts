import type { GatewayContext } from "../../src/context/gateway-context.js";
import { ErrorCode, GatewayError } from "../../src/errors/index.js";
import type { WebhookService } from "../../src/webhooks/webhook-service.js";

/** The webhook service, or NOT_SUPPORTED where events (and so webhooks) are off, as the event subscriptions answer. */
export function webhooksOf(ctx: GatewayContext): WebhookService {
  if (!ctx.webhooks) {
    throw new GatewayError(ErrorCode.NOT_SUPPORTED, "Webhooks are turned off on this gateway: they deliver events, and events are off (LEDGERLINE_TRIGGERS=off). Ask its operator to turn them on.");
  }
  return ctx.webhooks;
}
