import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "./node.interface.js";
import { LineItem } from "./line-item.type.js";
import { DateScalar, DecimalScalar } from "../scalars/index.js";

export enum LineAmountType {
  EXCLUSIVE = "EXCLUSIVE",
  INCLUSIVE = "INCLUSIVE",
  NO_TAX = "NO_TAX",
}
registerEnumType(LineAmountType, { name: "LineAmountType", description: "Whether line amounts include tax." });

/** Where a document points at a contact; the `contact` field resolves it in one batched call. */
export interface ContactRef {
  remoteId: string;
  name?: string | null;
}

/** Fields shared by invoices, bills, credit notes, quotes and purchase orders. */
/* Base class: its fields are inherited; it is not itself in the schema (nothing returns it). */
@ObjectType()
export abstract class CommercialDocument extends Node {
  @Field(() => String, { nullable: true }) number?: string | null;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => DateScalar, { nullable: true }) issueDate?: string | null;
  @Field(() => String, { description: "ISO 4217 currency code." }) currency!: string;
  /* Resolved by `currencyRate` in base-amounts.resolver.ts (1 for the base currency); the mapper sets what the provider states. */
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "Units of this record's currency per 1 unit of the organization's base currency (Xero's CurrencyRate): base amount = amount ÷ currencyRate. " +
      "1 when the record is in the base currency; null when it is in another currency and the provider states no rate (Daftra and Clientary state none).",
  })
  currencyRate?: string | null;
  @Field(() => LineAmountType) lineAmountType!: LineAmountType;
  @Field(() => [LineItem]) lineItems!: LineItem[];
  @Field(() => DecimalScalar) subTotal!: string;
  @Field(() => DecimalScalar) totalTax!: string;
  @Field(() => DecimalScalar) total!: string;

  /** Not a GraphQL field: resolved to `contact` through the per-request loader. */
  contactRef?: ContactRef | null;
}
