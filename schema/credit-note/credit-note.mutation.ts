import { Arg, Args, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import { padToCents } from "../../src/money/decimal.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { CreditAllocationInput, CreditNoteInput as CreditNoteWrite } from "../../src/connector/inputs.js";
import { CreditNote } from "./credit-note.type.js";
import { AllocateCreditArgs, CreditNoteInput } from "./credit-note.input.js";
import { Bill, Invoice } from "../invoice/invoice.type.js";
import { DateScalar, DecimalScalar } from "../scalars/index.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { runCreate } from "../actions/run-create.js";
import { runAction } from "../actions/run-action.js";
import { materialised } from "../actions/once.js";
import { InputChecks, organizationOf } from "../actions/input-checks.js";
import { recordPayload } from "../actions/record-payload.js";

export const CreditNotePayload = recordPayload(CreditNote);

@ObjectType({ description: "A credit note applied to an invoice or bill, and both as they are afterwards." })
export class CreditAllocationPayload {
  @Field(() => CreditNote, { nullable: true, description: "With its lower remaining credit (null on a dry run)." }) creditNote!: CreditNote | null;
  @Field(() => Invoice, { nullable: true, description: "The sales invoice credited (null for a bill, or on a dry run)." }) invoice!: Invoice | null;
  @Field(() => Bill, { nullable: true, description: "The bill credited (null for a sales invoice, or on a dry run)." }) bill!: Bill | null;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => DateScalar, { nullable: true, description: "The allocation's date (on a dry run: as given)." }) date!: string | null;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

export function toCreditNoteInput(organizationId: string, input: CreditNoteInput): CreditNoteWrite {
  const checks = new InputChecks(organizationId);
  const contactRemoteId = checks.contact(input.contactId);
  checks.lines(input.lines);
  checks.creationStatus(input.status);
  checks.currency(input.currency);
  checks.done();
  const { contactId: _contact, ...rest } = input;
  return { ...rest, contactRemoteId };
}

/** Checks an allocation; whether the credit's kind fits the document (SALES → Invoice, PURCHASE → Bill) takes a read, so the provider says. */
export function toCreditAllocation(args: AllocateCreditArgs): { organizationId: string; input: CreditAllocationInput } {
  const organizationId = organizationOf(args.creditNoteId) ?? organizationOf(args.documentId) ?? "";
  const checks = new InputChecks(organizationId);
  const creditNote = checks.ref(args.creditNoteId, "creditNoteId", ["CreditNote"]);
  const document = checks.ref(args.documentId, "documentId", ["Invoice", "Bill"]);
  checks.positive(args.amount, "amount");
  checks.done();
  return {
    organizationId,
    input: {
      creditNoteRemoteId: creditNote!.remoteId,
      documentType: document!.type === "Bill" ? "BILL" : "INVOICE",
      documentRemoteId: document!.remoteId,
      amount: padToCents(args.amount),
      date: args.date ?? null,
    },
  };
}

@Resolver()
export class CreditNoteMutationResolver {
  @Mutation(() => CreditNotePayload, { description: "Creates a credit note: SALES credits a customer, PURCHASE records credit from a supplier." })
  createCreditNote(@Args() args: WriteArgs, @Arg("input", () => CreditNoteInput) input: CreditNoteInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "CreditNote", toCreditNoteInput(args.organizationId, input), args);
  }

  @Mutation(() => CreditAllocationPayload, { description: "Applies part or all of an approved credit note to an invoice (sales credit) or bill (purchase credit), lowering what it owes." })
  allocateCreditNote(@Args() args: AllocateCreditArgs, @Ctx() ctx: GatewayContext): Promise<CreditAllocationPayload> {
    const { organizationId, input } = toCreditAllocation(args);
    return runAction(ctx, organizationId, "allocateCredit", input, args, (result, request) => {
      if (!result) return { creditNote: null, invoice: null, bill: null, amount: input.amount, date: input.date ?? null, request };
      const document = materialised(result.document);
      return {
        creditNote: materialised(result.creditNote),
        invoice: input.documentType === "INVOICE" ? (document as Invoice) : null,
        bill: input.documentType === "BILL" ? (document as Bill) : null,
        amount: result.amount,
        date: result.date,
        request: null,
      };
    });
  }
}
