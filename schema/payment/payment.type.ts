import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { DateScalar, DecimalScalar } from "../scalars/index.js";
import type { ContactRef } from "../common/document.type.js";

export enum PaymentDirection {
  RECEIVED = "RECEIVED",
  PAID = "PAID",
}
registerEnumType(PaymentDirection, { name: "PaymentDirection", description: "RECEIVED from a customer or PAID to a supplier." });

export enum PaymentStatus {
  AUTHORISED = "AUTHORISED",
  DELETED = "DELETED",
}
registerEnumType(PaymentStatus, { name: "PaymentStatus" });

export enum PaidDocumentType {
  INVOICE = "INVOICE",
  BILL = "BILL",
  CREDIT_NOTE = "CREDIT_NOTE",
  OTHER = "OTHER",
}
registerEnumType(PaidDocumentType, { name: "PaidDocumentType" });

@ObjectType({ implements: Node, description: "Money received against an invoice or paid against a bill." })
export class Payment extends Node {
  @Field(() => DateScalar, { nullable: true }) date?: string | null;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String) currency!: string;
  /* Resolved by `currencyRate` in base-amounts.resolver.ts (1 for the base currency); the mapper sets what the provider states. */
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "Units of this payment's currency per 1 unit of the organization's base currency (Xero's CurrencyRate): base amount = amount ÷ currencyRate. " +
      "1 when the payment is in the base currency; null when it is in another currency and the provider states no rate (Daftra and Clientary state none).",
  })
  currencyRate?: string | null;
  @Field(() => PaymentStatus) status!: PaymentStatus;
  @Field(() => PaymentDirection) direction!: PaymentDirection;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => String, { nullable: true, description: "Code of the bank account the money moved through." })
  accountCode?: string | null;
  @Field(() => Boolean, { nullable: true }) isReconciled?: boolean | null;
  @Field(() => PaidDocumentType) documentType!: PaidDocumentType;
  @Field(() => String, { nullable: true, description: "Global id of the paid document." })
  documentId?: string | null;
  @Field(() => String, { nullable: true }) documentNumber?: string | null;

  /** Not a GraphQL field: resolved to `contact` through the per-request loader. */
  contactRef?: ContactRef | null;
}
