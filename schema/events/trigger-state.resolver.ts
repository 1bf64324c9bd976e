import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { Organization } from "../organization/organization.type.js";
import type { EventChange } from "./event-change.enum.js";
import { TriggerBudget, TriggerPoller } from "./trigger-state.type.js";
import { ENTITY_NAMES } from "../../src/connector/entities.js";

/** Cost of `triggers`: unpaged, up to one poller per entity kind, so priced like a list page of that size (1 + kinds × what each selects). */
const triggersComplexity = ({ childComplexity }: { childComplexity: number }) => 1 + ENTITY_NAMES.length * Math.max(1, childComplexity);

@Resolver(() => Organization)
export class TriggerStateResolver {
  @FieldResolver(() => [TriggerPoller], {
    description: "The pollers detecting changes in this organization, one per entity kind with triggers (empty when events are off).",
    complexity: triggersComplexity,
  })
  async triggers(@Root() org: Organization, @Ctx() ctx: GatewayContext): Promise<TriggerPoller[]> {
    if (!ctx.triggers) return [];
    const pollers = await ctx.triggers.pollers(await ctx.organizations.get(org.id));
    return pollers.map((p) => ({ ...p, changes: p.changes as EventChange[] }));
  }

  @FieldResolver(() => TriggerBudget, { nullable: true, description: "The pollers' share of the organization's rate budget; null when this gateway does not poll it." })
  async triggerBudget(@Root() org: Organization, @Ctx() ctx: GatewayContext): Promise<TriggerBudget | null> {
    const budget = await ctx.triggers?.budget(await ctx.organizations.get(org.id));
    if (!budget) return null;
    return {
      budgetPerMinute: budget.budgetPerMinute, pollerLimitPerMinute: budget.pollerLimitPerMinute, callsLastMinute: budget.callsLastMinute, webhookCallsLastMinute: budget.webhookCallsLastMinute,
      intervalSeconds: Math.round(budget.intervalMs / 1000), budgetPerDay: budget.budgetPerDay, pollerLimitPerDay: budget.pollerLimitPerDay, callsLastDay: budget.callsLastDay,
    };
  }
}
