import { registerEnumType } from "type-graphql";

export enum InvoiceStatus {
  DRAFT = "DRAFT",
  SUBMITTED = "SUBMITTED",
  AUTHORISED = "AUTHORISED",
  PARTIALLY_PAID = "PARTIALLY_PAID",
  PAID = "PAID",
  VOIDED = "VOIDED",
  DELETED = "DELETED",
}
registerEnumType(InvoiceStatus, {
  name: "InvoiceStatus",
  description: "Unified status of invoices, bills and credit notes. AUTHORISED means approved and awaiting payment.",
  valuesConfig: {
    SUBMITTED: { description: "Waiting for approval." },
    PARTIALLY_PAID: { description: "Approved, with some but not all of it paid or credited." },
  },
});
