import { Arg, Args, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import { padToCents } from "../../src/money/decimal.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { PaymentInput } from "../../src/connector/inputs.js";
import { Payment } from "./payment.type.js";
import { RecordPaymentInput } from "./payment.input.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { runCreate } from "../actions/run-create.js";
import { InputChecks } from "../actions/input-checks.js";

@ObjectType()
export class PaymentPayload {
  @Field(() => Payment, { nullable: true }) record!: Payment | null;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

export function toPaymentInput(organizationId: string, input: RecordPaymentInput): PaymentInput {
  const checks = new InputChecks(organizationId);
  const document = checks.ref(input.documentId, "input.documentId", ["Invoice", "Bill"]);
  checks.positive(input.amount, "input.amount");
  checks.text(input.accountCode, "input.accountCode", "is required: the code of a bank account.");
  checks.done();
  return {
    documentType: document!.type === "Bill" ? "BILL" : "INVOICE",
    documentRemoteId: document!.remoteId,
    accountCode: input.accountCode.trim(),
    date: input.date,
    amount: padToCents(input.amount),
    reference: input.reference,
  };
}

@Resolver()
export class PaymentMutationResolver {
  @Mutation(() => PaymentPayload, { description: "Records a payment against an invoice or bill; a partial payment lowers what is due and marks it partly paid." })
  recordPayment(@Args() args: WriteArgs, @Arg("input", () => RecordPaymentInput) input: RecordPaymentInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "Payment", toPaymentInput(args.organizationId, input), args);
  }
}
