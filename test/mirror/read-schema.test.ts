import { defaultFieldResolver, getNamedType, GraphQLEnumType, GraphQLInterfaceType, GraphQLObjectType, isNonNullType, parse, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../../schema/build-schema.js";
import { estimateComplexity } from "../../src/server/complexity-limit.js";
import { ENTITY_NAMES } from "../../src/connector/entities.js";
import { markFreshness } from "../../src/mirror/read/freshness.js";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

describe("the read path in the built schema", () => {
  it("every type implementing Node exposes `freshness: Freshness` resolved by the interface's resolver (type-graphql inheritance)", () => {
    const node = schema.getType("Node") as GraphQLInterfaceType;
    expect(node.getFields().freshness).toBeDefined();
    const implementations = schema.getPossibleTypes(node);
    expect(implementations.map((t) => t.name).sort()).toEqual([...ENTITY_NAMES].sort());
    for (const type of implementations) {
      const field = (type as GraphQLObjectType).getFields().freshness;
      expect(field, `${type.name}.freshness`).toBeDefined();
      expect(getNamedType(field!.type).name, type.name).toBe("Freshness");
      expect(typeof field!.resolve, `${type.name}.freshness has a resolver`).toBe("function");
      // The resolver reads the tag kept beside the record object itself (type-graphql must hand it the same object); a record nobody tagged has none.
      expect(field!.resolve!({ remoteId: "x" }, {}, {}, {} as never)).toBeNull();
      const record = markFreshness({ remoteId: "y" }, { source: "MIRROR", syncedAt: "2026-06-10T12:00:00.000Z", asked: "AUTO" });
      expect(field!.resolve!(record, {}, {}, {} as never), type.name).toEqual({ source: "MIRROR", syncedAt: "2026-06-10T12:00:00.000Z" });
    }
    const freshness = schema.getType("Freshness") as GraphQLObjectType;
    expect(Object.keys(freshness.getFields()).sort()).toEqual(["source", "syncedAt"]);
    expect(isNonNullType(freshness.getFields().source!.type) && isNonNullType(freshness.getFields().syncedAt!.type)).toBe(true);
  });

  it("every organization list and node/nodes take `source: ReadSource = AUTO`", () => {
    const source = schema.getType("ReadSource") as GraphQLEnumType;
    expect(source.getValues().map((v) => v.name)).toEqual(["AUTO", "MIRROR", "LIVE"]);
    const organization = schema.getType("Organization") as GraphQLObjectType;
    const lists = Object.values(organization.getFields()).filter((f) => getNamedType(f.type).name.endsWith("Connection"));
    expect(lists.length).toBe(ENTITY_NAMES.length);
    const query = schema.getQueryType()!.getFields();
    for (const field of [...lists, query.node!, query.nodes!]) {
      const arg = field.args.find((a) => a.name === "source");
      expect(arg, field.name).toBeDefined();
      expect(getNamedType(arg!.type).name).toBe("ReadSource");
      expect(arg!.defaultValue).toBe("AUTO");
    }
  });

  it("organization { mirror } has an overall state and one row per entity; capabilities rows say where each filter runs", () => {
    const mirror = schema.getType("Mirror") as GraphQLObjectType;
    expect(Object.keys(mirror.getFields()).sort()).toEqual(["entities", "state"]);
    const entity = schema.getType("MirrorEntity") as GraphQLObjectType;
    expect(Object.keys(entity.getFields()).sort()).toEqual(["backfilled", "entity", "lagSeconds", "records", "state", "syncedAt"]);
    expect((schema.getType("MirrorState") as GraphQLEnumType).getValues().map((v) => v.name)).toEqual(["OFF", "BACKFILLING", "STALE", "IN_SYNC"]);
    const capability = schema.getType("Capability") as GraphQLObjectType;
    expect(getNamedType(capability.getFields().runsAt!.type).name).toBe("FilterRunsAt");
    expect((schema.getType("FilterRunsAt") as GraphQLEnumType).getValues().map((v) => v.name)).toEqual(["PROVIDER", "MIRROR", "BOTH"]);
  });

  it("a connection's totalCount calls a function-valued property (graphql-js' default resolver), so a mirror list counts only when it is selected", async () => {
    for (const entity of ENTITY_NAMES) {
      const field = (schema.getType(`${entity}Connection`) as GraphQLObjectType).getFields().totalCount!;
      let counted = 0;
      const source = { totalCount: async () => ++counted + 6 };
      const resolve = field.resolve ?? defaultFieldResolver;
      expect(await resolve(source, {}, {}, { fieldName: "totalCount" } as never), entity).toBe(7);
      expect(await resolve({ totalCount: 3 }, {}, {}, { fieldName: "totalCount" } as never)).toBe(3);
    }
  });

  it("mirror { entities } is priced like a page of one row per entity", () => {
    const cost = (query: string) => estimateComplexity({ schema, document: parse(query) });
    // organization 1 + mirror (1 + state 1 + entities (1 + 18 × 6))
    expect(cost(`{ organization(id: "org_1") { mirror { state entities { entity state records syncedAt lagSeconds backfilled } } } }`)).toBe(1 + 1 + 1 + 1 + ENTITY_NAMES.length * 6);
    expect(cost(`{ organization(id: "org_1") { mirror { state } } }`)).toBe(3);
  });
});
