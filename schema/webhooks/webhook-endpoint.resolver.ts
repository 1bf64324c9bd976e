import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { DEFAULT_DELIVERY_PAGE, MAX_DELIVERY_PAGE, type DeliveryPage } from "../../src/webhooks/delivery-page.js";
import type { WebhookEndpointView } from "../../src/webhooks/webhook-views.js";
import { DateTimeScalar } from "../scalars/index.js";
import { WebhookDeliveryConnection, WebhookReplay } from "./webhook-delivery.type.js";
import { WebhookEndpoint, WebhookEndpointSecret } from "./webhook-endpoint.type.js";
import { WebhookDeliveryStatus } from "./webhook-enums.js";
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from "./webhook.inputs.js";
import { webhooksOf } from "./webhooks-of.js";

/** The most endpoints one key may have (the default): the price of `webhookEndpoints`. */
const ENDPOINTS_PRICED = 100;

/** A page of deliveries: its size (at most 100; larger is refused) times what each selects. */
const deliveriesComplexity = ({ args, childComplexity }: { args: { first?: number | null }; childComplexity: number }) =>
  1 + Math.min(args.first ?? DEFAULT_DELIVERY_PAGE, MAX_DELIVERY_PAGE) * Math.max(1, childComplexity);

@ArgsType()
class WebhookDeliveriesArgs {
  @Field(() => ID, { description: "The endpoint's id." }) endpointId!: string;
  @Field(() => WebhookDeliveryStatus, { nullable: true, description: "Only deliveries in this state. Default: all." }) status?: WebhookDeliveryStatus | null;
  @Field(() => Int, { nullable: true, description: `How many deliveries (1-${MAX_DELIVERY_PAGE}, default ${DEFAULT_DELIVERY_PAGE}).` }) first?: number | null;
  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." }) after?: string | null;
}

const view = (endpoint: WebhookEndpointView) => endpoint as WebhookEndpoint;

/**
 * The API key's outbound webhook endpoints: reads need READ, changes WRITE, and creating, changing,
 * resuming and replaying also SUBSCRIBE (an endpoint carries events as a subscription does). Another
 * key's endpoint answers NOT_FOUND everywhere.
 */
@Resolver()
export class WebhookEndpointResolver {
  @Query(() => [WebhookEndpoint], {
    description: "This API key's webhook endpoints, oldest first (never their secrets).",
    complexity: ({ childComplexity }: { childComplexity: number }) => 1 + ENDPOINTS_PRICED * Math.max(1, childComplexity),
  })
  async webhookEndpoints(@Ctx() ctx: GatewayContext): Promise<WebhookEndpoint[]> {
    return (await webhooksOf(ctx).list(ctx.principal)).map(view);
  }

  @Query(() => WebhookEndpoint, { nullable: true, description: "One of this API key's webhook endpoints; null when it has none with this id." })
  async webhookEndpoint(@Arg("id", () => ID, { description: "The endpoint's id." }) id: string, @Ctx() ctx: GatewayContext): Promise<WebhookEndpoint | null> {
    const endpoint = await webhooksOf(ctx).get(ctx.principal, id);
    return endpoint ? view(endpoint) : null;
  }

  @Query(() => WebhookDeliveryConnection, { description: "What one endpoint was sent, newest first, with each delivery's attempts.", complexity: deliveriesComplexity })
  async webhookDeliveries(@Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs, @Ctx() ctx: GatewayContext): Promise<DeliveryPage> {
    return webhooksOf(ctx).deliveries(ctx.principal, { endpointId: args.endpointId, status: args.status ?? null, first: args.first ?? null, after: args.after ?? null });
  }

  @Mutation(() => WebhookEndpointSecret, {
    description:
      "Creates a webhook endpoint receiving events from now on (or after `input.after`). The answer holds its signing secret this once. " +
      "Needs SUBSCRIBE besides WRITE. Every problem with the input is one BAD_USER_INPUT naming each field.",
  })
  async createWebhookEndpoint(@Arg("input", () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() ctx: GatewayContext): Promise<WebhookEndpointSecret> {
    const created = await webhooksOf(ctx).create(ctx.principal, ctx.organizations, input);
    return { endpoint: view(created.endpoint), secret: created.secret };
  }

  @Mutation(() => WebhookEndpoint, { description: "Changes an endpoint's URL, organizations, event types, filter or description (fields left out stay). Needs SUBSCRIBE besides WRITE." })
  async updateWebhookEndpoint(@Arg("input", () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput, @Ctx() ctx: GatewayContext): Promise<WebhookEndpoint> {
    return view(await webhooksOf(ctx).update(ctx.principal, ctx.organizations, input));
  }

  @Mutation(() => WebhookEndpointSecret, {
    description: "Gives an endpoint a new signing secret, shown this once. The one it replaces keeps signing for 24 hours (each request carries both signatures meanwhile), so receivers can switch without missing any.",
  })
  async rotateWebhookSecret(@Arg("id", () => ID, { description: "The endpoint's id." }) id: string, @Ctx() ctx: GatewayContext): Promise<WebhookEndpointSecret> {
    const rotated = await webhooksOf(ctx).rotateSecret(ctx.principal, id);
    return { endpoint: view(rotated.endpoint), secret: rotated.secret };
  }

  @Mutation(() => WebhookEndpoint, { description: "Stops sending to an endpoint without losing anything: events keep accruing and go out, in order, once it is resumed." })
  async pauseWebhookEndpoint(@Arg("id", () => ID, { description: "The endpoint's id." }) id: string, @Ctx() ctx: GatewayContext): Promise<WebhookEndpoint> {
    return view(await webhooksOf(ctx).pause(ctx.principal, id));
  }

  @Mutation(() => WebhookEndpoint, { description: "Turns a PAUSED or DISABLED endpoint on again (ACTIVE, its failure window reset); it goes on from where it stopped: the event that got a 410 is sent first, and every waiting delivery is due at once. Needs SUBSCRIBE besides WRITE." })
  async resumeWebhookEndpoint(@Arg("id", () => ID, { description: "The endpoint's id." }) id: string, @Ctx() ctx: GatewayContext): Promise<WebhookEndpoint> {
    return view(await webhooksOf(ctx).resume(ctx.principal, id));
  }

  @Mutation(() => Boolean, { description: "Deletes an endpoint with its delivery log; nothing more is sent to it. True once deleted." })
  async deleteWebhookEndpoint(@Arg("id", () => ID, { description: "The endpoint's id." }) id: string, @Ctx() ctx: GatewayContext): Promise<boolean> {
    return webhooksOf(ctx).delete(ctx.principal, id);
  }

  @Mutation(() => WebhookReplay, {
    description:
      "Sends stored events to an endpoint again (up to 10,000 per call): those detected since `since`, or those after `afterCursor`; give exactly one. " +
      "Only events the endpoint would receive now are queued (its organizations, types and filter, and the API key's current grants), each with its original webhook-id. Needs SUBSCRIBE besides WRITE.",
  })
  async replayWebhooks(
    @Arg("endpointId", () => ID, { description: "The endpoint's id." }) endpointId: string,
    @Arg("since", () => DateTimeScalar, { nullable: true, description: "Replay the events detected at or after this time." }) since: string | null | undefined,
    @Arg("afterCursor", () => String, { nullable: true, description: "Replay the events after this event cursor (an event's `cursor`, a delivery's `eventCursor`, or a previous replay's `continueAfter`)." })
    afterCursor: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<WebhookReplay> {
    return webhooksOf(ctx).replay(ctx.principal, { endpointId, since: since ? new Date(since) : null, afterCursor: afterCursor ?? null });
  }
}
