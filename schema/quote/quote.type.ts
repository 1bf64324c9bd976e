import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { CommercialDocument } from "../common/document.type.js";
import { DateScalar } from "../scalars/index.js";

export enum QuoteStatus {
  DRAFT = "DRAFT",
  SENT = "SENT",
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
  INVOICED = "INVOICED",
  DELETED = "DELETED",
}
registerEnumType(QuoteStatus, { name: "QuoteStatus" });

@ObjectType({ implements: Node, description: "A quote (estimate) offered to a customer." })
export class Quote extends CommercialDocument {
  @Field(() => QuoteStatus) status!: QuoteStatus;
  @Field(() => DateScalar, { nullable: true }) expiryDate?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true }) terms?: string | null;
}
