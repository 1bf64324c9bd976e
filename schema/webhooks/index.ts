import { RecordEventWebhookResolver, WebhookEndpointFieldsResolver } from "./webhook-fields.resolver.js";
import { WebhookEndpointResolver } from "./webhook-endpoint.resolver.js";

/** Outbound webhooks: the API key's endpoints, their deliveries and replays, and `RecordEvent.webhookEndpoint`. */
export const webhookResolvers = [WebhookEndpointResolver, WebhookEndpointFieldsResolver, RecordEventWebhookResolver] as const;
