import { ArgsType, Field, ID, InputType } from "type-graphql";
import { DateScalar, DecimalScalar } from "../scalars/index.js";
import { RecordActionArgs } from "../actions/write.args.js";

@InputType({ description: "A product or service to create." })
export class ItemInput {
  @Field(() => String, { description: "The organization's own code for it (unique at most providers)." }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => DecimalScalar, { nullable: true }) salesUnitPrice?: string;
  @Field(() => DecimalScalar, { nullable: true }) purchaseUnitPrice?: string;
  @Field(() => String, { nullable: true }) salesAccountCode?: string;
  @Field(() => String, { nullable: true }) purchaseAccountCode?: string;
  @Field(() => String, { nullable: true }) taxRateCode?: string;
  @Field(() => Boolean, { nullable: true, description: "Track stock on hand (Xero: needs inventoryAssetAccountCode and purchaseAccountCode as cost of goods sold)." }) isTracked?: boolean;
  @Field(() => String, { nullable: true, description: "Code of the inventory asset account, for tracked items where the provider posts stock to accounts." }) inventoryAssetAccountCode?: string;
}

@ArgsType()
export class AddStockArgs extends RecordActionArgs {
  @Field(() => ID, { description: "Global id of a tracked Item." }) itemId!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => DecimalScalar, { nullable: true, description: "Cost per unit; default the item's purchase price." }) unitCost?: string;
  @Field(() => DateScalar, { nullable: true, description: "Default: today at the provider." }) date?: string;
  @Field(() => ID, { nullable: true, description: "Global id of the supplier Contact (Xero: required, the purchase's contact)." }) contactId?: string;
  @Field(() => String, { nullable: true, description: "Code of the bank account paid from (Xero: required, the purchase is a SPEND bank transaction)." }) bankAccountCode?: string;
  @Field(() => String, { nullable: true, description: "The provider's own id of the warehouse / store, where it keeps stock per location." }) warehouseId?: string;
  @Field(() => String, { nullable: true }) note?: string;
}
