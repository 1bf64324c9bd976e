import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { badUserInput, type FieldProblem } from "../../src/errors/index.js";
import { Contact } from "./contact.type.js";
import { ContactInput, ContactUpdateInput } from "./contact.input.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { recordOrRequest } from "../actions/once.js";
import { runCreate } from "../actions/run-create.js";

@ObjectType()
export class ContactPayload {
  @Field(() => Contact, { nullable: true, description: "The contact as the provider now holds it (null on a dry run)." }) record!: Contact | null;
  @Field(() => ProviderRequest, { nullable: true, description: "The request that would be sent (dry runs only)." }) request!: ProviderRequest | null;
  @Field(() => Boolean, { description: "True when this answer replays an earlier request with the same idempotency key." }) replayed!: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function contactInputProblems(input: Partial<ContactInput>, nameRequired = true): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.name === undefined && !nameRequired) {
    /* unchanged */
  } else if (!input.name?.trim()) problems.push({ field: "input.name", message: "is required; give the contact's name." });
  else if (input.name.length > 255) problems.push({ field: "input.name", message: `is ${input.name.length} characters; at most 255.` });
  if (input.email && !EMAIL.test(input.email)) problems.push({ field: "input.email", message: `'${input.email}' is not an email address.` });
  input.phones?.forEach((p, i) => {
    if (!p.number?.trim()) problems.push({ field: `input.phones[${i}].number`, message: "is required; drop the phone or give its number." });
  });
  return problems;
}

@Resolver()
export class ContactMutationResolver {
  @Mutation(() => ContactPayload, { description: "Creates a customer or supplier." })
  async createContact(@Args() args: WriteArgs, @Arg("input", () => ContactInput) input: ContactInput, @Ctx() ctx: GatewayContext): Promise<ContactPayload> {
    const problems = contactInputProblems(input);
    if (problems.length) throw badUserInput(problems);
    return runCreate(ctx, "Contact", { ...input, name: input.name.trim() }, args);
  }

  @Mutation(() => ContactPayload, { description: "Changes a contact; fields left out stay as they are." })
  async updateContact(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ContactUpdateInput) input: ContactUpdateInput,
    @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: GatewayContext,
  ): Promise<ContactPayload> {
    const { organizationId, type, remoteId } = fromGlobalId(id);
    const problems = type === "Contact" ? contactInputProblems(input, false) : [{ field: "id", message: "must be the id of a Contact." }];
    if (problems.length) throw badUserInput(problems);
    const adapter = await ctx.organizations.adapter(organizationId);
    const result = await adapter.update!("Contact", remoteId, input.name ? { ...input, name: input.name.trim() } : input, { dryRun });
    return { ...recordOrRequest(result), replayed: false };
  }
}
