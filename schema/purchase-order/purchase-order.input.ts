import { Field, InputType } from "type-graphql";
import { DateScalar } from "../scalars/index.js";
import { CommercialDocumentInput } from "../invoice/invoice.input.js";
import { PurchaseOrderStatus } from "./purchase-order.type.js";

@InputType({ description: "A purchase order to place with a supplier." })
export class PurchaseOrderInput extends CommercialDocumentInput {
  @Field(() => DateScalar, { nullable: true, description: "When the goods are due; not before issueDate." }) deliveryDate?: string;
  @Field(() => PurchaseOrderStatus, { nullable: true, description: "DRAFT (default), SUBMITTED or AUTHORISED." }) status?: PurchaseOrderStatus;
  @Field(() => String, { nullable: true }) deliveryAddress?: string;
}
