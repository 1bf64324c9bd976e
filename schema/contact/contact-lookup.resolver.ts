import { Arg, Args, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { badUserInput } from "../../src/errors/index.js";
import { rawOf } from "../../src/connector/raw.js";
import { findContact, type ContactMatchField as MatchField } from "../../src/actions/find-contact.js";
import { Contact } from "./contact.type.js";
import { ContactInput } from "./contact.input.js";
import { contactInputProblems } from "./contact.mutation.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { once, recordOrRequest } from "../actions/once.js";

export enum ContactMatchField {
  EMAIL = "EMAIL",
  ACCOUNT_NUMBER = "ACCOUNT_NUMBER",
  NAME = "NAME",
}
registerEnumType(ContactMatchField, { name: "ContactMatchField", description: "Which field found the contact (tried in the order EMAIL, ACCOUNT_NUMBER, NAME)." });

@InputType({ description: "What to look a contact up by; give at least one. Exact, case-insensitive matches." })
export class ContactLookupInput {
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) accountNumber?: string;
  @Field(() => String, { nullable: true }) name?: string;
}

@ObjectType()
export class ContactMatch {
  @Field(() => Contact, { nullable: true }) contact!: Contact | null;
  @Field(() => ContactMatchField, { nullable: true }) matchedBy!: MatchField | null;
  @Field(() => Boolean, { description: "True when the provider cannot search and the lookup stopped before reading every contact." }) incomplete!: boolean;
}

@ObjectType()
export class ContactUpsertPayload {
  @Field(() => Contact, { nullable: true }) record!: Contact | null;
  @Field(() => ContactMatchField, { nullable: true, description: "How an existing contact was found (null when one was created)." }) matchedBy!: MatchField | null;
  @Field(() => Boolean) created!: boolean;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

type Outcome = Omit<ContactUpsertPayload, "replayed">;
const withRaw = (c: Contact): Contact => ({ ...c, raw: rawOf(c.raw) });

/** find, upsert and find-or-create: one lookup (email, then account number, then name) then one write. */
@Resolver()
export class ContactLookupResolver {
  @Query(() => ContactMatch, { description: "Finds one contact by email, account number or name, in that order." })
  async findContact(@Arg("organizationId", () => ID) organizationId: string, @Arg("by", () => ContactLookupInput) by: ContactLookupInput, @Ctx() ctx: GatewayContext) {
    if (!by.email?.trim() && !by.accountNumber?.trim() && !by.name?.trim()) throw badUserInput([{ field: "by", message: "give an email, an accountNumber or a name." }]);
    return findContact(await ctx.organizations.adapter(organizationId), by);
  }

  @Mutation(() => ContactUpsertPayload, { description: "Updates the contact matching the input's email, account number or name (in that order), or creates one." })
  upsertContact(@Args() args: WriteArgs, @Arg("input", () => ContactInput) input: ContactInput, @Ctx() ctx: GatewayContext) {
    return this.run(ctx, args, input, true);
  }

  @Mutation(() => ContactUpsertPayload, { description: "Returns the contact matching the input's email, account number or name, or creates it." })
  findOrCreateContact(@Args() args: WriteArgs, @Arg("input", () => ContactInput) input: ContactInput, @Ctx() ctx: GatewayContext) {
    return this.run(ctx, args, input, false);
  }

  private async run(ctx: GatewayContext, args: WriteArgs, raw: ContactInput, update: boolean): Promise<ContactUpsertPayload> {
    const problems = contactInputProblems(raw);
    if (problems.length) throw badUserInput(problems);
    const input = { ...raw, name: raw.name.trim() };
    const adapter = await ctx.organizations.adapter(args.organizationId);
    const options = { dryRun: args.dryRun, idempotencyKey: args.idempotencyKey };
    const execute = async (): Promise<Outcome> => {
      const { contact, matchedBy } = await findContact(adapter, input);
      if (contact && !update) return { record: withRaw(contact), matchedBy, created: false, request: null };
      const result = contact ? await adapter.update!("Contact", contact.remoteId, input, options) : await adapter.create!("Contact", input, options);
      return { ...recordOrRequest(result), matchedBy, created: !contact };
    };
    const scope = `${args.organizationId}:${update ? "upsertContact" : "findOrCreateContact"}`;
    return once(ctx, { scope, ...options, request: input }, execute);
  }
}
