import { Arg, Ctx, Args, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { InvoiceInput } from "../../src/connector/inputs.js";
import { badUserInput } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { Bill, Invoice } from "./invoice.type.js";
import { InvoiceStatus } from "./invoice-status.enum.js";
import { DocumentInput, DocumentUpdateInput } from "./invoice.input.js";
import type { InvoiceChanges } from "../../src/connector/writes.js";
import { ProviderRequest } from "../actions/provider-request.type.js";
import { WriteArgs } from "../actions/write.args.js";
import { runCreate } from "../actions/run-create.js";
import { recordOrRequest } from "../actions/once.js";
import { InputChecks } from "../actions/input-checks.js";

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

const CREATABLE = [InvoiceStatus.DRAFT, InvoiceStatus.SUBMITTED, InvoiceStatus.AUTHORISED] as const;

/** Checks a document input and turns it into the connector-neutral form. */
export function toInvoiceInput(type: InvoiceInput["type"], organizationId: string, input: DocumentInput): InvoiceInput {
  const checks = new InputChecks(organizationId);
  const contactRemoteId = checks.contact(input.contactId);
  checks.lines(input.lines);
  checks.creationStatus(input.status);
  checks.notBefore(input.dueDate, "input.dueDate", input.issueDate, "issueDate");
  checks.currency(input.currency);
  checks.done();
  return { ...input, type, contactRemoteId, lines: input.lines };
}

function checkChanges(organizationId: string, input: DocumentUpdateInput): void {
  const checks = new InputChecks(organizationId);
  checks.oneOf(input.status, CREATABLE, "input.status", `${input.status} is not set directly: void or delete with deleteRecord; PAID follows payments.`);
  checks.notBefore(input.dueDate, "input.dueDate", input.issueDate, "issueDate");
  checks.lines(input.lines, { optional: true });
  checks.done();
}

async function updateDocument(ctx: GatewayContext, id: string, input: DocumentUpdateInput, dryRun: boolean, type: "Invoice" | "Bill") {
  const parts = fromGlobalId(id);
  if (parts.type !== type) throw badUserInput([{ field: "id", message: `must be the id of a ${type}.` }]);
  checkChanges(parts.organizationId, input);
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
