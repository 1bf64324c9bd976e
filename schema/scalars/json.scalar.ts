import { GraphQLScalarType } from "graphql";
import { GraphQLJSON } from "graphql-scalars";
import { rawOf } from "../../src/connector/raw.js";

/** graphql-scalars' JSON, also accepting a lazily computed value (see `src/connector/raw.ts`). */
export const JSONScalar = new GraphQLScalarType({
  ...GraphQLJSON.toConfig(),
  serialize: (value) => GraphQLJSON.serialize(rawOf(value)),
});
