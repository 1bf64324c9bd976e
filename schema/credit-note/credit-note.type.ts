import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { CommercialDocument } from "../common/document.type.js";
import { DateScalar, DecimalScalar } from "../scalars/index.js";
import { InvoiceStatus } from "../invoice/invoice-status.enum.js";

export enum CreditNoteKind {
  SALES = "SALES",
  PURCHASE = "PURCHASE",
}
registerEnumType(CreditNoteKind, { name: "CreditNoteKind", description: "SALES credits a customer; PURCHASE is credit from a supplier." });

@ObjectType({ description: "Part of a credit note applied to an invoice or bill." })
export class CreditAllocation {
  @Field(() => String, { nullable: true }) remoteId?: string | null;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => DateScalar, { nullable: true }) date?: string | null;
  @Field(() => String, { nullable: true, description: "Global id of the invoice or bill credited." })
  documentId?: string | null;
  @Field(() => String, { nullable: true }) documentNumber?: string | null;
}

@ObjectType({ implements: Node, description: "A credit note, sales or purchase." })
export class CreditNote extends CommercialDocument {
  @Field(() => CreditNoteKind) kind!: CreditNoteKind;
  @Field(() => InvoiceStatus) status!: InvoiceStatus;
  @Field(() => DecimalScalar, { description: "Credit not yet allocated or refunded." }) remainingCredit!: string;
  @Field(() => [CreditAllocation]) allocations!: CreditAllocation[];
}
