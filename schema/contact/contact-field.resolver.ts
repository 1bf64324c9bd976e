import { Ctx, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { ContactRef } from "../common/document.type.js";
import { Contact } from "./contact.type.js";
import { Invoice, Bill } from "../invoice/invoice.type.js";
import { CreditNote } from "../credit-note/credit-note.type.js";
import { Quote } from "../quote/quote.type.js";
import { PurchaseOrder } from "../purchase-order/purchase-order.type.js";
import { BankTransaction } from "../bank-transaction/bank-transaction.type.js";
import { Payment } from "../payment/payment.type.js";
import { Expense } from "../expense/expense.type.js";
import { Project } from "../work/project.type.js";
import { referenceSource } from "../../src/mirror/read/freshness.js";

interface HasContact {
  organizationId: string;
  contactRef?: ContactRef | null;
}

/**
 * Adds `contact: Contact` to a type whose records carry a `contactRef`; loads are batched per request,
 * from the source the record itself came from (a record read from the mirror loads its contact from the mirror).
 */
function contactFieldResolver(type: ClassType) {
  @Resolver(() => type)
  class ContactFieldResolver {
    @FieldResolver(() => Contact, { nullable: true, complexity: 2, description: "The contact, fetched in one batched call per page." })
    contact(@Root() record: HasContact, @Ctx() ctx: GatewayContext): Promise<Contact | null> | null {
      if (!record.contactRef?.remoteId) return null;
      return ctx.loaders.entity(record.organizationId, "Contact", referenceSource(record)).load(record.contactRef.remoteId);
    }
  }
  return ContactFieldResolver;
}

export const contactFieldResolvers = [Invoice, Bill, CreditNote, Quote, PurchaseOrder, BankTransaction, Payment, Expense, Project].map(contactFieldResolver);
