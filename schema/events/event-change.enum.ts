import { registerEnumType } from "type-graphql";

export enum EventChange {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  DELETED = "DELETED",
  VOIDED = "VOIDED",
}
registerEnumType(EventChange, {
  name: "EventChange",
  description: "What happened to a record.",
  valuesConfig: {
    CREATED: { description: "First seen after the organization's baseline (never followed by an UPDATED for the same version)." },
    UPDATED: { description: "A new version of a record seen before." },
    DELETED: { description: "Its status moved to DELETED, or the provider no longer returns it (then `record` is null)." },
    VOIDED: { description: "Its status moved to VOIDED." },
  },
});
