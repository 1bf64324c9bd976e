import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { Organization } from "./organization.type.js";
import { ConnectionArgs, connectionComplexity } from "../common/connection.args.js";
import { InvoiceFilter, PurchaseOrderFilter, QuoteFilter, RecordFilter, StatusDocumentFilter, StatusRecordFilter } from "../common/filters.input.js";
import { listRecords } from "../common/list-records.js";
import * as C from "./connections.js";

const opts = { complexity: connectionComplexity };

/** The lists under `organization(id) { … }`: one Relay connection per entity, all through `listRecords`. */
@Resolver(() => Organization)
export class OrganizationListsResolver {
  @FieldResolver(() => C.ContactConnection, opts)
  contacts(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusRecordFilter, { nullable: true }) f: StatusRecordFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Contact", a, f);
  }

  @FieldResolver(() => C.InvoiceConnection, { ...opts, description: "Sales invoices." })
  invoices(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => InvoiceFilter, { nullable: true }) f: InvoiceFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Invoice", a, f);
  }

  @FieldResolver(() => C.BillConnection, { ...opts, description: "Purchase invoices (bills)." })
  bills(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => InvoiceFilter, { nullable: true }) f: InvoiceFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Bill", a, f);
  }

  @FieldResolver(() => C.CreditNoteConnection, opts)
  creditNotes(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => InvoiceFilter, { nullable: true }) f: InvoiceFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "CreditNote", a, f);
  }

  @FieldResolver(() => C.PaymentConnection, opts)
  payments(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusDocumentFilter, { nullable: true }) f: StatusDocumentFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Payment", a, f);
  }

  @FieldResolver(() => C.QuoteConnection, opts)
  quotes(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => QuoteFilter, { nullable: true }) f: QuoteFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Quote", a, f);
  }

  @FieldResolver(() => C.PurchaseOrderConnection, opts)
  purchaseOrders(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => PurchaseOrderFilter, { nullable: true }) f: PurchaseOrderFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "PurchaseOrder", a, f);
  }

  @FieldResolver(() => C.BankTransactionConnection, opts)
  bankTransactions(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusDocumentFilter, { nullable: true }) f: StatusDocumentFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "BankTransaction", a, f);
  }

  @FieldResolver(() => C.ItemConnection, opts)
  items(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => RecordFilter, { nullable: true }) f: RecordFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Item", a, f);
  }

  @FieldResolver(() => C.AccountConnection, opts)
  accounts(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusRecordFilter, { nullable: true }) f: StatusRecordFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Account", a, f);
  }

  @FieldResolver(() => C.TaxRateConnection, opts)
  taxRates(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusRecordFilter, { nullable: true }) f: StatusRecordFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "TaxRate", a, f);
  }

  @FieldResolver(() => C.TrackingCategoryConnection, opts)
  trackingCategories(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusRecordFilter, { nullable: true }) f: StatusRecordFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "TrackingCategory", a, f);
  }

  @FieldResolver(() => C.ExpenseConnection, { ...opts, description: "Expenses (and incomes) recorded outside invoices and bills." })
  expenses(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusDocumentFilter, { nullable: true }) f: StatusDocumentFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Expense", a, f);
  }

  @FieldResolver(() => C.ProjectConnection, opts)
  projects(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusDocumentFilter, { nullable: true }) f: StatusDocumentFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Project", a, f);
  }

  @FieldResolver(() => C.TaskConnection, opts)
  tasks(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusRecordFilter, { nullable: true }) f: StatusRecordFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Task", a, f);
  }

  @FieldResolver(() => C.TimeEntryConnection, opts)
  timeEntries(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusDocumentFilter, { nullable: true }) f: StatusDocumentFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "TimeEntry", a, f);
  }

  @FieldResolver(() => C.StaffConnection, opts)
  staff(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusRecordFilter, { nullable: true }) f: StatusRecordFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Staff", a, f);
  }

  @FieldResolver(() => C.LeadConnection, opts)
  leads(@Root() o: Organization, @Args() a: ConnectionArgs, @Arg("filter", () => StatusRecordFilter, { nullable: true }) f: StatusRecordFilter, @Ctx() ctx: GatewayContext) {
    return listRecords(ctx, o.id, "Lead", a, f);
  }
}
