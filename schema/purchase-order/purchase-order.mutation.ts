import { Arg, Args, Ctx, Mutation, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { PurchaseOrderInput as PurchaseOrderWrite } from "../../src/connector/inputs.js";
import { PurchaseOrder } from "./purchase-order.type.js";
import { PurchaseOrderInput } from "./purchase-order.input.js";
import { WriteArgs } from "../actions/write.args.js";
import { runCreate } from "../actions/run-create.js";
import { InputChecks } from "../actions/input-checks.js";
import { recordPayload } from "../actions/record-payload.js";

export const PurchaseOrderPayload = recordPayload(PurchaseOrder);

export function toPurchaseOrderInput(organizationId: string, input: PurchaseOrderInput): PurchaseOrderWrite {
  const checks = new InputChecks(organizationId);
  const contactRemoteId = checks.contact(input.contactId);
  checks.lines(input.lines);
  checks.creationStatus(input.status);
  checks.notBefore(input.deliveryDate, "input.deliveryDate", input.issueDate, "issueDate");
  checks.currency(input.currency);
  checks.done();
  const { contactId: _contact, ...rest } = input;
  return { ...rest, contactRemoteId };
}

@Resolver()
export class PurchaseOrderMutationResolver {
  @Mutation(() => PurchaseOrderPayload, { description: "Places a purchase order with a supplier (posts nothing to the ledger)." })
  createPurchaseOrder(@Args() args: WriteArgs, @Arg("input", () => PurchaseOrderInput) input: PurchaseOrderInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "PurchaseOrder", toPurchaseOrderInput(args.organizationId, input), args);
  }
}
