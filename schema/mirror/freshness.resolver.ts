import { FieldResolver, Resolver, Root } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { freshnessOf } from "../../src/mirror/read/freshness.js";
import { Freshness } from "./freshness.type.js";
import { ReadSource as ReadSourceEnum } from "../common/read-source.enum.js";

/**
 * `Node.freshness`, inherited by every type that implements Node: read from the tag the read path
 * keeps beside each record it read (never stored on the record itself).
 */
@Resolver(() => Node)
export class NodeFreshnessResolver {
  @FieldResolver(() => Freshness, { nullable: true })
  // `object`, not `Node`: type-graphql would copy a root typed as a class into a new instance, and the tag is kept by identity.
  freshness(@Root() record: object): Freshness | null {
    const found = freshnessOf(record);
    return found ? { source: ReadSourceEnum[found.source], syncedAt: found.syncedAt } : null;
  }
}
