import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { ENTITY_NAMES } from "../../src/connector/entities.js";
import { DateTimeScalar } from "../scalars/index.js";

export enum MirrorStateEnum {
  OFF = "OFF",
  BACKFILLING = "BACKFILLING",
  STALE = "STALE",
  IN_SYNC = "IN_SYNC",
}

registerEnumType(MirrorStateEnum, {
  name: "MirrorState",
  description: "How far the mirror of an organization (or of one of its entities) can be trusted.",
  valuesConfig: {
    OFF: { description: "The gateway keeps no mirror (it needs LEDGERLINE_TRIGGERS=on, and LEDGERLINE_MIRROR not off): every read goes to the provider." },
    BACKFILLING: { description: "The first full listing is under way; source: AUTO reads the provider until it completes." },
    STALE: { description: "Complete once, but the last completed poll is too long ago; source: AUTO reads the provider." },
    IN_SYNC: { description: "Complete and recently polled; source: AUTO reads the mirror." },
  },
});

@ObjectType({ description: "The mirror of one entity of an organization." })
export class MirrorEntity {
  @Field(() => String, { description: "Entity name, e.g. Invoice." }) entity!: string;
  @Field(() => MirrorStateEnum, { description: "BACKFILLING, IN_SYNC or STALE." }) state!: MirrorStateEnum;
  @Field(() => Int, { description: "Records the mirror holds." }) records!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: "When the mirror last held everything the provider had (a completed poll); null before the first." })
  syncedAt!: string | null;
  @Field(() => Int, { nullable: true, description: "Seconds since syncedAt (null before the first completed poll)." }) lagSeconds!: number | null;
  @Field(() => Int, { nullable: true, description: "Records the backfill has written so far, while BACKFILLING (null otherwise)." }) backfilled!: number | null;
}

/**
 * Cost of `Mirror.entities`: it reads the mirror's store (no provider call) and returns at most one
 * row per entity, so it is priced like a page of that many rows: 1 + entities × what each selects.
 */
export const mirrorEntitiesComplexity = ({ childComplexity }: { childComplexity: number }) => 1 + ENTITY_NAMES.length * Math.max(1, childComplexity);

@ObjectType({ description: "The gateway's change-fed mirror of one organization's books, which source: AUTO and MIRROR read from." })
export class Mirror {
  @Field(() => MirrorStateEnum, { description: "OFF without a mirror; BACKFILLING if any entity is; STALE if any is; IN_SYNC otherwise." })
  state!: MirrorStateEnum;
  @Field(() => [MirrorEntity], { complexity: mirrorEntitiesComplexity, description: "Every entity the organization's connector can list, with its state." })
  entities!: MirrorEntity[];
}
