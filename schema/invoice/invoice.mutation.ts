import { Arg, Args, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { InvoiceInput } from "../../src/connector/inputs.js";
import { badUserInput, type FieldProblem } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { Bill, Invoice } from "./invoice.type.js";
import { InvoiceStatus } from "./invoice-status.enum.js";
import { DocumentInput } from "./invoice.input.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { runCreate } from "../actions/run-create.js";

@ObjectType()
export class InvoicePayload {
  @Field(() => Invoice, { nullable: true }) record!: Invoice | null;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

@ObjectType()
export class BillPayload {
  @Field(() => Bill, { nullable: true }) record!: Bill | null;
  @Field(() => ProviderRequest, { nullable: true }) request!: ProviderRequest | null;
  @Field(() => Boolean) replayed!: boolean;
}

const CREATABLE = new Set<InvoiceStatus>([InvoiceStatus.DRAFT, InvoiceStatus.SUBMITTED, InvoiceStatus.AUTHORISED]);

/** Checks a document input and turns it into the connector-neutral form. */
export function toInvoiceInput(type: InvoiceInput["type"], organizationId: string, input: DocumentInput): InvoiceInput {
  const problems: FieldProblem[] = [];
  let contactRemoteId = "";
  try {
    const parts = fromGlobalId(input.contactId, "input.contactId");
    if (parts.type !== "Contact" || parts.organizationId !== organizationId) throw new Error();
    contactRemoteId = parts.remoteId;
  } catch {
    problems.push({ field: "input.contactId", message: "must be the id of a Contact in this organization." });
  }
  if (!input.lines.length) problems.push({ field: "input.lines", message: "needs at least one line." });
  input.lines.forEach((line, i) => {
    if (!line.description?.trim() && !line.itemCode?.trim()) problems.push({ field: `input.lines[${i}]`, message: "needs a description or an itemCode." });
  });
  if (input.status && !CREATABLE.has(input.status)) problems.push({ field: "input.status", message: `${input.status} is set by the provider; create as DRAFT, SUBMITTED or AUTHORISED.` });
  if (input.issueDate && input.dueDate && input.dueDate < input.issueDate) problems.push({ field: "input.dueDate", message: `(${input.dueDate}) is before issueDate (${input.issueDate}).` });
  if (input.currency && !/^[A-Z]{3}$/.test(input.currency)) problems.push({ field: "input.currency", message: `'${input.currency}' is not an ISO 4217 code such as USD.` });
  if (problems.length) throw badUserInput(problems);
  return { ...input, type, contactRemoteId, lines: input.lines };
}

@Resolver()
export class InvoiceMutationResolver {
  @Mutation(() => InvoicePayload, { description: "Creates a sales invoice." })
  createInvoice(@Args() args: WriteArgs, @Arg("input", () => DocumentInput) input: DocumentInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "Invoice", toInvoiceInput("INVOICE", args.organizationId, input), args);
  }

  @Mutation(() => BillPayload, { description: "Creates a bill (a supplier's invoice)." })
  createBill(@Args() args: WriteArgs, @Arg("input", () => DocumentInput) input: DocumentInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "Bill", toInvoiceInput("BILL", args.organizationId, input), args);
  }
}
