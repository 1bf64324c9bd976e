import { Arg, Resolver, Root, Subscription, type ClassType, type SubscribeResolverData } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { EntityName } from "../../src/connector/entities.js";
import type { StoredEvent } from "../../src/triggers/event.js";
import { Contact } from "../contact/contact.type.js";
import { CreditNote } from "../credit-note/credit-note.type.js";
import { Bill, Invoice } from "../invoice/invoice.type.js";
import { Payment } from "../payment/payment.type.js";
import { Quote } from "../quote/quote.type.js";
import { EntityEventFilter, EventFilter } from "./event-filter.input.js";
import { RecordEvent, typedEventType } from "./event.type.js";
import { openEvents, toEventView } from "./open-events.js";

type Subscribed<F> = SubscribeResolverData<unknown, { filter?: F | null }, GatewayContext>;

@Resolver()
export class EventResolver {
  @Subscription(() => RecordEvent, {
    description: "Changes to records of the organizations this API key may see, as they are detected. With `filter.after`, the stored events after that cursor come first.",
    subscribe: ({ args, context }: Subscribed<EventFilter>) => {
      const types = args.filter?.types?.length ? new Set(args.filter.types) : undefined;
      return openEvents(context, { organizationIds: args.filter?.organizationIds, after: args.filter?.after, accept: (event) => !types || types.has(event.type) });
    },
  })
  events(@Root() event: StoredEvent, @Arg("filter", () => EventFilter, { nullable: true }) _filter?: EventFilter | null): RecordEvent {
    return toEventView(event);
  }
}

/** `invoiceEvents`, `contactEvents`, …: the events of one entity, with the record typed. */
function typedEventResolver(entity: EntityName, recordType: ClassType, field: string, subscription: string) {
  const TypedEvent = typedEventType(`${entity}Event`, recordType, field);
  @Resolver()
  class TypedEventResolver {
    @Subscription(() => TypedEvent, {
      name: subscription,
      description: `Changes to ${entity} records, as \`events\` delivers them.`,
      subscribe: ({ args, context }: Subscribed<EntityEventFilter>) => {
        const changes = args.filter?.changes?.length ? new Set<string>(args.filter.changes) : undefined;
        return openEvents(context, {
          organizationIds: args.filter?.organizationIds,
          after: args.filter?.after,
          accept: (event) => event.entity === entity && (!changes || changes.has(event.change)),
        });
      },
    })
    events(@Root() event: StoredEvent, @Arg("filter", () => EntityEventFilter, { nullable: true }) _filter?: EntityEventFilter | null): unknown {
      const view = toEventView(event);
      return { ...view, [field]: view.record };
    }
  }
  return TypedEventResolver;
}

export const typedEventResolvers = [
  typedEventResolver("Invoice", Invoice, "invoice", "invoiceEvents"),
  typedEventResolver("Bill", Bill, "bill", "billEvents"),
  typedEventResolver("Contact", Contact, "contact", "contactEvents"),
  typedEventResolver("Payment", Payment, "payment", "paymentEvents"),
  typedEventResolver("Quote", Quote, "quote", "quoteEvents"),
  typedEventResolver("CreditNote", CreditNote, "creditNote", "creditNoteEvents"),
];
