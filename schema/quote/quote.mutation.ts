import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { badUserInput, type FieldProblem } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { Quote, QuoteStatus } from "./quote.type.js";
import { QuoteInput, QuoteUpdateInput } from "./quote.input.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { recordOrRequest } from "../actions/once.js";
import { runCreate } from "../actions/run-create.js";

@ObjectType()
export class QuotePayload {
  @Field(() => Quote, { nullable: true }) record!: Quote | null;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

function lineProblems(lines: QuoteInput["lines"] | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (lines && !lines.length) problems.push({ field: "input.lines", message: "needs at least one line." });
  lines?.forEach((line, i) => {
    if (!line.description?.trim() && !line.itemCode?.trim()) problems.push({ field: `input.lines[${i}]`, message: "needs a description or an itemCode." });
  });
  return problems;
}

function contactOf(organizationId: string, contactId: string): string | undefined {
  try {
    const parts = fromGlobalId(contactId, "input.contactId");
    return parts.type === "Contact" && parts.organizationId === organizationId ? parts.remoteId : undefined;
  } catch {
    return undefined;
  }
}

@Resolver()
export class QuoteMutationResolver {
  @Mutation(() => QuotePayload, { description: "Creates a quote (estimate) for a customer." })
  createQuote(@Args() args: WriteArgs, @Arg("input", () => QuoteInput) input: QuoteInput, @Ctx() ctx: GatewayContext) {
    const problems: FieldProblem[] = [];
    const contact = contactOf(args.organizationId, input.contactId);
    if (!contact) problems.push({ field: "input.contactId", message: "must be the id of a Contact in this organization." });
    problems.push(...lineProblems(input.lines));
    if (input.status && input.status !== QuoteStatus.DRAFT && input.status !== QuoteStatus.SENT) problems.push({ field: "input.status", message: "a new quote is DRAFT or SENT." });
    if (input.issueDate && input.expiryDate && input.expiryDate < input.issueDate) problems.push({ field: "input.expiryDate", message: `(${input.expiryDate}) is before issueDate (${input.issueDate}).` });
    if (problems.length) throw badUserInput(problems);
    return runCreate(ctx, "Quote", { ...input, contactRemoteId: contact! }, args);
  }

  @Mutation(() => QuotePayload, { description: "Changes a quote: full edits while DRAFT, status moves afterwards (a provider refusal comes back as PROVIDER_VALIDATION)." })
  async updateQuote(@Arg("id", () => ID) id: string, @Arg("input", () => QuoteUpdateInput) input: QuoteUpdateInput, @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean, @Ctx() ctx: GatewayContext): Promise<QuotePayload> {
    const parts = fromGlobalId(id);
    if (parts.type !== "Quote") throw badUserInput([{ field: "id", message: "must be the id of a Quote." }]);
    const problems = lineProblems(input.lines);
    if (problems.length) throw badUserInput(problems);
    const adapter = await ctx.organizations.adapter(parts.organizationId);
    const result = await adapter.update!("Quote", parts.remoteId, input, { dryRun });
    return { ...recordOrRequest(result), replayed: false };
  }
}
