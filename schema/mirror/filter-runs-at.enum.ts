import { registerEnumType } from "type-graphql";

/** Where a list filter is applied. */
export enum FilterRunsAtEnum {
  PROVIDER = "PROVIDER",
  MIRROR = "MIRROR",
  BOTH = "BOTH",
}

registerEnumType(FilterRunsAtEnum, {
  name: "FilterRunsAt",
  description: "Where a list filter is applied: by the provider server-side, by the gateway's mirror, or either.",
  valuesConfig: {
    PROVIDER: { description: "Only the provider applies it (the gateway keeps no mirror)." },
    MIRROR: { description: "Only the mirror applies it: lists read from the mirror (source: MIRROR, or AUTO while the entity is IN_SYNC) accept it; source: LIVE answers NOT_SUPPORTED." },
    BOTH: { description: "The provider applies it server-side and the mirror does too: every source accepts it." },
  },
});
