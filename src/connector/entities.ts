import type { Contact } from "../../schema/contact/contact.type.js";
import type { Invoice, Bill } from "../../schema/invoice/invoice.type.js";
import type { Payment } from "../../schema/payment/payment.type.js";
import type { Quote } from "../../schema/quote/quote.type.js";
import type { CreditNote } from "../../schema/credit-note/credit-note.type.js";
import type { PurchaseOrder } from "../../schema/purchase-order/purchase-order.type.js";
import type { Item } from "../../schema/item/item.type.js";
import type { Account } from "../../schema/account/account.type.js";
import type { TaxRate } from "../../schema/tax-rate/tax-rate.type.js";
import type { TrackingCategory } from "../../schema/tracking-category/tracking-category.type.js";
import type { BankTransaction } from "../../schema/bank-transaction/bank-transaction.type.js";
import type { Expense } from "../../schema/expense/expense.type.js";
import type { Project } from "../../schema/work/project.type.js";
import type { Task } from "../../schema/work/task.type.js";
import type { TimeEntry } from "../../schema/work/time-entry.type.js";
import type { Staff } from "../../schema/work/staff.type.js";
import type { Lead } from "../../schema/lead/lead.type.js";

/** Unified entity name → the unified record a connector returns for it. Names equal GraphQL type names. */
export interface EntityTypes {
  Contact: Contact;
  Invoice: Invoice;
  Bill: Bill;
  Payment: Payment;
  Quote: Quote;
  CreditNote: CreditNote;
  PurchaseOrder: PurchaseOrder;
  Item: Item;
  Account: Account;
  TaxRate: TaxRate;
  TrackingCategory: TrackingCategory;
  BankTransaction: BankTransaction;
  Expense: Expense;
  Project: Project;
  Task: Task;
  TimeEntry: TimeEntry;
  Staff: Staff;
  Lead: Lead;
}
export type EntityName = keyof EntityTypes;

export const ENTITY_NAMES: readonly EntityName[] = [
  "Contact",
  "Invoice",
  "Bill",
  "Payment",
  "Quote",
  "CreditNote",
  "PurchaseOrder",
  "Item",
  "Account",
  "TaxRate",
  "TrackingCategory",
  "BankTransaction",
  "Expense",
  "Project",
  "Task",
  "TimeEntry",
  "Staff",
  "Lead",
];

/** Reference data rarely changes and is cached by connectors (with a TTL). */
export const REFERENCE_ENTITIES: readonly EntityName[] = ["Account", "TaxRate", "TrackingCategory"];
