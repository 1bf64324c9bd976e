import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { RecordEvent } from "../events/event.type.js";
import { WebhookEndpoint } from "./webhook-endpoint.type.js";

/** `WebhookEndpoint.pendingDeliveries`: one count in the store per endpoint, only when selected. */
@Resolver(() => WebhookEndpoint)
export class WebhookEndpointFieldsResolver {
  @FieldResolver(() => Int, { complexity: 2, description: "Deliveries waiting for their first or next attempt." })
  async pendingDeliveries(@Root() endpoint: WebhookEndpoint, @Ctx() ctx: GatewayContext): Promise<number> {
    if (typeof endpoint.pendingDeliveries === "number") return endpoint.pendingDeliveries;
    return ctx.webhooks ? ctx.webhooks.pendingDeliveries(ctx.principal, endpoint.id) : 0;
  }
}

/** `RecordEvent.webhookEndpoint`: the endpoint a WEBHOOK_ENDPOINT_DISABLED event is about, as the event carries it. */
@Resolver(() => RecordEvent)
export class RecordEventWebhookResolver {
  @FieldResolver(() => WebhookEndpoint, {
    nullable: true,
    description: "WEBHOOK_ENDPOINT_DISABLED events: the endpoint the gateway disabled, as it was then (status DISABLED, disabledReason); null for record events.",
  })
  webhookEndpoint(@Root() event: RecordEvent & { webhookEndpoint?: Record<string, unknown> | null }): WebhookEndpoint | null {
    return (event.webhookEndpoint as WebhookEndpoint | null | undefined) ?? null;
  }
}
