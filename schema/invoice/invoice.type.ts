import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { CommercialDocument } from "../common/document.type.js";
import { DateScalar, DecimalScalar } from "../scalars/index.js";
import { InvoiceStatus } from "./invoice-status.enum.js";
import { PaymentSummary } from "../payment/payment-summary.type.js";

/** Fields shared by sales invoices and bills (both are receivable/payable documents). */
/* Base class: its fields are inherited; it is not itself in the schema (nothing returns it). */
@ObjectType()
export abstract class PayableDocument extends CommercialDocument {
  @Field(() => InvoiceStatus) status!: InvoiceStatus;
  @Field(() => DateScalar, { nullable: true }) dueDate?: string | null;
  @Field(() => DecimalScalar) amountDue!: string;
  @Field(() => DecimalScalar) amountPaid!: string;
  @Field(() => DecimalScalar) amountCredited!: string;
  @Field(() => DateScalar, { nullable: true }) fullyPaidOn?: string | null;
  @Field(() => Boolean, { description: "Past its due date with money still due." }) isOverdue!: boolean;
  @Field(() => Boolean, { nullable: true }) sentToContact?: boolean | null;
  @Field(() => [PaymentSummary], { description: "Payments applied to this document, as the provider lists them on it." })
  payments!: PaymentSummary[];
}

@ObjectType({ implements: Node, description: "A sales invoice (money owed to the organization)." })
export class Invoice extends PayableDocument {
  @Field(() => String, { nullable: true, description: "Global id of the Project it bills (Clientary), when it names one." }) projectId?: string | null;
}

@ObjectType({ implements: Node, description: "A purchase invoice (money the organization owes a supplier)." })
export class Bill extends PayableDocument {}
