import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { EntityName } from "../../src/connector/entities.js";
import { badUserInput } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { DateTimeScalar } from "../scalars/index.js";
import { ProviderRequest } from "./provider-request.type.js";
import { once } from "./once.js";

const MAX_NOTE = 2500;

@ArgsType()
class NoteArgs {
  @Field(() => String, { nullable: true }) idempotencyKey?: string;
  @Field(() => Boolean, { defaultValue: false }) dryRun!: boolean;
}

@ObjectType()
export class Note {
  @Field(() => String) text!: string;
  @Field(() => DateTimeScalar) addedAt!: string;
}

@ObjectType()
export class NotePayload {
  @Field(() => ID, { description: "The record the note was added to." }) id!: string;
  @Field(() => Note, { nullable: true }) note!: Note | null;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

/** Notes on any record whose provider keeps a history for it (Xero: invoices, contacts, payments, …). */
@Resolver()
export class AddNoteResolver {
  @Mutation(() => NotePayload, { description: `Adds a note (up to ${MAX_NOTE} characters) to a record's history; notes cannot be edited afterwards.` })
  async addNote(@Arg("id", () => ID) id: string, @Arg("note", () => String) text: string, @Args() args: NoteArgs, @Ctx() ctx: GatewayContext): Promise<NotePayload> {
    const { organizationId, type, remoteId } = fromGlobalId(id);
    const note = text.trim();
    if (!note || note.length > MAX_NOTE) throw badUserInput([{ field: "note", message: `must be 1-${MAX_NOTE} characters; got ${note.length}.` }]);
    const adapter = await ctx.organizations.adapter(organizationId);
    return once(ctx, { scope: `${organizationId}:note`, idempotencyKey: args.idempotencyKey, dryRun: args.dryRun, request: { id, note } }, async () => {
      const result = await adapter.addNote!(type as EntityName, remoteId, note, { dryRun: args.dryRun, idempotencyKey: args.idempotencyKey });
      return result.kind === "dryRun" ? { id, note: null, request: result.request } : { id, note: result.record, request: null };
    });
  }
}
