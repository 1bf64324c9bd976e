import "reflect-metadata";
import path from "node:path";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { createPubSub } from "@graphql-yoga/subscription";
import { applyInputLimits } from "../src/server/input-limits.js";
import { TEXT_LIMITS } from "./common/text-limits.js";
import { OrganizationResolver } from "./organization/organization.resolver.js";
import { OrganizationListsResolver } from "./organization/organization-lists.resolver.js";
import { ReportResolver } from "./report/report.resolver.js";
import { ReportLinePostingsResolver, TrialBalanceLinePostingsResolver } from "./report/report-postings.resolver.js";
import { ConsolidatedReportResolver } from "./report/consolidated.resolver.js";
import { StandardReportsResolver } from "./report/standard-reports.resolver.js";
import { NodeResolver } from "./node/node.resolver.js";
import { ConnectResolver } from "./organization/connect.resolver.js";
import { ContactMutationResolver } from "./contact/contact.mutation.js";
import { ContactLookupResolver } from "./contact/contact-lookup.resolver.js";
import { InvoiceMutationResolver } from "./invoice/invoice.mutation.js";
import { QuoteMutationResolver } from "./quote/quote.mutation.js";
import { PaymentMutationResolver } from "./payment/payment.mutation.js";
import { DeleteRecordResolver } from "./actions/delete-record.resolver.js";
import { AddNoteResolver } from "./actions/add-note.resolver.js";
import { SendInvoiceResolver } from "./actions/send-invoice.resolver.js";
import { DocumentLookupResolver } from "./invoice/document-lookup.resolver.js";
import { PurchaseOrderMutationResolver } from "./purchase-order/purchase-order.mutation.js";
import { CreditNoteMutationResolver } from "./credit-note/credit-note.mutation.js";
import { BankTransactionMutationResolver } from "./bank-transaction/bank-transaction.mutation.js";
import { ExpenseMutationResolver } from "./expense/expense.mutation.js";
import { ItemMutationResolver } from "./item/item.mutation.js";
import { WorkMutationResolver } from "./work/work.mutation.js";
import { contactFieldResolvers } from "./contact/contact-field.resolver.js";
import { eventResolvers } from "./events/index.js";
import { mirrorResolvers } from "./mirror/index.js";
import { adminResolvers } from "./admin/index.js";
import { webhookResolvers } from "./webhooks/index.js";
import { baseAmountResolvers } from "./common/base-amounts.resolver.js";
import { Contact } from "./contact/contact.type.js";
import { Invoice, Bill } from "./invoice/invoice.type.js";
import { Payment } from "./payment/payment.type.js";
import { Quote } from "./quote/quote.type.js";
import { CreditNote } from "./credit-note/credit-note.type.js";
import { PurchaseOrder } from "./purchase-order/purchase-order.type.js";
import { Item } from "./item/item.type.js";
import { Account } from "./account/account.type.js";
import { TaxRate } from "./tax-rate/tax-rate.type.js";
import { TrackingCategory } from "./tracking-category/tracking-category.type.js";
import { BankTransaction } from "./bank-transaction/bank-transaction.type.js";
import { Expense } from "./expense/expense.type.js";
import { Project } from "./work/project.type.js";
import { Task } from "./work/task.type.js";
import { TimeEntry } from "./work/time-entry.type.js";
import { Staff } from "./work/staff.type.js";
import { Lead } from "./lead/lead.type.js";

export const resolvers = [
  OrganizationResolver,
  OrganizationListsResolver,
  ReportResolver,
  ReportLinePostingsResolver,
  TrialBalanceLinePostingsResolver,
  ConsolidatedReportResolver,
  StandardReportsResolver,
  NodeResolver,
  ConnectResolver,
  ContactMutationResolver,
  ContactLookupResolver,
  InvoiceMutationResolver,
  QuoteMutationResolver,
  PaymentMutationResolver,
  DeleteRecordResolver,
  AddNoteResolver,
  SendInvoiceResolver,
  DocumentLookupResolver,
  PurchaseOrderMutationResolver,
  CreditNoteMutationResolver,
  BankTransactionMutationResolver,
  ExpenseMutationResolver,
  ItemMutationResolver,
  WorkMutationResolver,
  ...contactFieldResolvers,
  ...eventResolvers,
  ...mirrorResolvers,
  ...adminResolvers,
  ...baseAmountResolvers,
  ...webhookResolvers,
] as unknown as NonEmptyArray<Function>;

/** Types reachable only through the Node interface must be listed so they land in the schema. */
const orphanedTypes = [Contact, Invoice, Bill, Payment, Quote, CreditNote, PurchaseOrder, Item, Account, TaxRate, TrackingCategory, BankTransaction, Expense, Project, Task, TimeEntry, Staff, Lead];

export interface BuildGatewaySchemaOptions {
  /** Write the sorted SDL here (the committed `schema/schema.graphql`). */
  emitSchemaTo?: string;
}

/** The schema with every string and id argument length- and character-checked (`applyInputLimits`). */
export async function buildGatewaySchema({ emitSchemaTo }: BuildGatewaySchemaOptions = {}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    orphanedTypes,
    // Event subscriptions bring their own streams (`subscribe`); type-graphql still wants a pubsub to build them.
    pubSub: createPubSub(),
    validate: false,
    emitSchemaFile: emitSchemaTo ? { path: path.resolve(emitSchemaTo), sortedSchema: true } : false,
  });
  return applyInputLimits(schema, { fields: TEXT_LIMITS });
}
