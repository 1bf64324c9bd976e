import { Arg, Args, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import { padToCents } from "../../src/money/decimal.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { BankTransactionInput as BankTransactionWrite, BankTransferInput as BankTransferWrite } from "../../src/connector/inputs.js";
import type { BankTransfer as BankTransferRecord } from "../../src/connector/writes.js";
import { toGlobalId } from "../../src/ids/global-id.js";
import { BankTransaction, BankTransactionKind } from "./bank-transaction.type.js";
import { BankTransactionInput, BankTransferInput } from "./bank-transaction.input.js";
import { BankTransfer } from "./bank-transfer.type.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { runCreate } from "../actions/run-create.js";
import { runAction } from "../actions/run-action.js";
import { InputChecks } from "../actions/input-checks.js";
import { recordPayload } from "../actions/record-payload.js";

export const BankTransactionPayload = recordPayload(BankTransaction);

@ObjectType()
export class BankTransferPayload {
  @Field(() => BankTransfer, { nullable: true, description: "The transfer as the provider recorded it (null on a dry run)." }) record!: BankTransfer | null;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

export function toBankTransactionInput(organizationId: string, input: BankTransactionInput): BankTransactionWrite {
  const checks = new InputChecks(organizationId);
  checks.oneOf(input.kind, [BankTransactionKind.SPEND, BankTransactionKind.RECEIVE], "input.kind", `${input.kind} cannot be created here: use SPEND or RECEIVE, and createBankTransfer for transfers.`);
  checks.text(input.bankAccountCode, "input.bankAccountCode", "is required: the code of a bank account.");
  const contactRemoteId = checks.optionalRef(input.contactId, "input.contactId", "Contact");
  checks.lines(input.lines);
  checks.done();
  const { contactId: _contact, kind, ...rest } = input;
  return { ...rest, kind: kind as BankTransactionWrite["kind"], bankAccountCode: input.bankAccountCode.trim(), contactRemoteId };
}

export function toBankTransferInput(organizationId: string, input: BankTransferInput): BankTransferWrite {
  const checks = new InputChecks(organizationId);
  checks.text(input.fromAccountCode, "input.fromAccountCode", "is required: the code of the bank account the money leaves.");
  checks.text(input.toAccountCode, "input.toAccountCode", "is required: the code of the bank account the money arrives in.");
  if (input.fromAccountCode.trim() && input.fromAccountCode.trim() === input.toAccountCode.trim()) checks.add("input.toAccountCode", `is the same account as fromAccountCode (${input.fromAccountCode.trim()}); a transfer needs two accounts.`);
  checks.positive(input.amount, "input.amount");
  checks.done();
  return { fromAccountCode: input.fromAccountCode.trim(), toAccountCode: input.toAccountCode.trim(), amount: padToCents(input.amount), date: input.date, reference: input.reference ?? null };
}

/** The provider's transfer with its two bank transactions as global ids. */
function toBankTransfer(organizationId: string, transfer: BankTransferRecord): BankTransfer {
  const transaction = (remoteId?: string | null) => (remoteId ? toGlobalId({ organizationId, type: "BankTransaction", remoteId }) : null);
  return {
    remoteId: transfer.remoteId,
    fromAccountCode: transfer.fromAccountCode,
    toAccountCode: transfer.toAccountCode,
    amount: transfer.amount,
    date: transfer.date,
    reference: transfer.reference ?? null,
    fromTransactionId: transaction(transfer.fromTransactionRemoteId),
    toTransactionId: transaction(transfer.toTransactionRemoteId),
  };
}

@Resolver()
export class BankTransactionMutationResolver {
  @Mutation(() => BankTransactionPayload, { description: "Records money spent from (SPEND) or received into (RECEIVE) a bank account without an invoice or bill." })
  createBankTransaction(@Args() args: WriteArgs, @Arg("input", () => BankTransactionInput) input: BankTransactionInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "BankTransaction", toBankTransactionInput(args.organizationId, input), args);
  }

  @Mutation(() => BankTransferPayload, { description: "Moves money between two of the organization's bank accounts." })
  createBankTransfer(@Args() args: WriteArgs, @Arg("input", () => BankTransferInput) input: BankTransferInput, @Ctx() ctx: GatewayContext): Promise<BankTransferPayload> {
    const transfer = toBankTransferInput(args.organizationId, input);
    return runAction(ctx, args.organizationId, "transfer", transfer, args, (result, request) => ({
      record: result ? toBankTransfer(args.organizationId, result) : null,
      request,
    }));
  }
}
