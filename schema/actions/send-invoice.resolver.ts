import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { badUserInput } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { ProviderRequest } from "./provider-request.type.js";
import { once } from "./once.js";

@ObjectType()
export class SendPayload {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, { description: "True once the provider accepted it for sending (false on a dry run)." }) sent!: boolean;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

@Resolver()
export class SendInvoiceResolver {
  @Mutation(() => SendPayload, { description: "Emails a sales invoice to its contact (Xero: approved invoices, to a contact with an email address)." })
  async sendInvoice(
    @Arg("id", () => ID) id: string,
    @Arg("idempotencyKey", () => String, { nullable: true }) idempotencyKey: string | undefined,
    @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: GatewayContext,
  ): Promise<SendPayload> {
    const { organizationId, type, remoteId } = fromGlobalId(id);
    if (type !== "Invoice") throw badUserInput([{ field: "id", message: "must be the id of a sales Invoice." }]);
    const adapter = await ctx.organizations.adapter(organizationId);
    return once(ctx, { scope: `${organizationId}:sendInvoice`, idempotencyKey, dryRun, request: { id } }, async () => {
      const result = await adapter.send!("Invoice", remoteId, { dryRun, idempotencyKey });
      return result.kind === "dryRun" ? { id, sent: false, request: result.request } : { id, sent: true, request: null };
    });
  }
}
