import { Arg, Args, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import { Decimal } from "decimal.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { PaymentInput } from "../../src/connector/inputs.js";
import { badUserInput, type FieldProblem } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { Payment } from "./payment.type.js";
import { RecordPaymentInput } from "./payment.input.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { runCreate } from "../actions/run-create.js";

@ObjectType()
export class PaymentPayload {
  @Field(() => Payment, { nullable: true }) record!: Payment | null;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

export function toPaymentInput(organizationId: string, input: RecordPaymentInput): PaymentInput {
  const problems: FieldProblem[] = [];
  let document: { type: string; remoteId: string } | undefined;
  try {
    const parts = fromGlobalId(input.documentId, "input.documentId");
    if (parts.organizationId === organizationId && (parts.type === "Invoice" || parts.type === "Bill")) document = parts;
  } catch {
    /* reported below */
  }
  if (!document) problems.push({ field: "input.documentId", message: "must be the id of an Invoice or Bill in this organization." });
  if (!new Decimal(input.amount).isPositive() || new Decimal(input.amount).isZero()) problems.push({ field: "input.amount", message: `must be more than zero; got ${input.amount}.` });
  if (!input.accountCode.trim()) problems.push({ field: "input.accountCode", message: "is required: the code of a bank account." });
  if (problems.length) throw badUserInput(problems);
  return {
    documentType: document!.type === "Bill" ? "BILL" : "INVOICE",
    documentRemoteId: document!.remoteId,
    accountCode: input.accountCode.trim(),
    date: input.date,
    amount: new Decimal(input.amount).toFixed(2),
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
