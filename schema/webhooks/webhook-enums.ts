import { registerEnumType } from "type-graphql";

/** Whether an endpoint delivers (the values of `WebhookEndpointRecord.status`). */
export enum WebhookEndpointStatus {
  ACTIVE = "ACTIVE",
  PAUSED = "PAUSED",
  DISABLED = "DISABLED",
}
registerEnumType(WebhookEndpointStatus, {
  name: "WebhookEndpointStatus",
  description: "Whether an endpoint is delivering.",
  valuesConfig: {
    ACTIVE: { description: "Delivering events as they are detected." },
    PAUSED: { description: "Paused by its owner (pauseWebhookEndpoint): nothing is sent, nothing is lost; resumeWebhookEndpoint delivers what accrued meanwhile." },
    DISABLED: { description: "Stopped by the gateway (it answered 410 Gone, kept failing, or its API key lost access); `disabledReason` says why. resumeWebhookEndpoint turns it on again." },
  },
});

/** Where one delivery stands (the values of `WebhookDelivery.status`). */
export enum WebhookDeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  FAILED = "FAILED",
}
registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "Where one delivery of one event stands.",
  valuesConfig: {
    PENDING: { description: "Waiting for its first or next attempt (`nextAttemptAt`)." },
    DELIVERED: { description: "The endpoint answered with a 2xx status." },
    FAILED: { description: "Every attempt failed, or it was not sent because the API key no longer carries it (an organization or event type no longer granted or asked for); the last attempt says which. replayWebhooks sends it again. (After a 410 Gone the delivery stays PENDING, and the endpoint is DISABLED.)" },
  },
});
