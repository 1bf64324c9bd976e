import { registerEnumType } from "type-graphql";

/**
 * Where a read is answered from (the `source` argument of lists, lookups and reports). Its values
 * are the names `src/mirror/read/read-source.ts` decides on.
 */
export enum ReadSource {
  AUTO = "AUTO",
  MIRROR = "MIRROR",
  LIVE = "LIVE",
}
registerEnumType(ReadSource, {
  name: "ReadSource",
  description:
    "Where a read is answered from. AUTO: the mirror when what the read needs is IN_SYNC, the provider otherwise. " +
    "MIRROR: the mirror whatever its state (never the provider). LIVE: the provider.",
});

