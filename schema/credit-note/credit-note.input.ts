import { ArgsType, Field, ID, InputType } from "type-graphql";
import { DateScalar, DecimalScalar } from "../scalars/index.js";
import { CommercialDocumentInput } from "../invoice/invoice.input.js";
import { InvoiceStatus } from "../invoice/invoice-status.enum.js";
import { RecordActionArgs } from "../actions/write.args.js";
import { CreditNoteKind } from "./credit-note.type.js";

@InputType({ description: "A credit note to create: SALES credits a customer, PURCHASE records credit from a supplier." })
export class CreditNoteInput extends CommercialDocumentInput {
  @Field(() => CreditNoteKind) kind!: CreditNoteKind;
  @Field(() => InvoiceStatus, { nullable: true, description: "DRAFT (default), SUBMITTED or AUTHORISED; only AUTHORISED credit can be allocated." }) status?: InvoiceStatus;
}

@ArgsType()
export class AllocateCreditArgs extends RecordActionArgs {
  @Field(() => ID, { description: "Global id of the CreditNote." }) creditNoteId!: string;
  @Field(() => ID, { description: "Global id of the Invoice (sales credit) or Bill (purchase credit) to apply it to." }) documentId!: string;
  @Field(() => DecimalScalar, { description: "At most the credit note's remaining credit and what the document still owes." }) amount!: string;
  @Field(() => DateScalar, { nullable: true, description: "Default: today at the provider." }) date?: string;
}
