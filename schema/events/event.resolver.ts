import { Arg, Resolver, Root, Subscription, type ClassType, type SubscribeResolverData } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { EntityName } from "../../src/connector/entities.js";
import { CHANGE_KINDS, eventTypeOf, type StoredEvent } from "../../src/triggers/event.js";
import { Contact } from "../contact/contact.type.js";
import { CreditNote } from "../credit-note/credit-note.type.js";
import { Bill, Invoice } from "../invoice/invoice.type.js";
import { Payment } from "../payment/payment.type.js";
import { Quote } from "../quote/quote.type.js";
import { EntityEventFilter, EventFilter } from "./event-filter.input.js";
import { RecordEvent, typedEventType } from "./event.type.js";
import { entityOfEventType, TRIGGER_ENTITIES } from "./event-type.enum.js";
import { openEvents, toEventView, whereOf, type EventView } from "./open-events.js";

type Subscribed<F> = SubscribeResolverData<unknown, { filter?: F | null }, GatewayContext>;

@Resolver()
export class EventResolver {
  @Subscription(() => RecordEvent, {
    description: "Changes to records of the organizations this API key may see, as they are detected. With `filter.after`, the stored events after that cursor come first.",
    subscribe: async ({ args, context, info }: Subscribed<EventFilter>) => {
      const filter = args.filter;
      const types = filter?.types?.length ? new Set(filter.types) : undefined;
      // The record types the conditions apply to: those of the record event types named, else every entity with events.
      const entities = types ? [...new Set([...types].map(entityOfEventType).filter((e) => e !== undefined))] : TRIGGER_ENTITIES;
      const predicate = whereOf(info.schema, entities, filter?.where, types ? undefined : "Name `filter.types` to filter on the fields of one entity (without types a field must exist on every entity with events)");
      return openEvents(context, { organizationIds: filter?.organizationIds, after: filter?.after, types, predicate });
    },
  })
  events(@Root() event: StoredEvent, @Arg("filter", () => EventFilter, { nullable: true }) _filter?: EventFilter | null): EventView {
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
      subscribe: async ({ args, context, info }: Subscribed<EntityEventFilter>) => {
        const filter = args.filter;
        const changes = filter?.changes?.length ? filter.changes : CHANGE_KINDS;
        const predicate = whereOf(info.schema, [entity], filter?.where);
        return openEvents(context, { organizationIds: filter?.organizationIds, after: filter?.after, types: new Set(changes.map((change) => eventTypeOf(entity, change))), predicate });
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
