import { Arg, Ctx, Field, ID, InputType, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { EntityTypes } from "../../src/connector/entities.js";
import { badUserInput, ErrorCode, GatewayError, notFound } from "../../src/errors/index.js";
import { InputChecks } from "../actions/input-checks.js";
import { findByNumber, type NumberedEntity } from "../actions/find-by-number.js";
import { Bill, Invoice } from "./invoice.type.js";
import { PurchaseOrder } from "../purchase-order/purchase-order.type.js";

@InputType({ description: "What to look a document up by: exactly one of its global id or its number (exact match)." })
export class DocumentLookupInput {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => String, { nullable: true, description: "The document's number as the provider shows it, e.g. INV-0042." }) number?: string;
}

const LABEL: Record<NumberedEntity, string> = { Invoice: "invoice", Bill: "bill", PurchaseOrder: "purchase order" };

/** One document by global id or by number; NOT_FOUND when the organization has none. */
async function findDocument<E extends NumberedEntity>(ctx: GatewayContext, organizationId: string, entity: E, by: DocumentLookupInput): Promise<EntityTypes[E]> {
  const number = by.number?.trim();
  if (!by.id === !number) throw badUserInput([{ field: "by", message: "give exactly one of id or number." }]);
  if (by.id) {
    const checks = new InputChecks(organizationId);
    const remoteId = checks.ref(by.id, "by.id", [entity])?.remoteId;
    checks.done();
    const found = await ctx.loaders.entity(organizationId, entity).load(remoteId!);
    if (!found) throw notFound(entity, by.id);
    return found;
  }
  const found = await findByNumber(await ctx.organizations.adapter(organizationId), entity, number!);
  if (found) return found;
  throw new GatewayError(ErrorCode.NOT_FOUND, `No ${LABEL[entity]} numbered '${number}' in this organization. Check the number, or list ${LABEL[entity]}s to find it.`, { details: { number } });
}

@Resolver()
export class DocumentLookupResolver {
  @Query(() => Invoice, { description: "One sales invoice by global id or by number (NOT_FOUND when there is none)." })
  findInvoice(@Arg("organizationId", () => ID) organizationId: string, @Arg("by", () => DocumentLookupInput) by: DocumentLookupInput, @Ctx() ctx: GatewayContext) {
    return findDocument(ctx, organizationId, "Invoice", by);
  }

  @Query(() => Bill, { description: "One bill by global id or by number (NOT_FOUND when there is none)." })
  findBill(@Arg("organizationId", () => ID) organizationId: string, @Arg("by", () => DocumentLookupInput) by: DocumentLookupInput, @Ctx() ctx: GatewayContext) {
    return findDocument(ctx, organizationId, "Bill", by);
  }

  @Query(() => PurchaseOrder, { description: "One purchase order by global id or by number (NOT_FOUND when there is none)." })
  findPurchaseOrder(@Arg("organizationId", () => ID) organizationId: string, @Arg("by", () => DocumentLookupInput) by: DocumentLookupInput, @Ctx() ctx: GatewayContext) {
    return findDocument(ctx, organizationId, "PurchaseOrder", by);
  }
}
