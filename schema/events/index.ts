import { EventResolver, typedEventResolvers } from "./event.resolver.js";
import { TriggerStateResolver } from "./trigger-state.resolver.js";

/** Subscriptions to events and the poller-state fields of Organization. */
export const eventResolvers = [EventResolver, ...typedEventResolvers, TriggerStateResolver];
