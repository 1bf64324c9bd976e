import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { mirrorOverview } from "../../src/mirror/read/mirror-overview.js";
import { Organization } from "../organization/organization.type.js";
import { Mirror, MirrorStateEnum } from "./mirror.type.js";

/** `organization { mirror { … } }`: the mirror's state for this organization, read from the mirror's store (no provider call). */
@Resolver(() => Organization)
export class OrganizationMirrorResolver {
  @FieldResolver(() => Mirror, { description: "The gateway's mirror of these books: overall state, and each entity's records, last sync, lag and backfill progress." })
  async mirror(@Root() org: Organization, @Ctx() ctx: GatewayContext): Promise<Mirror> {
    const overview = await mirrorOverview(ctx.mirror, org.id);
    return {
      state: MirrorStateEnum[overview.state],
      entities: overview.entities.map((e) => ({ ...e, state: MirrorStateEnum[e.state] })),
    };
  }
}
