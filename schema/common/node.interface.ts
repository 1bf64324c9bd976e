import { Field, ID, InterfaceType } from "type-graphql";
import { DateTimeScalar, JSONScalar } from "../scalars/index.js";
import { Provider } from "./provider.enum.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { Freshness } from "../mirror/freshness.type.js";

/** Every record the gateway returns: a global id plus where it came from. */
@InterfaceType({
  description: "A record from one organization's books, addressable by its global id.",
  resolveType: (value: { id: string }) => fromGlobalId(value.id).type,
})
export abstract class Node {
  @Field(() => ID, { description: "Global id: encodes the organization, the type and the provider's id." })
  id!: string;

  @Field(() => String, { description: "The provider's own id for this record." })
  remoteId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => Provider)
  provider!: Provider;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the provider last changed the record, if it says." })
  updatedAt?: string | null;

  @Field(() => JSONScalar, { nullable: true, description: "The provider's record as it sent it: the escape hatch." })
  raw?: unknown;

  /** Resolved by `NodeFreshnessResolver` (schema/mirror) from the tag the read path keeps beside the record; never a property of it. */
  @Field(() => Freshness, {
    nullable: true,
    description: "Where this record was read from (the mirror or the provider) and how fresh it is; null for records this request did not read (a mutation's result, an event's payload).",
  })
  freshness?: Freshness | null;
}
