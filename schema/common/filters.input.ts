import { Field, ID, InputType } from "type-graphql";
import { DateScalar, DateTimeScalar } from "../scalars/index.js";
import { InvoiceStatus } from "../invoice/invoice-status.enum.js";
import { QuoteStatus } from "../quote/quote.type.js";
import { PurchaseOrderStatus } from "../purchase-order/purchase-order.type.js";

@InputType({ description: "Filters every list accepts." })
export class RecordFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: "Only records the provider changed at or after this instant." })
  updatedSince?: string;

  @Field(() => String, { nullable: true, description: "Free text the provider searches (names, numbers, references)." })
  search?: string;

  @Field(() => Boolean, { nullable: true, description: "Include archived or deleted records that lists hide by default." })
  includeArchived?: boolean;
}

const STATUS_TEXT = "Statuses to keep, spelled as the record's `status` field (e.g. ACTIVE, ARCHIVED, AUTHORISED).";

@InputType({ description: "Filters for records with a provider status (contacts, accounts, tax rates, tracking categories)." })
export class StatusRecordFilter extends RecordFilter {
  @Field(() => [String], { nullable: true, description: STATUS_TEXT })
  status?: string[];
}

@InputType({ description: "Filters for documents that belong to a contact and have a date." })
export class DocumentFilter extends RecordFilter {
  @Field(() => ID, { nullable: true, description: "Global id of a Contact in the same organization." })
  contactId?: string;

  @Field(() => DateScalar, { nullable: true, description: "Issue date on or after (inclusive)." })
  dateFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Issue date on or before (inclusive)." })
  dateTo?: string;
}

@InputType({ description: "Filters for payments and bank transactions." })
export class StatusDocumentFilter extends DocumentFilter {
  @Field(() => [String], { nullable: true, description: STATUS_TEXT })
  status?: string[];
}

@InputType({ description: "Filters for invoices, bills and credit notes." })
export class InvoiceFilter extends DocumentFilter {
  @Field(() => [InvoiceStatus], { nullable: true })
  status?: InvoiceStatus[];
}

@InputType()
export class QuoteFilter extends DocumentFilter {
  @Field(() => [QuoteStatus], { nullable: true })
  status?: QuoteStatus[];
}

@InputType()
export class PurchaseOrderFilter extends DocumentFilter {
  @Field(() => [PurchaseOrderStatus], { nullable: true })
  status?: PurchaseOrderStatus[];
}
