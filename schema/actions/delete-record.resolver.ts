import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { EntityName } from "../../src/connector/entities.js";
import type { Removal } from "../../src/connector/writes.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { ProviderRequest } from "./provider-request.type.js";
import { once } from "./once.js";

@ArgsType()
class DeleteArgs {
  @Field(() => String, { nullable: true, description: "Retrying with the same key returns the first answer." }) idempotencyKey?: string;
  @Field(() => Boolean, { defaultValue: false }) dryRun!: boolean;
}

@ObjectType()
export class DeletePayload {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: "DELETED, VOIDED or ARCHIVED: what the provider's rules allowed (null on a dry run)." }) outcome!: string | null;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

/** One delete for every entity: the provider deletes, voids or archives, and says which. */
@Resolver()
export class DeleteRecordResolver {
  @Mutation(() => DeletePayload, { description: "Deletes a record by global id, or voids/archives it where the provider keeps history." })
  async deleteRecord(@Arg("id", () => ID) id: string, @Args() args: DeleteArgs, @Ctx() ctx: GatewayContext): Promise<DeletePayload> {
    const { organizationId, type, remoteId } = fromGlobalId(id);
    const adapter = await ctx.organizations.adapter(organizationId);
    return once(ctx, { scope: `${organizationId}:delete`, idempotencyKey: args.idempotencyKey, dryRun: args.dryRun, request: { id } }, async () => {
      const result = await adapter.remove!(type as EntityName, remoteId, { dryRun: args.dryRun, idempotencyKey: args.idempotencyKey });
      return result.kind === "dryRun" ? { id, outcome: null, request: result.request } : { id, outcome: (result.record as Removal).outcome as string | null, request: null };
    });
  }
}
