import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { CommercialDocument } from "../common/document.type.js";
import { DateScalar } from "../scalars/index.js";

export enum PurchaseOrderStatus {
  DRAFT = "DRAFT",
  SUBMITTED = "SUBMITTED",
  AUTHORISED = "AUTHORISED",
  BILLED = "BILLED",
  DELETED = "DELETED",
}
registerEnumType(PurchaseOrderStatus, { name: "PurchaseOrderStatus" });

@ObjectType({ implements: Node, description: "An order placed with a supplier (posts nothing to the ledger)." })
export class PurchaseOrder extends CommercialDocument {
  @Field(() => PurchaseOrderStatus) status!: PurchaseOrderStatus;
  @Field(() => DateScalar, { nullable: true }) deliveryDate?: string | null;
  @Field(() => String, { nullable: true }) deliveryAddress?: string | null;
  @Field(() => Boolean, { nullable: true }) sentToContact?: boolean | null;
}
