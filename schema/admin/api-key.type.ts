import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/index.js";
import { ApiKeyScope } from "./api-key-scope.enum.js";

@ObjectType({ description: "An API key as its administrators see it: never the key itself, which is shown once, when it is created." })
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [ApiKeyScope]) scopes!: ApiKeyScope[];
  @Field(() => [ID], { description: 'Organizations the key may read and write; ["*"] means every organization, present and future.' })
  organizationIds!: string[];
  @Field(() => DateTimeScalar) createdAt!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: "When it was revoked; a revoked key is refused at once." })
  revokedAt?: string | null;
}

@ObjectType({ description: "A new API key: `key` is shown this once and cannot be recovered; store it now." })
export class CreatedApiKey {
  @Field(() => String, { description: "Send it as `Authorization: Bearer <key>` (over graphql-ws: connectionParams.authorization)." })
  key!: string;
  @Field(() => ApiKey) apiKey!: ApiKey;
}
