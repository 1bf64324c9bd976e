import { Arg, Ctx, Args, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { InvoiceInput } from "../../src/connector/inputs.js";
import { badUserInput, type FieldProblem } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { Bill, Invoice } from "./invoice.type.js";
import { InvoiceStatus } from "./invoice-status.enum.js";
import { DocumentInput, DocumentUpdateInput } from "./invoice.input.js";
import type { InvoiceChanges } from "../../src/connector/writes.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { runCreate } from "../actions/run-create.js";
import { recordOrRequest } from "../actions/once.js";

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

function changeProblems(input: DocumentUpdateInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.status && !CREATABLE.has(input.status)) problems.push({ field: "input.status", message: `${input.status} is not set directly: void or delete with deleteRecord; PAID follows payments.` });
  if (input.issueDate && input.dueDate && input.dueDate < input.issueDate) problems.push({ field: "input.dueDate", message: `(${input.dueDate}) is before issueDate (${input.issueDate}).` });
  if (input.lines && !input.lines.length) problems.push({ field: "input.lines", message: "cannot be empty; leave it out to keep the lines." });
  input.lines?.forEach((line, i) => {
    if (!line.description?.trim() && !line.itemCode?.trim()) problems.push({ field: `input.lines[${i}]`, message: "needs a description or an itemCode." });
  });
  return problems;
}

async function updateDocument(ctx: GatewayContext, id: string, input: DocumentUpdateInput, dryRun: boolean, type: "Invoice" | "Bill") {
  const parts = fromGlobalId(id);
  const problems = parts.type === type ? changeProblems(input) : [{ field: "id", message: `must be the id of a ${type}.` }];
  if (problems.length) throw badUserInput(problems);
  const adapter = await ctx.organizations.adapter(parts.organizationId);
  const result = await adapter.update!(type, parts.remoteId, input as InvoiceChanges, { dryRun });
  return { ...recordOrRequest(result), replayed: false };
}

@Resolver()
export class InvoiceMutationResolver {
  @Mutation(() => InvoicePayload, { description: "Changes a sales invoice: status moves (DRAFT → SUBMITTED → AUTHORISED), dates, reference, and lines where the provider allows." })
  updateInvoice(@Arg("id", () => ID) id: string, @Arg("input", () => DocumentUpdateInput) input: DocumentUpdateInput, @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean, @Ctx() ctx: GatewayContext) {
    return updateDocument(ctx, id, input, dryRun, "Invoice");
  }

  @Mutation(() => BillPayload, { description: "Changes a bill, as updateInvoice does for sales invoices." })
  updateBill(@Arg("id", () => ID) id: string, @Arg("input", () => DocumentUpdateInput) input: DocumentUpdateInput, @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean, @Ctx() ctx: GatewayContext) {
    return updateDocument(ctx, id, input, dryRun, "Bill");
  }

  @Mutation(() => InvoicePayload, { description: "Creates a sales invoice." })
  createInvoice(@Args() args: WriteArgs, @Arg("input", () => DocumentInput) input: DocumentInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "Invoice", toInvoiceInput("INVOICE", args.organizationId, input), args);
  }

  @Mutation(() => BillPayload, { description: "Creates a bill (a supplier's invoice)." })
  createBill(@Args() args: WriteArgs, @Arg("input", () => DocumentInput) input: DocumentInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "Bill", toInvoiceInput("BILL", args.organizationId, input), args);
  }
}
