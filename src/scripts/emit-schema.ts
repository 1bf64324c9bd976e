import { buildGatewaySchema } from "../../schema/build-schema.js";

/** Writes schema/schema.graphql (sorted). Run from the repository root: `npm run emit`. */
await buildGatewaySchema({ emitSchemaTo: "schema/schema.graphql" });
console.log("wrote schema/schema.graphql");
