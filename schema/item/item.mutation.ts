import { Arg, Args, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { ItemInput as ItemWrite, StockAdditionInput } from "../../src/connector/inputs.js";
import { Item } from "./item.type.js";
import { AddStockArgs, ItemInput } from "./item.input.js";
import { DecimalScalar } from "../scalars/index.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { runCreate } from "../actions/run-create.js";
import { runAction } from "../actions/run-action.js";
import { materialised } from "../actions/once.js";
import { InputChecks, organizationOf } from "../actions/input-checks.js";
import { recordPayload } from "../actions/record-payload.js";

export const ItemPayload = recordPayload(Item);

@ObjectType({ description: "Stock added to a tracked item." })
export class StockAdditionPayload {
  @Field(() => Item, { nullable: true, description: "The item with its new quantity on hand (null on a dry run)." }) item!: Item | null;
  @Field(() => DecimalScalar) quantityAdded!: string;
  @Field(() => String, { nullable: true, description: "The provider record that added the stock, e.g. a Xero bank transaction or a Daftra stock transaction (null on a dry run)." }) via!: string | null;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

export function toItemInput(organizationId: string, input: ItemInput): ItemWrite {
  const checks = new InputChecks(organizationId);
  checks.text(input.code, "input.code", "is required: the item's code.");
  checks.text(input.name, "input.name", "is required: the item's name.");
  checks.notNegative(input.salesUnitPrice, "input.salesUnitPrice");
  checks.notNegative(input.purchaseUnitPrice, "input.purchaseUnitPrice");
  checks.done();
  return { ...input, code: input.code.trim(), name: input.name.trim() };
}

export function toStockAddition(args: AddStockArgs): { organizationId: string; input: StockAdditionInput } {
  const organizationId = organizationOf(args.itemId) ?? "";
  const checks = new InputChecks(organizationId);
  const item = checks.ref(args.itemId, "itemId", ["Item"]);
  checks.positive(args.quantity, "quantity");
  checks.notNegative(args.unitCost, "unitCost");
  const contactRemoteId = checks.optionalRef(args.contactId, "contactId", "Contact");
  checks.done();
  return {
    organizationId,
    input: {
      itemRemoteId: item!.remoteId,
      quantity: args.quantity,
      unitCost: args.unitCost ?? null,
      date: args.date ?? null,
      contactRemoteId: contactRemoteId ?? null,
      bankAccountCode: args.bankAccountCode?.trim() || null,
      warehouseRemoteId: args.warehouseId ?? null,
      note: args.note ?? null,
    },
  };
}

@Resolver()
export class ItemMutationResolver {
  @Mutation(() => ItemPayload, { description: "Creates a product or service, tracked in stock where the provider can." })
  createItem(@Args() args: WriteArgs, @Arg("input", () => ItemInput) input: ItemInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "Item", toItemInput(args.organizationId, input), args);
  }

  @Mutation(() => StockAdditionPayload, { description: "Adds stock to a tracked item (Daftra: a stock transaction; Xero: a purchase of the item paid from a bank account)." })
  addStock(@Args() args: AddStockArgs, @Ctx() ctx: GatewayContext): Promise<StockAdditionPayload> {
    const { organizationId, input } = toStockAddition(args);
    return runAction(ctx, organizationId, "addStock", input, args, (result, request) =>
      result
        ? { item: materialised(result.item), quantityAdded: result.quantityAdded, via: result.via, request: null }
        : { item: null, quantityAdded: input.quantity, via: null, request },
    );
  }
}
