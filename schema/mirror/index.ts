import { NodeFreshnessResolver } from "./freshness.resolver.js";
import { OrganizationMirrorResolver } from "./mirror.resolver.js";

/** The mirror's resolvers: `Node.freshness` and `Organization.mirror`. */
export const mirrorResolvers = [NodeFreshnessResolver, OrganizationMirrorResolver];
