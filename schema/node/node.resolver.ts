import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { ENTITY_NAMES, type EntityName } from "../../src/connector/entities.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { badUserInput } from "../../src/errors/index.js";
import { requireRemoteIds } from "../../src/ids/remote-id-shape.js";
import { Node } from "../common/node.interface.js";
import { nodesComplexity } from "./node.complexity.js";
import { ReadSource as ReadSourceEnum } from "../common/read-source.enum.js";
import { requireMirrorFor, type ReadSource } from "../../src/mirror/read/read-source.js";

const SOURCE_TEXT = "Where the record is read from: AUTO (the mirror when the entity is IN_SYNC, falling back to the provider for ids it lacks), MIRROR (never the provider) or LIVE.";

/** `node(id)` / `nodes(ids)`: any record by global id, batched through the request's loaders (one per organization, entity and source). */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any record by its global id; null when the provider (or, with source: MIRROR, the mirror) no longer has it." })
  async node(
    @Arg("id", () => ID) id: string,
    @Arg("source", () => ReadSourceEnum, { defaultValue: ReadSourceEnum.AUTO, description: SOURCE_TEXT }) source: ReadSourceEnum,
    @Ctx() ctx: GatewayContext,
  ): Promise<Node | null> {
    requireMirrorFor(source, ctx.mirror);
    return loadNode(ctx, id, "id", source);
  }

  @Query(() => [Node], { nullable: "items", complexity: nodesComplexity, description: "Many records by global id, in the order given (null where missing)." })
  async nodes(
    @Arg("ids", () => [ID]) ids: string[],
    @Arg("source", () => ReadSourceEnum, { defaultValue: ReadSourceEnum.AUTO, description: SOURCE_TEXT }) source: ReadSourceEnum,
    @Ctx() ctx: GatewayContext,
  ): Promise<Array<Node | null>> {
    if (ids.length > 100) throw badUserInput([{ field: "ids", message: `at most 100 ids per call; got ${ids.length}.` }]);
    requireMirrorFor(source, ctx.mirror);
    // An entry that fails (malformed, another type's id, an organization the key may not see) is null with its own error at `nodes[i]`.
    return Promise.all(ids.map((id, i) => loadNode(ctx, id, `ids[${i}]`, source).catch(entryError)));
  }
}

async function loadNode(ctx: GatewayContext, id: string, field: string, source: ReadSource): Promise<Node | null> {
  const { organizationId, type, remoteId } = fromGlobalId(id, field);
  if (!ENTITY_NAMES.includes(type as EntityName)) {
    throw badUserInput([{ field, message: `refers to a ${type}, which is not fetchable by id.` }]);
  }
  const adapter = await ctx.organizations.adapter(organizationId);
  requireRemoteIds(adapter.capabilities.remoteIds, adapter.provider, type as EntityName, [remoteId], () => field);
  return ((await ctx.loaders.entity(organizationId, type as EntityName, source).load(remoteId)) as Node | null) ?? null;
}

/** graphql-js completes an Error item of a nullable list as null with that error at the item's path (a partial result). */
const entryError = (error: unknown): Node => (error instanceof Error ? error : new Error(String(error))) as unknown as Node;
