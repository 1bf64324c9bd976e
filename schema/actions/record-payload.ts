import { Field, ObjectType, type ClassType } from "type-graphql";
import { ProviderRequest } from "./provider-request.type.js";

/** The answer of a write that makes or changes one record: `<Type>Payload { record request replayed }`. */
export function recordPayload<T extends object>(type: ClassType<T>, name = type.name) {
  @ObjectType(`${name}Payload`)
  class RecordPayload {
    @Field(() => type, { nullable: true, description: `The ${name} as the provider now holds it (null on a dry run).` }) record!: T | null;
    @Field(() => ProviderRequest, { nullable: true, description: "The request that would be sent (dry runs only)." }) request!: ProviderRequest | null;
    @Field(() => Boolean, { description: "True when this answer replays an earlier request with the same idempotency key." }) replayed!: boolean;
  }
  return RecordPayload;
}
