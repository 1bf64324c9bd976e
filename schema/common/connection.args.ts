import { ArgsType, Field, Int } from "type-graphql";
import { ReadSource as ReadSourceEnum } from "../common/read-source.enum.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `How many records (1-${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  after?: string;

  @Field(() => ReadSourceEnum, {
    defaultValue: ReadSourceEnum.AUTO,
    description: "Where the page is read from: AUTO (the mirror when the entity is IN_SYNC, else the provider; a cursor keeps its page's source), MIRROR or LIVE.",
  })
  source!: ReadSourceEnum;
}

/** Complexity of a connection field: its page size times what is selected on each node. */
export const connectionComplexity = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) =>
  1 + (args.first ?? DEFAULT_PAGE_SIZE) * Math.max(1, childComplexity);
