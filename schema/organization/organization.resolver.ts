import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import { Organization } from "./organization.type.js";
import { Capability } from "./capability.type.js";
import { capabilitiesComplexity, capabilityMatrix } from "./capabilities.js";
import { BudgetScope, UpstreamBudget } from "./upstream-budget.type.js";

const toOrganization = (r: OrganizationRecord): Organization => ({ id: r.id, name: r.name, provider: r.provider, createdAt: r.createdAt });

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], { description: "Every organization this API key may see." })
  async organizations(@Ctx() ctx: GatewayContext): Promise<Organization[]> {
    return (await ctx.organizations.list()).map(toOrganization);
  }

  @Query(() => Organization, { description: "One organization by id (NOT_FOUND when it does not exist or this key may not see it)." })
  async organization(@Arg("id", () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Organization> {
    return toOrganization(await ctx.organizations.get(id));
  }

  @FieldResolver(() => String, { description: "Base currency (ISO 4217) as the provider states it." })
  async baseCurrency(@Root() org: Organization, @Ctx() ctx: GatewayContext): Promise<string> {
    return (await (await ctx.organizations.adapter(org.id)).profile()).baseCurrency;
  }

  @FieldResolver(() => String, { nullable: true })
  async countryCode(@Root() org: Organization, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await (await ctx.organizations.adapter(org.id)).profile()).countryCode ?? null;
  }

  @FieldResolver(() => [Capability], {
    description: "What this organization's connector supports: entities × operations and filters, and reports.",
    complexity: capabilitiesComplexity,
  })
  async capabilities(@Root() org: Organization, @Ctx() ctx: GatewayContext): Promise<Capability[]> {
    return capabilityMatrix((await ctx.organizations.adapter(org.id)).capabilities, { mirror: !!ctx.mirror });
  }

  @FieldResolver(() => UpstreamBudget, {
    nullable: true,
    description: "The organization's rate budget at its provider and what is left of it now (counted across every instance of a cluster); makes no upstream call. Null for a connector without a governor.",
  })
  async upstreamBudget(@Root() org: Organization, @Ctx() ctx: GatewayContext): Promise<UpstreamBudget | null> {
    const budget = (await ctx.organizations.adapter(org.id)).upstream?.budget();
    if (!budget) return null;
    return {
      perMinute: budget.perMinute, perDay: budget.perDay, maxConcurrent: budget.maxConcurrent,
      remainingThisMinute: budget.minute, remainingToday: budget.day, scope: budget.scope === "CLUSTER" ? BudgetScope.CLUSTER : BudgetScope.PROCESS,
    };
  }
}
