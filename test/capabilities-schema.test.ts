import { describe, expect, it } from "vitest";
import { GraphQLInputObjectType, GraphQLObjectType } from "graphql";
import { buildGatewaySchema } from "../schema/build-schema.js";
import { connectors } from "../connectors/index.js";
import { ENTITY_NAMES, type EntityName } from "../src/connector/entities.js";
import type { ListFilterName } from "../src/connector/capabilities.js";

const INPUT_FIELD: Record<ListFilterName, string> = { status: "status", contact: "contactId", dateRange: "dateFrom", updatedSince: "updatedSince", search: "search" };
const connectionOf = (entity: EntityName) => `${entity}Connection`;

describe("declared capabilities are reachable through the schema", () => {
  it.each(connectors.map((c) => [c.provider, c] as const))("%s: every declared list filter has an input field", async (_provider, connector) => {
    const schema = await buildGatewaySchema();
    const organization = schema.getType("Organization") as GraphQLObjectType;
    for (const entity of ENTITY_NAMES) {
      const declared = connector.capabilities.entities[entity]?.filters ?? [];
      const field = Object.values(organization.getFields()).find((f) => String(f.type).replace(/!$/, "") === connectionOf(entity));
      expect(field, `Organization has a list of ${entity}`).toBeDefined();
      const filterArg = field!.args.find((a) => a.name === "filter")!;
      const inputFields = (filterArg.type as GraphQLInputObjectType).getFields();
      for (const filter of declared) expect(inputFields, `${entity} filter ${filter}`).toHaveProperty(INPUT_FIELD[filter]);
    }
  });
});
