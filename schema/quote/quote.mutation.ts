import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { badUserInput } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { Quote, QuoteStatus } from "./quote.type.js";
import { QuoteInput, QuoteUpdateInput } from "./quote.input.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { recordOrRequest } from "../actions/once.js";
import { runCreate } from "../actions/run-create.js";
import { InputChecks } from "../actions/input-checks.js";

@ObjectType()
export class QuotePayload {
  @Field(() => Quote, { nullable: true }) record!: Quote | null;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

@Resolver()
export class QuoteMutationResolver {
  @Mutation(() => QuotePayload, { description: "Creates a quote (estimate) for a customer." })
  createQuote(@Args() args: WriteArgs, @Arg("input", () => QuoteInput) input: QuoteInput, @Ctx() ctx: GatewayContext) {
    const checks = new InputChecks(args.organizationId);
    const contactRemoteId = checks.contact(input.contactId);
    checks.lines(input.lines);
    checks.oneOf(input.status, [QuoteStatus.DRAFT, QuoteStatus.SENT], "input.status", "a new quote is DRAFT or SENT.");
    checks.notBefore(input.expiryDate, "input.expiryDate", input.issueDate, "issueDate");
    checks.done();
    return runCreate(ctx, "Quote", { ...input, contactRemoteId }, args);
  }

  @Mutation(() => QuotePayload, { description: "Changes a quote: full edits while DRAFT, status moves afterwards (a provider refusal comes back as PROVIDER_VALIDATION)." })
  async updateQuote(@Arg("id", () => ID) id: string, @Arg("input", () => QuoteUpdateInput) input: QuoteUpdateInput, @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean, @Ctx() ctx: GatewayContext): Promise<QuotePayload> {
    const parts = fromGlobalId(id);
    if (parts.type !== "Quote") throw badUserInput([{ field: "id", message: "must be the id of a Quote." }]);
    const checks = new InputChecks(parts.organizationId);
    checks.lines(input.lines, { optional: true });
    checks.done();
    const adapter = await ctx.organizations.adapter(parts.organizationId);
    const result = await adapter.update!("Quote", parts.remoteId, input, { dryRun });
    return { ...recordOrRequest(result), replayed: false };
  }
}
