import { ArgsType, Field, Int } from "type-graphql";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `How many records (1-${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  after?: string;
}

/** Complexity of a connection field: its page size times what is selected on each node. */
export const connectionComplexity = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) =>
  1 + (args.first ?? DEFAULT_PAGE_SIZE) * Math.max(1, childComplexity);
