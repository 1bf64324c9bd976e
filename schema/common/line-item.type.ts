import { Field, ObjectType } from "type-graphql";
import { DecimalScalar } from "../scalars/index.js";

@ObjectType({ description: "A tracking (class/department/region) choice on a line." })
export class TrackingAssignment {
  @Field(() => String, { nullable: true }) categoryRemoteId?: string | null;
  @Field(() => String) categoryName!: string;
  @Field(() => String, { nullable: true }) optionRemoteId?: string | null;
  @Field(() => String) optionName!: string;
}

@ObjectType({ description: "One line of a document." })
export class LineItem {
  @Field(() => String, { nullable: true }) remoteId?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) quantity?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) unitAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: "Discount as a percentage, when the line has one." })
  discountRate?: string | null;
  @Field(() => String, { nullable: true }) accountCode?: string | null;
  @Field(() => String, { nullable: true }) itemCode?: string | null;
  @Field(() => String, { nullable: true, description: "The provider's tax rate code for the line." })
  taxRateCode?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) taxAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: "The line total as the provider states it (see lineAmountType)." })
  lineAmount?: string | null;
  @Field(() => [TrackingAssignment]) tracking!: TrackingAssignment[];
}
