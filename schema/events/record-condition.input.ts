import { Field, InputType } from "type-graphql";
import type { RecordCondition } from "../../src/webhooks/webhook-types.js";

/**
 * One condition on the record an event carries; a list of them must all hold. Shared by event
 * subscriptions (`filter.where`) and webhook endpoints (`filter`); `src/events/record-conditions.ts` checks and applies it.
 */
@InputType("RecordCondition", {
  description:
    "A condition on the record an event carries; every condition of a list must hold (AND), and `in` gives alternatives for one field (OR). " +
    "Values are written as text and checked against the field's type: Decimal as plain decimals (\"1000\" equals \"1000.00\"), Date as YYYY-MM-DD, DateTime as ISO 8601, Boolean as \"true\"/\"false\", enums by value. " +
    "A field with no value (null or absent) satisfies only `exists: false`; an event without a record satisfies no condition. " +
    'Examples: `{ field: "status", in: ["AUTHORISED", "PAID"] }`, `{ field: "total", gte: "1000" }`, `{ field: "contact.id", eq: "<Contact id>" }`.',
})
export class RecordConditionInput implements RecordCondition {
  @Field(() => String, {
    description:
      "A path of the record's fields, dot-separated: `status`, `total`, `currency`, `contact.id`, `contact.name`, `lineItems.accountCode` (through a list: true when any element matches). " +
      "It must end at a scalar or an enum, and exist on every record type the events concerned carry. `raw`, `freshness`, `currencyRate`, the base-currency fields (`base…`) and contact fields other than id, remoteId and name are computed when read and cannot be filtered on.",
  })
  field!: string;

  @Field(() => String, { nullable: true, description: 'Equal to this value, e.g. `"PAID"`, `"1000.00"`, `"2026-11-30"`.' })
  eq?: string | null;

  @Field(() => [String], { nullable: true, description: 'Equal to one of these values (at most 100), e.g. `["AUTHORISED", "PAID"]`.' })
  in?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Equal to none of these values (at most 100); a field with no value does not satisfy it either." })
  notIn?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Greater than this value. Numbers (Decimal, Int, Float), Date and DateTime only, e.g. `"1000"`.' })
  gt?: string | null;

  @Field(() => String, { nullable: true, description: "Greater than or equal to this value (numbers, Date, DateTime)." })
  gte?: string | null;

  @Field(() => String, { nullable: true, description: 'Less than this value (numbers, Date, DateTime), e.g. `"2026-12-01"` on `dueDate`.' })
  lt?: string | null;

  @Field(() => String, { nullable: true, description: "Less than or equal to this value (numbers, Date, DateTime)." })
  lte?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: the field has a value; false: it has none (null or absent)." })
  exists?: boolean | null;
}
